// Field types shared by the forms' zod schemas, in the browser and on the server alike.
import { z } from "zod";

/** A whole number typed into a text field, from min to max; one message for anything else. */
export function wholeNumberField(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .trim()
    .regex(new RegExp(`^\\d{1,${Math.max(3, String(max).length)}}$`), message)
    .transform(Number)
    .refine((value) => value >= min && value <= max, message);
}

/** Trimmed text, required (`missing`) and at most `max` characters (`tooLong`). */
export function requiredText(missing: string, max: number, tooLong: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(max, tooLong);
}
