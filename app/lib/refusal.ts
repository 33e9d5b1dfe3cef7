// One shape for "the domain said no" (ADR 0012). A domain function that can refuse returns
// `Result<T>`: `{ ok: true, ...T }` or `{ ok: false, refusal }`. The refusal says what kind of no
// it is; the HTTP edge (app/web/respond.server.ts) alone turns the kind into a status and a page.
import { FORM_ERROR, type FieldErrors } from "./form-errors";

/**
 * `D` is what a conflict may carry for the page beyond its message (the bids that stop a release,
 * say); most refusals carry nothing.
 */
export type Refusal<D = unknown> =
  /** What was sent breaks the rules: a message for each field at fault (`form` for the whole form). */
  | { kind: "invalid"; fieldErrors: FieldErrors }
  /** Well-formed, but the state of things does not allow it now (already submitted, changed meanwhile…). */
  | { kind: "conflict"; message: string; field?: string; details?: D }
  /** There is no such thing, or the person may not know whether there is. */
  | { kind: "not_found"; message?: string }
  /** The person may know it exists but may not do this. */
  | { kind: "forbidden"; message?: string };

export type Refused<D = unknown> = { ok: false; refusal: Refusal<D> };
export type Result<T extends object = object, D = unknown> = ({ ok: true } & T) | Refused<D>;

export function invalid(fieldErrors: FieldErrors): Refused<never> {
  return { ok: false, refusal: { kind: "invalid", fieldErrors } };
}

/** A conflict, shown at the top of the form or, given a field, beside it; `details` go to the page as they are. */
export function conflict<D = never>(message: string, field?: string, details?: D): Refused<D> {
  const refusal: Refusal<D> = field ? { kind: "conflict", message, field } : { kind: "conflict", message };
  return { ok: false, refusal: details === undefined ? refusal : { ...refusal, details } };
}

export function notFound(message?: string): Refused<never> {
  return { ok: false, refusal: message ? { kind: "not_found", message } : { kind: "not_found" } };
}

export function forbidden(message?: string): Refused<never> {
  return { ok: false, refusal: message ? { kind: "forbidden", message } : { kind: "forbidden" } };
}

/** The messages a page shows for a refusal, keyed by field like a failed parse's. */
export function refusalErrors(refusal: Refusal): FieldErrors {
  switch (refusal.kind) {
    case "invalid":
      return refusal.fieldErrors;
    case "conflict":
      return { [refusal.field ?? FORM_ERROR]: refusal.message };
    default:
      return refusal.message ? { [FORM_ERROR]: refusal.message } : {};
  }
}

/** One line saying why, for an audit event: the messages, or the kind when there are none. */
export function refusalReason(refusal: Refusal): string {
  const messages = Object.values(refusalErrors(refusal)).filter(Boolean);
  return messages.length > 0 ? messages.join("; ") : refusal.kind;
}
