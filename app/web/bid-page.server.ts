// What every bid page's loader and action start with: an applicant, and a bid they may see.
import { data, redirect } from "@remix-run/node";
import { findBidForViewerAudited, type SaveResult } from "~/domain/bids/bids.server";
import type { FieldErrors } from "~/lib/form-errors";
import { requireRole } from "./guards.server";
import { orNotFound } from "./not-found";

export async function requireApplicantBid(request: Request, bidId: string | undefined) {
  const user = await requireRole(request, ["applicant"]);
  const bid = orNotFound(await findBidForViewerAudited(bidId, user), "Not Found");
  return { user, bid };
}

export const FROZEN_MESSAGE = "This bid has been submitted, so it can no longer be changed";

/** A refused change to a bid that is no longer a draft: the page shows why, nothing is saved. */
export function frozenResponse() {
  return data({ errors: {} as FieldErrors, values: null, frozen: true }, { status: 409 });
}

/** Where a section goes after saving: back to the task list. */
export function afterSave(result: SaveResult, bidId: string) {
  if (result === "saved") return redirect(`/applicant/bids/${bidId}`);
  if (result === "frozen") return frozenResponse();
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}
