// What every bid page's loader and action start with: an applicant, and a bid they may see.
import { data, redirect } from "@remix-run/node";
import { findBidForViewerAudited } from "~/domain/bids/bids.server";
import type { FieldErrors } from "~/lib/form-errors";
import type { Result } from "~/lib/refusal";
import { requireRole } from "./guards.server";
import { orNotFound } from "./not-found";
import { throwRefusal } from "./respond.server";

export async function requireApplicantBid(request: Request, bidId: string | undefined) {
  const user = await requireRole(request, ["applicant"]);
  const bid = orNotFound(await findBidForViewerAudited(bidId, user), "Not Found");
  return { user, bid };
}

/**
 * A refused change to a bid that is no longer a draft (a conflict): the page shows why from the
 * bid's own status, so no message is sent with it; nothing is saved.
 */
export function frozenResponse() {
  return data({ errors: {} as FieldErrors, values: null, frozen: true }, { status: 409 });
}

/** Where a section goes after saving: back to the task list; a refusal as above, or a 404. */
export function afterSave(result: Result, bidId: string) {
  if (result.ok) return redirect(`/applicant/bids/${bidId}`);
  if (result.refusal.kind === "conflict") return frozenResponse();
  return throwRefusal({ kind: "not_found", message: "Not Found" });
}
