// How a stored supporting document leaves the portal, whoever downloads it (applicant, assessor,
// fund administrator): always as an attachment with the media type found when it was uploaded,
// never sniffed, never cached, and sandboxed should a browser render it anyway.
import { orNotFound } from "./not-found";

/** attachment; an ASCII fallback name and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The bytes whole (small, or already read), or as a stream with the size recorded by the store. */
export type DownloadableDocument = { originalName: string; mediaType: string } & (
  { bytes: Uint8Array } | { body: ReadableStream<Uint8Array>; sizeBytes: number }
);

export function documentDownload(document: DownloadableDocument): Response {
  const [body, size] = "bytes" in document ? [new Uint8Array(document.bytes), document.bytes.byteLength] : [document.body, document.sizeBytes];
  return new Response(body, {
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(document.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

/** A CSV export as it is produced: streamed (no Content-Length), an attachment, never cached. */
export function csvDownload(filename: string, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * A document download, or the page saying why it is withheld (quarantined, or not yet scanned:
 * ADR 0022), or a 404 when there is no such document for this reader.
 */
export function documentDownloadOr(document: DownloadableDocument | { withheld: "quarantined" | "not_scanned_yet" } | null): Response {
  if (document && "withheld" in document) {
    return new Response(null, { status: 303, headers: { Location: `/documents/unavailable?reason=${document.withheld}`, "Cache-Control": "no-store" } });
  }
  return documentDownload(orNotFound(document, "Not Found"));
}
