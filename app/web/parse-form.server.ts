// The one way an action reads a form (ADR 0012). `lists` names the fields that keep every value
// (checkbox groups); dotted names become nested values (lib/form-values.ts).
import type * as z from "zod/mini";
import { formValues, type FormObject } from "~/lib/form-values";
import { parseValues, type Parsed } from "~/lib/parse-form";

export async function readForm(request: Request, lists: readonly string[] = []): Promise<FormObject> {
  return formValues(await request.formData(), lists);
}

/** The posted form parsed with the form's schema: its data, or an "invalid" refusal; with the values typed. */
export async function parseForm<S extends z.core.$ZodType>(request: Request, schema: S, lists: readonly string[] = []): Promise<Parsed<z.output<S>>> {
  return parseValues(await readForm(request, lists), schema);
}
