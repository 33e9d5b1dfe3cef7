// Decides what an uploaded file is from its bytes (file-type reads the signatures, and looks
// inside zip containers for DOCX and ODT), never from its name or the browser's claim.
import { fileTypeFromBuffer } from "file-type";
import { ACCEPTED_TYPES, type AcceptedExtension } from "./document-kinds";

export type Inspection = { ok: true; extension: AcceptedExtension; mediaType: string } | { ok: false; detected: string | null };

export async function inspectDocument(bytes: Uint8Array): Promise<Inspection> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected && detected.ext in ACCEPTED_TYPES) {
    const extension = detected.ext as AcceptedExtension;
    return { ok: true, extension, mediaType: ACCEPTED_TYPES[extension].mediaType };
  }
  return { ok: false, detected: detected?.mime ?? null };
}
