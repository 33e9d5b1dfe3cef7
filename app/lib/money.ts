// Money is integer pence everywhere inside the portal; pounds appear only here, at the edges.

declare const penceBrand: unique symbol;
export type Pence = number & { readonly [penceBrand]: true };

/** The largest amount the portal accepts anywhere: £10,000,000.00. */
export const MAX_PENCE = 1_000_000_000 as Pence;

export function pence(value: number): Pence {
  if (!Number.isSafeInteger(value)) throw new TypeError(`pence must be a whole number, got ${value}`);
  return value as Pence;
}

export type MoneyParseResult = { ok: true; pence: Pence } | { ok: false; reason: "empty" | "format" | "too_large" };

/**
 * Parses what a person typed as pounds ("£12,500", "12500.50", " 1,234.5 ") into pence,
 * without floating point. Negative amounts, letters and more than two decimals are refused.
 */
export function parsePounds(input: string): MoneyParseResult {
  const trimmed = input.trim().replace(/^£\s*/, "");
  if (trimmed === "") return { ok: false, reason: "empty" };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(trimmed);
  if (!match) return { ok: false, reason: "format" };
  const whole = match[1]!.replaceAll(",", "");
  if (whole.length > 9) return { ok: false, reason: "too_large" };
  const fraction = (match[2] ?? "").padEnd(2, "0");
  const value = Number(whole) * 100 + Number(fraction);
  if (value > MAX_PENCE) return { ok: false, reason: "too_large" };
  return { ok: true, pence: pence(value) };
}

const poundsFormatter = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });

/** £12,345.67 */
export function formatPounds(amount: number): string {
  return poundsFormatter.format(amount / 100);
}

/** The value to put back in a form field: 12500.5 → "12500.50"; whole pounds without pence. */
export function penceToInput(amount: number): string {
  const pounds = Math.trunc(amount / 100);
  const rest = amount % 100;
  return rest === 0 ? String(pounds) : `${pounds}.${String(rest).padStart(2, "0")}`;
}
