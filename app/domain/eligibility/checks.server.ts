// Eligibility checks counted for the round dashboard's funnel: one row per visitor's check (the
// row's id travels in the eligibility cookie), holding only when it started and whether it ended
// eligible. No answers and nothing about the person are stored.
import { db } from "~/lib/db.server";

/** The check this visitor already started for the round, or a new one; returns its id. */
export async function startEligibilityCheck(roundId: string, knownCheckId: string | null): Promise<string> {
  if (knownCheckId) {
    const known = await db.eligibilityCheck.findFirst({ where: { id: knownCheckId, roundId }, select: { id: true } });
    if (known) return known.id;
  }
  const created = await db.eligibilityCheck.create({ data: { roundId }, select: { id: true } });
  return created.id;
}

/** The result the visitor was given; answering again (after changing an answer) replaces it. */
export async function recordEligibilityResult(checkId: string, roundId: string, eligible: boolean, now = new Date()) {
  await db.eligibilityCheck.updateMany({
    where: { id: checkId, roundId },
    data: { result: eligible ? "eligible" : "ineligible", completedAt: now },
  });
}
