import { db } from "~/lib/db.server";

export function listRoundsForPublic() {
  return db.round.findMany({
    orderBy: [{ opensAt: "desc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      opensAt: true,
      closesAt: true,
      baseAllocationPence: true,
      rolledForwardPence: true,
      matchFundingPence: true,
      minAwardPence: true,
      maxAwardPence: true,
      fund: { select: { name: true, slug: true } },
    },
  });
}
