// Field types shared by the forms' zod schemas, in the browser and on the server alike. zod/mini,
// so a page's bundle carries only the checks its schema calls (ADR 0027).
import * as z from "zod/mini";

/** A whole number typed into a text field, from min to max; one message for anything else. */
export function wholeNumberField(min: number, max: number, message: string) {
  return z
    .pipe(z.string({ error: message }).check(z.trim(), z.regex(new RegExp(`^\\d{1,${Math.max(3, String(max).length)}}$`), message)), z.transform(Number))
    .check(z.refine((value) => value >= min && value <= max, message));
}

/** Trimmed text, required (`missing`) and at most `max` characters (`tooLong`). */
export function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).check(z.trim(), z.minLength(1, missing), z.maxLength(max, tooLong));
}
