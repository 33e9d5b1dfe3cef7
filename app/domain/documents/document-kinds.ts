// Which supporting documents a bid needs, and which file types are accepted. The type of an
// upload is decided by its content (file-type), never by its name or the browser's claim.

export const DOCUMENT_KINDS = [
  { kind: "constitution", label: "Constitution or governing document", lower: "constitution or governing document" },
  { kind: "accounts", label: "Latest accounts", lower: "latest accounts" },
  { kind: "safeguarding_policy", label: "Safeguarding policy", lower: "safeguarding policy" },
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number]["kind"];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return DOCUMENT_KINDS.some((d) => d.kind === value);
}

export function documentKindLabel(kind: string): string {
  return DOCUMENT_KINDS.find((d) => d.kind === kind)?.label ?? "Other document";
}

/** Documents in the order the form asks for them; any other kind after those, as given. */
export function inKindOrder<D extends { kind: string }>(documents: readonly D[]): D[] {
  const rank = (kind: string) => {
    const index = DOCUMENT_KINDS.findIndex((d) => d.kind === kind);
    return index === -1 ? DOCUMENT_KINDS.length : index;
  };
  return [...documents].sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** Accepted content types, keyed by what file-type reports as the extension. */
export const ACCEPTED_TYPES = {
  pdf: { mediaType: "application/pdf", label: "PDF" },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word (DOCX)" },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", label: "OpenDocument text (ODT)" },
  png: { mediaType: "image/png", label: "PNG" },
  jpg: { mediaType: "image/jpeg", label: "JPEG" },
} as const;

export type AcceptedExtension = keyof typeof ACCEPTED_TYPES;

/** What the file picker offers (a hint only; the server checks the content). */
export const ACCEPT_ATTRIBUTE = ".pdf,.docx,.odt,.png,.jpg,.jpeg";

export const ACCEPTED_TYPES_TEXT = "PDF, DOCX, ODT, PNG or JPEG";

/** A size for people, as file managers show it: "240 KB", "2.4 MB", "10 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1_048_576) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1_048_576).toFixed(1).replace(/\.0$/, "")} MB`;
}
