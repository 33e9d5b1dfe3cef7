// What every document storage driver offers (ADR 0013), and the shape of the names they generate.
import { randomBytes } from "node:crypto";

/** A stored document opened for reading: its size and its bytes as a stream, read once. */
export type StoredDocument = { sizeBytes: number; body: ReadableStream<Uint8Array> };

export interface DocumentStorage {
  /** "local" or "s3", for readiness reports and logs. */
  readonly kind: string;
  /** Stores the bytes under a new generated name and returns that name; throws when it cannot. */
  put(bytes: Uint8Array, options?: { mediaType?: string }): Promise<string>;
  /** The stored document as a stream, or null when there is no such document. */
  open(storedName: string): Promise<StoredDocument | null>;
  /** Removes a stored document; removing one that is already gone is not an error. */
  delete(storedName: string): Promise<void>;
  /** Resolves when documents can be stored and read (the folder or bucket is there); throws otherwise. */
  check(): Promise<void>;
}

const STORED_NAME = /^[a-f0-9]{48}$/;

export function isStoredName(name: string): boolean {
  return STORED_NAME.test(name);
}

export function newStoredName(): string {
  return randomBytes(24).toString("hex");
}

/** The whole of a stored document, or null: for tests and small reads (downloads stream instead). */
export async function readStoredBytes(storage: DocumentStorage, storedName: string): Promise<Buffer | null> {
  const document = await storage.open(storedName);
  if (!document) return null;
  const chunks: Uint8Array[] = [];
  const reader = document.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    chunks.push(value);
  }
}
