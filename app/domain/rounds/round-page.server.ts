// Queries for the public round page and the eligibility check (no sign-in needed, so only
// what the fund publishes anyway).
import { parseApplicantTypes } from "~/domain/funds/applicant-types";
import { db, type Prisma } from "~/lib/db.server";
import { criterionSelect } from "./criteria";
import { potPence } from "./pot";
import { BID_STATUSES_NOT_COUNTED, roundFigures } from "./round-figures";

/** What the fund publishes about every round: its dates, its pot and the size of award it makes. */
export const publishedRoundSelect = {
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
} as const satisfies Prisma.RoundSelect;

/** The areas and priorities a round funds, in the order the fund administrator set. */
const roundAimsSelect = {
  areas: { orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } },
  priorities: { orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true, title: true, description: true } },
} as const satisfies Prisma.RoundSelect;

/** A round by its slug: slugs are unique across funds, so the public address needs no fund (ADR 0025). */
export async function findRoundForPublicPage(slug: string) {
  const round = await db.round.findUnique({
    where: { slug },
    select: {
      ...publishedRoundSelect,
      ...roundAimsSelect,
      description: true,
      qualityThresholdPercent: true,
      smallBidThresholdPence: true,
      formRules: true,
      fund: { select: { name: true, description: true, applicantTypes: true } },
      criteria: {
        orderBy: [{ position: "asc" }, { title: "asc" }],
        select: {
          ...criterionSelect,
          descriptors: { orderBy: { score: "asc" }, select: { score: true, description: true } },
        },
      },
    },
  });
  return round ? { ...round, applicantTypes: parseApplicantTypes(round.fund.applicantTypes) } : null;
}

/** What the eligibility check needs to know about a round, with its fund's "who may apply". */
export async function findRoundForEligibility(slug: string) {
  const round = await db.round.findUnique({
    where: { slug },
    select: { ...publishedRoundSelect, ...roundAimsSelect, fund: { select: { name: true, applicantTypes: true } } },
  });
  return round ? { ...round, applicantTypes: parseApplicantTypes(round.fund.applicantTypes) } : null;
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
