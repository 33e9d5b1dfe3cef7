import { db } from "~/lib/db.server";
import { publishedRoundSelect } from "./round-page.server";

export function listRoundsForPublic() {
  return db.round.findMany({
    orderBy: [{ opensAt: "desc" }],
    select: { ...publishedRoundSelect, fund: { select: { name: true, slug: true } } },
  });
}

/** Every round with what the fund administrator's home shows: pot, criteria and bids submitted. */
export function listRoundsForAdministration() {
  return db.round.findMany({
    orderBy: { opensAt: "desc" },
    select: {
      id: true,
      name: true,
      baseAllocationPence: true,
      rolledForwardPence: true,
      matchFundingPence: true,
      remainingPotPence: true,
      opensAt: true,
      twoStage: true,
      criteria: { select: { id: true, title: true, weightPercent: true, maxScore: true } },
      fund: { select: { id: true, name: true } },
      _count: { select: { bids: { where: { status: { not: "draft" } } } } },
    },
  });
}
