// The one place a domain refusal becomes HTTP (ADR 0012): invalid → 400 and conflict → 409 give the
// page again with its messages; not found → 404 and forbidden → 403 are thrown to the error page.
import { data } from "@remix-run/node";
import type { FieldErrors } from "~/lib/form-errors";
import { refusalErrors, type Refusal } from "~/lib/refusal";

export const REFUSAL_STATUS = { invalid: 400, conflict: 409, not_found: 404, forbidden: 403 } as const satisfies Record<Refusal["kind"], number>;

const DEFAULT_MESSAGE = { not_found: "Not Found", forbidden: "You do not have permission to see or do this." } as const;

/** The error page's response for a refusal that has no form to show it on. */
export function refusalStatusResponse(refusal: Refusal): Response {
  const status = REFUSAL_STATUS[refusal.kind];
  const message =
    "message" in refusal && refusal.message
      ? refusal.message
      : refusal.kind in DEFAULT_MESSAGE
        ? DEFAULT_MESSAGE[refusal.kind as keyof typeof DEFAULT_MESSAGE]
        : "";
  return new Response(message, {
    status,
    statusText: status === 404 ? "Not Found" : status === 403 ? "Forbidden" : status === 409 ? "Conflict" : "Bad Request",
  });
}

/** For a loader, or an action with no page to go back to: the refusal as a thrown response. */
export function throwRefusal(refusal: Refusal): never {
  throw refusalStatusResponse(refusal);
}

/**
 * An action's answer to a refusal: the page's data (what was typed, the rows shown…) with the
 * refusal's messages as `errors`, at the refusal's status. A refusal with nothing to correct on
 * the page (not found, forbidden) is thrown instead — unless `forbiddenOnPage`: the page itself
 * says why it may not be done now (a bid sent after its round closed), at 403.
 */
export function refusalResponse<P extends object = object>(refusal: Refusal, page?: P, { forbiddenOnPage = false } = {}) {
  if (refusal.kind === "not_found" || (refusal.kind === "forbidden" && !forbiddenOnPage)) throwRefusal(refusal);
  return data({ ...(page ?? ({} as P)), errors: refusalErrors(refusal) as FieldErrors }, { status: REFUSAL_STATUS[refusal.kind] });
}
