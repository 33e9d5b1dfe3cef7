// A document upload as the domain receives it: read from the request by the HTTP edge
// (app/web/multipart.server.ts), checked and stored by documents.server.ts.

export type UploadedFile = { name: string; bytes: Uint8Array };

export type DocumentUpload = {
  /** The form's text fields. */
  fields: Record<string, string>;
  file: UploadedFile | null;
  /** Why the file cannot be used, before its content is checked. */
  problem: "too_large" | "empty" | "missing" | null;
};
