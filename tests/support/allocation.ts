// A round ready for allocation, made directly in the test database: five bids in assessment,
// each with one submitted assessment, so they rank 1 to 5 (the fifth below the quality threshold).
import { db } from "~/lib/db.server";
import { createAssessmentRound } from "./assessment";

/** Scores per criterion (0..4) for bids 1..5; bid 5 is 25%, below the 50% threshold. */
export const SCORES = [
  [4, 4, 4],
  [3, 3, 3],
  [3, 3, 2],
  [2, 2, 3],
  [1, 1, 1],
];

/**
 * Pot £10,000.00 = £6,000.00 base + £2,000.00 rolled forward + £2,000.00 match funding; awards
 * £1,000.00 to £25,000.00; bids ask for £1,000.00, £2,000.00, … £5,000.00 (bid i asks £1,000 × i).
 */
export async function createAllocationRound({ opccSignOffRequired = true } = {}) {
  const setup = await createAssessmentRound({ bids: 5, assessors: 1, assessorsPerBid: 1 });
  await db.round.update({
    where: { id: setup.round.id },
    data: { baseAllocationPence: 600_000, rolledForwardPence: 200_000, matchFundingPence: 200_000, remainingPotPence: 1_000_000, opccSignOffRequired },
  });
  const assessor = setup.assessors[0]!;
  for (const [i, bid] of setup.bids.entries()) {
    await db.bid.update({ where: { id: bid.id }, data: { status: "in_assessment" } });
    await db.assessorAssignment.create({ data: { bidId: bid.id, assessorId: assessor.user.id, assignedById: setup.administrator.user.id } });
    await db.assessment.create({
      data: {
        bidId: bid.id,
        assessorId: assessor.user.id,
        status: "submitted",
        recommendation: "fund",
        submittedAt: new Date(),
        scores: { create: setup.criteria.map((c, j) => ({ criterionId: c.id, score: SCORES[i]![j]! })) },
      },
    });
  }
  return setup;
}

/** The workspace form with these awards (pounds as typed) by bid index; other bids left blank. */
export function proposalForm(bids: { id: string }[], awards: Record<number, string>, conditions: Record<number, string> = {}) {
  const form: Record<string, string> = { intent: "save" };
  bids.forEach((bid, i) => {
    form[`award.${bid.id}`] = awards[i] ?? "";
    form[`conditions.${bid.id}`] = conditions[i] ?? "";
  });
  return form;
}
