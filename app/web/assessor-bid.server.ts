// The assessor's gate on a bid, as HTTP: not assigned 404, conflicted 403, and back to the
// conflict question until it has been answered.
import { redirect } from "@remix-run/node";
import { checkScorableBid } from "~/domain/assessment/assessor-bids.server";
import { throwRefusal } from "./respond.server";

export async function requireScorableBid(assessorId: string, bidId: string, action: string) {
  const gate = await checkScorableBid(assessorId, bidId, action);
  if (!gate.ok) throwRefusal(gate.refusal);
  const { bid } = gate;
  if (!bid.assessment) throw redirect(`/assessor/bids/${bid.id}`);
  return { ...bid, assessment: bid.assessment };
}
