// Turns posted form fields into the nested shape the form schemas read. Field names use dots,
// as react-hook-form and the error summary do: `lines.2.cost` → { lines: [, , { cost }] }.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

const MAX_INDEX = 99;

/** A text field's value for a form's defaultValue ("" when absent or not text). */
export function textValue(values: FormObject | null | undefined, name: string): string {
  const value = values?.[name];
  return typeof value === "string" ? value : "";
}

/**
 * The text posted under a dotted field name (`award.<bidId>`), read back out of the nested values;
 * undefined when the field was not posted or is not text.
 */
export function textAt(values: FormObject, name: string): string | undefined {
  let value: FormValue | undefined = values;
  for (const segment of name.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = Array.isArray(value) ? value[Number(segment)] : Object.hasOwn(value, segment) ? value[segment] : undefined;
  }
  return typeof value === "string" ? value : undefined;
}

/** The named text fields of a form, to show again after an error ("" for any that is absent). */
export function textValues<K extends string>(values: FormObject | null | undefined, fields: readonly K[]): Record<K, string> {
  return Object.fromEntries(fields.map((field) => [field, textValue(values, field)])) as Record<K, string>;
}

/**
 * Reads text fields only (a file where text is expected is ignored). Names listed in `lists`
 * keep every value (checkbox groups); other names keep the first. Row indexes above 99 are
 * dropped, so a tampered name cannot make a huge array.
 */
export function formValues(formData: FormData, lists: readonly string[] = []): FormObject {
  const out: FormObject = {};
  for (const [rawName, raw] of formData.entries()) {
    if (typeof raw !== "string") continue;
    // NUL has no place in any form, and PostgreSQL text cannot hold it (a query with one fails
    // outright), so it goes here, the one way in, on both databases alike (ADR 0021).
    const name = withoutNul(rawName);
    const value = withoutNul(raw);
    if (lists.includes(name)) {
      const existing = out[name];
      out[name] = Array.isArray(existing) ? [...existing, value] : [value];
      continue;
    }
    const path = name.split(".");
    if (path.some((segment) => segment === "" || segment === "__proto__" || segment === "constructor" || segment === "prototype")) continue;
    if (path.some((segment) => /^\d+$/.test(segment) && Number(segment) > MAX_INDEX)) continue;
    assign(out, path, value);
  }
  for (const name of lists) out[name] ??= [];
  return compact(out) as FormObject;
}

function withoutNul(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}

/** Closes the holes a sparse index leaves, so rows are numbered as they are shown again. */
function compact(value: FormValue): FormValue {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  return value;
}

function assign(target: FormObject | FormValue[], path: string[], value: string) {
  const [head, ...rest] = path as [string, ...string[]];
  const key: string | number = Array.isArray(target) ? Number(head) : head;
  const container = target as Record<string | number, FormValue | undefined>;
  if (rest.length === 0) {
    container[key] ??= value;
    return;
  }
  let next = container[key];
  if (typeof next !== "object" || next === null) {
    next = /^\d+$/.test(rest[0]!) ? [] : {};
    container[key] = next;
  }
  assign(next, rest, value);
}

/** The rows of a repeatable group as objects of text fields; anything else posted is dropped. */
export function formRows<K extends string>(value: FormValue | undefined, fields: readonly K[]): Record<K, string>[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((row): row is { [key: string]: FormValue } => typeof row === "object" && row !== null && !Array.isArray(row))
    .map((row) => Object.fromEntries(fields.map((f) => [f, typeof row[f] === "string" ? row[f] : ""])) as Record<K, string>);
}

/**
 * What a button of a repeatable section asked for: `add-<row>` (e.g. add-outcome), `remove-<row>:<n>`
 * (e.g. remove-outcome:2, counting from 0), or a save.
 */
export function rowIntent(
  intent: FormValue | undefined,
  row: string,
): { kind: "add" } | { kind: "remove"; index: number } | { kind: "save"; mode: "complete" | "draft" } {
  if (intent === `add-${row}`) return { kind: "add" };
  const remove = typeof intent === "string" ? new RegExp(`^remove-${row}:(\\d{1,2})$`).exec(intent) : null;
  if (remove) return { kind: "remove", index: Number(remove[1]) };
  return { kind: "save", mode: intent === "save-draft" ? "draft" : "complete" };
}
