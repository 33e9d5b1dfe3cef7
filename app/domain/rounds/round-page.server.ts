// Queries for the public round page and the eligibility check (no sign-in needed, so only
// what the fund publishes anyway).
import { db } from "~/lib/db.server";
import { potPence } from "./pot";
import { BID_STATUSES_NOT_COUNTED, roundFigures } from "./round-figures";

/**
 * A round by its slug. Slugs are unique within a fund; the public address has no fund in it,
 * so if two funds ever reuse a slug the most recently opened round wins.
 */
export function findRoundForPublicPage(slug: string) {
  return db.round.findFirst({
    where: { slug },
    orderBy: [{ opensAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      opensAt: true,
      closesAt: true,
      baseAllocationPence: true,
      rolledForwardPence: true,
      matchFundingPence: true,
      minAwardPence: true,
      maxAwardPence: true,
      qualityThresholdPercent: true,
      fund: { select: { name: true, description: true } },
      areas: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } },
      priorities: { orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true, description: true } },
      criteria: {
        orderBy: [{ position: "asc" }, { title: "asc" }],
        select: {
          id: true,
          title: true,
          guidance: true,
          weightPercent: true,
          maxScore: true,
          descriptors: { orderBy: { score: "asc" }, select: { score: true, description: true } },
        },
      },
    },
  });
}

/** What the eligibility check needs to know about a round. */
export function findRoundForEligibility(slug: string) {
  return db.round.findFirst({
    where: { slug },
    orderBy: [{ opensAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      opensAt: true,
      closesAt: true,
      minAwardPence: true,
      maxAwardPence: true,
      baseAllocationPence: true,
      rolledForwardPence: true,
      matchFundingPence: true,
      fund: { select: { name: true } },
      areas: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } },
      priorities: { orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true, description: true } },
    },
  });
}

/** Bids submitted so far (not drafts, not withdrawn), what they ask for, against the pot. */
export async function liveRoundFigures(round: { id: string; baseAllocationPence: number; rolledForwardPence: number; matchFundingPence: number }) {
  const totals = await db.bid.aggregate({
    where: { roundId: round.id, status: { notIn: [...BID_STATUSES_NOT_COUNTED] } },
    _count: { _all: true },
    _sum: { amountRequestedPence: true },
  });
  return roundFigures({
    submittedBids: totals._count._all,
    // PostgreSQL sums an integer column as bigint; Number() is exact far beyond any real pot.
    totalRequestedPence: Number(totals._sum.amountRequestedPence ?? 0),
    potPence: potPence(round),
  });
}
