// Reads a document upload (multipart/form-data) with a size limit, without ever holding more
// than the limit in memory. An oversize file is not an exception: the rest of the request is
// read and thrown away so that the browser gets the page with a GOV.UK error (a server that
// answers before the upload has finished sending is seen by browsers as a failed connection).
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import type { DocumentUpload, UploadedFile } from "~/domain/documents/upload";

/** Beyond this much over the limit, reading on is not worth it: the request is refused outright. */
const DRAIN_ALLOWANCE_BYTES = 64 * 1024 * 1024;
const MAX_TEXT_FIELD_BYTES = 1_000;
const MAX_PARTS = 20;

export function isMultipart(request: Request) {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

function tooLargeResponse() {
  return new Response("The selected file is too large.", { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" } });
}

export async function readDocumentUpload(request: Request, options: { fileField: string; maxFileBytes: number }): Promise<DocumentUpload> {
  const hardLimit = options.maxFileBytes + DRAIN_ALLOWANCE_BYTES;
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (Number.isFinite(declared) && declared > hardLimit) throw tooLargeResponse();

  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let fileSeen = false;
  let problem: DocumentUpload["problem"] = null;
  let parts = 0;
  let drained = 0;

  const handler: UploadHandler = async ({ name, filename, data }) => {
    parts += 1;
    const keep = parts <= MAX_PARTS;
    const isOurFile = keep && typeof filename === "string" && name === options.fileField && !fileSeen;
    const limit = isOurFile ? options.maxFileBytes : typeof filename === "string" ? 0 : MAX_TEXT_FIELD_BYTES;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let over = false;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit) {
        over = true;
        drained += chunk.byteLength;
        if (drained > hardLimit) throw tooLargeResponse();
        continue;
      }
      chunks.push(chunk);
    }
    if (isOurFile) {
      fileSeen = true;
      if (over) problem = "too_large";
      else if (filename === "" && size === 0) problem = "missing";
      else if (size === 0) problem = "empty";
      else file = { name: filename ?? "", bytes: Buffer.concat(chunks) };
    } else if (keep && typeof filename !== "string" && !over) {
      fields[name] ??= Buffer.concat(chunks).toString("utf8");
    }
    // Nothing is handed back to Remix: the parts are collected above.
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof Response) throw error;
    // A malformed body (a broken boundary, a client that gave up) is a bad request, not a fault.
    throw new Response("The upload could not be read. Try again.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (!fileSeen) problem = "missing";
  return { fields, file, problem };
}
