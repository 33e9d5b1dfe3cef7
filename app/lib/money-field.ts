// The one money field (ADR 0012): what a person typed in pounds, as integer pence, with the
// form's own messages. Used by the forms' zod schemas in the browser and on the server.
import { z } from "zod";
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

/** A required amount in pounds, as integer pence. */
export function moneyField(messages: MoneyMessages) {
  return z.string({ error: messages.empty }).transform((typed, ctx) => {
    const read = readPounds(typed, messages);
    if (read.ok && read.pence !== null) return read.pence;
    ctx.addIssue({ code: "custom", message: read.ok ? messages.empty : read.message });
    return z.NEVER;
  });
}

/** An amount that may be left empty (null); a missing field counts as empty. */
export function optionalMoneyField(messages: MoneyMessages) {
  return z
    .string()
    .default("")
    .transform((typed, ctx) => {
      const read = readPounds(typed, messages);
      if (read.ok) return read.pence;
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    });
}
