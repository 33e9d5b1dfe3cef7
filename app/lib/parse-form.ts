// The server half of the form pipeline (ADR 0012): what was posted, read into nested text values
// (form-values.ts), parsed with the same zod schema react-hook-form runs in the browser
// (use-govuk-form.ts). A failed parse is an "invalid" refusal, so the edge answers it like any other.
import * as z from "zod/mini";
import { fieldErrorsFrom } from "./form-errors";
import type { FormObject } from "./form-values";
import type { Refusal } from "./refusal";

export type Parsed<T> = { ok: true; data: T; values: FormObject } | { ok: false; refusal: Extract<Refusal, { kind: "invalid" }>; values: FormObject };

export function parseValues<S extends z.core.$ZodType>(values: FormObject, schema: S): Parsed<z.output<S>> {
  const parsed = z.safeParse(schema, values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, refusal: { kind: "invalid", fieldErrors: fieldErrorsFrom(parsed.error) }, values };
}
