// The link that finishes a registration (ADR 0021). It is sealed, not stored: AES-256-GCM with a
// key derived from SESSION_SECRET holds the email address, where to go afterwards and when the
// link stops working. Sealing (rather than only signing) keeps the address out of server logs and
// browser history. The link is single-use without a table: once an account exists for the
// address, the link is "used".
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "~/lib/env.server";

/** How long a registration link works. */
export const REGISTRATION_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

const IV_BYTES = 12;
const TAG_BYTES = 16;
// Long enough for the largest payload (a 254-character address and a redirect path), short
// enough that a pasted novel is refused before any decryption is tried.
const MAX_TOKEN_CHARS = 1_200;

export type RegistrationLink = { email: string; redirectTo: string; expiresAt: Date };

function key(): Buffer {
  // A key of its own, so nothing sealed here can be mistaken for anything else keyed by the secret.
  return Buffer.from(hkdfSync("sha256", env().SESSION_SECRET, "", "csf registration link v1", 32));
}

export function sealRegistrationLink(link: RegistrationLink): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const plain = JSON.stringify({ e: link.email, r: link.redirectTo, x: link.expiresAt.getTime() });
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url");
}

/** The link's contents, or null when the token was not sealed by us (altered, truncated, made up). */
export function openRegistrationLink(token: string): RegistrationLink | null {
  if (token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    const value: unknown = JSON.parse(plain);
    if (typeof value !== "object" || value === null) return null;
    const { e, r, x } = value as Record<string, unknown>;
    if (typeof e !== "string" || typeof r !== "string" || typeof x !== "number") return null;
    return { email: e, redirectTo: r, expiresAt: new Date(x) };
  } catch {
    // The authentication tag did not match: not one of ours.
    return null;
  }
}
