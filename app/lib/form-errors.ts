import type * as z from "zod/mini";

/** The key for a problem with the form as a whole rather than one field. */
export const FORM_ERROR = "form";

/** One message per field, keyed by the field's name (dots for nested fields). */
export type FieldErrors = Record<string, string | undefined>;

/** The first message for each field of a failed zod parse; a form-level error goes under "form". */
export function fieldErrorsFrom(error: z.core.$ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : FORM_ERROR;
    errors[key] ??= issue.message;
  }
  return errors;
}

export function hasErrors(errors: FieldErrors | undefined): boolean {
  return Object.values(errors ?? {}).some(Boolean);
}

/** The same errors, in the order the fields appear on the page (the error summary follows it). */
export function inFieldOrder(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  const rank = (key: string) => {
    const index = fields.findIndex((field) => key === field || key.startsWith(`${field}.`));
    return index === -1 ? fields.length : index;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
