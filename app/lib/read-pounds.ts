// Reading an amount typed in pounds (ADR 0012), without zod: the bid section schemas (zod/mini,
// ADR 0027) use it in the browser, so it must not bring zod's full build into their bundles.
import { parsePounds } from "./money";

export type MoneyMessages = {
  /** Nothing typed (or the field is missing). */
  empty: string;
  /** Not an amount in pounds and pence. */
  format: string;
  /** More than the portal accepts anywhere (MAX_PENCE). */
  tooLarge: string;
  /** Given only for amounts that must be more than £0. */
  notPositive?: string;
};

/** Longer than any amount: refused as a format problem before it is parsed. */
const MAX_LENGTH = 30;

/** Pence, null for nothing typed, or the message for what is wrong. */
export function readPounds(typed: string, messages: MoneyMessages): { ok: true; pence: number | null } | { ok: false; message: string } {
  if (typed.length > MAX_LENGTH) return { ok: false, message: messages.format };
  const parsed = parsePounds(typed);
  if (parsed.ok) {
    if (messages.notPositive && parsed.pence <= 0) return { ok: false, message: messages.notPositive };
    return { ok: true, pence: parsed.pence };
  }
  if (parsed.reason === "empty") return { ok: true, pence: null };
  return { ok: false, message: parsed.reason === "too_large" ? messages.tooLarge : messages.format };
}
