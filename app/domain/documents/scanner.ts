// What a malware scanner offers the portal (ADR 0022), and what a document's scan status means for
// who may download it. Drivers know nothing of HTTP or of documents' owners.

export const SCAN_STATUSES = ["pending", "clean", "infected", "error", "not_scanned"] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

export function isScanStatus(value: unknown): value is ScanStatus {
  return SCAN_STATUSES.some((s) => s === value);
}

/** The scanner's answer about one file. `error`: it was reached but could not scan this file (too big, say). */
export type ScanVerdict = { verdict: "clean" } | { verdict: "infected"; signature: string } | { verdict: "error"; reason: string };

export interface DocumentScanner {
  /** "clamd", for the admin page and logs. */
  readonly kind: string;
  /** Scans the bytes; throws when the scanner cannot be reached or does not answer in time. */
  scan(body: Uint8Array | ReadableStream<Uint8Array>): Promise<ScanVerdict>;
  /** Resolves when the scanner answers; throws otherwise. */
  check(): Promise<void>;
}

/**
 * Whether a reader may have a document's bytes, by its scan status: a quarantined file never; a
 * file not yet scanned (or whose scan failed) only by the person who uploaded it, who had it
 * already; a clean file, or one uploaded while scanning was off, by anyone the access rules allow.
 */
export function downloadVerdict(status: string, readerIsUploader: boolean): "allowed" | "quarantined" | "not_scanned_yet" {
  if (status === "infected") return "quarantined";
  if (status === "clean" || status === "not_scanned") return "allowed";
  return readerIsUploader ? "allowed" : "not_scanned_yet";
}

/** What the uploader is told about a quarantined file (and the field error on upload). */
export const QUARANTINED_MESSAGE = "We found a problem with this file. Upload a different one";
