// Time-based one-time passwords (RFC 6238) with the time step made explicit: the replay rule
// (ADR 0020) needs to know which step a code belongs to, and the demo code command and the
// browser tests need the code of a chosen step, which @epic-web/totp (current time only) does not
// give. Authenticator apps use these parameters: HMAC-SHA-1, 6 digits, 30-second steps.
// totp.server.test.ts checks the codes against @epic-web/totp and the RFC's test vectors.
import { getTOTPAuthUri } from "@epic-web/totp";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are accepted, for a phone clock a little out and typing time. */
export const TOTP_WINDOW = 1;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes RFC 4648 base32 (spaces, padding and case ignored); null when it is not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=]/g, "").toUpperCase();
  if (!/^[A-Z2-7]+$/.test(clean)) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = ((buffer << 5) | BASE32.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** A new secret: 160 random bits, the key length RFC 4226 recommends, as 32 base32 characters. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The time step a moment falls in. */
export function totpStep(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** When a step starts. */
export function stepStartsAt(step: number): Date {
  return new Date(step * TOTP_PERIOD_SECONDS * 1000);
}

/** The code for one time step (HOTP with the step as the counter, dynamic truncation to 6 digits). */
export function totpCode(secret: string, step: number): string {
  const key = base32Decode(secret);
  if (!key || key.length === 0) throw new Error("A TOTP secret must be base32");
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** TOTP_DIGITS).padStart(TOTP_DIGITS, "0");
}

/** The steps a code is accepted for at `now`, oldest first. */
export function acceptedSteps(now: Date = new Date()): number[] {
  const current = totpStep(now);
  const steps: number[] = [];
  for (let delta = -TOTP_WINDOW; delta <= TOTP_WINDOW; delta += 1) steps.push(current + delta);
  return steps;
}

/**
 * The step within the window whose code `code` is, and which is later than `lastStep` (a code
 * is accepted once: ADR 0020), or why not. Every step is compared, in constant time, so the
 * answer takes as long whichever step matched.
 */
export function matchTotp(secret: string, code: string, lastStep: number | null, now: Date = new Date()): { step: number } | { replayed: true } | null {
  const given = Buffer.from(code.padEnd(TOTP_DIGITS, " ").slice(0, 16));
  let match: number | null = null;
  let replayed = false;
  for (const step of acceptedSteps(now)) {
    const expected = Buffer.from(totpCode(secret, step));
    const same = given.length === expected.length && timingSafeEqual(given, expected);
    if (!same) continue;
    if (lastStep !== null && step <= lastStep) replayed = true;
    else match ??= step;
  }
  if (match !== null) return { step: match };
  return replayed ? { replayed: true } : null;
}

/**
 * The earliest step in the window after `lastStep` that will still be in the window `marginMs`
 * from now, or null when every one has been used (then wait for the next step). For the demo
 * code command and the browser tests, which must not present a code twice.
 */
export function freeStep(lastStep: number | null, now: Date = new Date(), marginMs = 5_000): number | null {
  const later = totpStep(new Date(now.getTime() + marginMs));
  for (const step of acceptedSteps(now)) {
    if (lastStep !== null && step <= lastStep) continue;
    if (step < later - TOTP_WINDOW) continue;
    return step;
  }
  return null;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpAuthUri(secret: string, accountName: string, issuer: string): string {
  return getTOTPAuthUri({ secret, accountName, issuer, algorithm: "SHA-1", digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}
