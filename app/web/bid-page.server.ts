// What every bid page's loader and action start with: an applicant, and a bid they may see.
import { data, redirect } from "@remix-run/node";
import { recordBidRefusal } from "~/domain/audit/audit.server";
import { findBidForViewerAudited, findBidToSaveAudited, type BidForSectionSave, type Viewer } from "~/domain/bids/bids.server";
import { formRulesFor } from "~/domain/bids/stored-form-rules";
import { isSectionAsked, type SectionKey } from "~/domain/bids/sections";
import type { FieldErrors } from "~/lib/form-errors";
import type { Result } from "~/lib/refusal";
import { requireRole } from "./guards.server";
import { orNotFound } from "./not-found";
import { throwRefusal } from "./respond.server";

/**
 * Given a section, the bid must be asked it: a section the round leaves out of the bid's band
 * (ADR 0025) is not found, for its page and for a post to it alike, and the attempt is audited.
 */
export async function requireApplicantBid(request: Request, bidId: string | undefined, section?: SectionKey) {
  const user = await requireRole(request, ["applicant"]);
  const bid = orNotFound(await findBidForViewerAudited(bidId, user), "Not Found");
  if (section) await requireSectionAsked(request, user, bid, section);
  return { user, bid };
}

/** As requireApplicantBid for a post that saves the section: only what the save checks is read (ADR 0033). */
export async function requireApplicantBidToSave(request: Request, bidId: string | undefined, section: SectionKey) {
  const user = await requireRole(request, ["applicant"]);
  const bid = orNotFound(await findBidToSaveAudited(bidId, user), "Not Found");
  await requireSectionAsked(request, user, bid, section);
  return { user, bid };
}

async function requireSectionAsked(request: Request, user: Viewer, bid: BidForSectionSave, section: SectionKey) {
  if (isSectionAsked(section, formRulesFor(bid.amountRequestedPence, bid.round))) return;
  await recordBidRefusal(user.id, "bid.section_refused", bid.id, { section, reason: "not asked of this band", method: request.method });
  throwRefusal({ kind: "not_found", message: "This bid is not asked this question" });
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
