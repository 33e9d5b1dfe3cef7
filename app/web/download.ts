// How a stored supporting document leaves the portal, whoever downloads it (applicant, assessor,
// fund administrator): always as an attachment with the media type found when it was uploaded,
// never sniffed, never cached, and sandboxed should a browser render it anyway.

/** attachment; an ASCII fallback name and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export type DownloadableDocument = { originalName: string; mediaType: string; bytes: Uint8Array };

export function documentDownload(document: DownloadableDocument): Response {
  return new Response(new Uint8Array(document.bytes), {
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(document.bytes.byteLength),
      "Content-Disposition": contentDisposition(document.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
