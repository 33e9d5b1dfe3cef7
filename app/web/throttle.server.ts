// Throttling at the HTTP edge (ADR 0016): who the client is, and the 429 answer.
import { data, type HeadersFunction } from "@remix-run/node";
import type { FieldErrors } from "~/lib/form-errors";

/**
 * The client's address as the Node server saw it (server.mjs puts it in the load context: the
 * socket's address, or X-Forwarded-For's only when TRUST_PROXY says a proxy sits in front).
 */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | null | undefined)?.clientAddress;
  return typeof address === "string" && address.length > 0 ? address : "unknown";
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
}

/** The form again with the message by `field` and in the error summary, at 429 with Retry-After. */
export function throttledResponse<P extends object>(retryAfterSeconds: number, field: string, page: P) {
  const errors: FieldErrors = { [field]: tooManyAttemptsMessage(retryAfterSeconds) };
  return data({ ...page, errors }, { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}

/**
 * A route's `headers` export for pages that can answer 429: Remix sends only the headers the
 * route passes on, so Retry-After from the action is carried to the page's response.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};
