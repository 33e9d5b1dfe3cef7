// The figures behind the round and fund dashboards, read from the database with a fixed number of
// queries (grouped counts and sums, never a query per bid). Money follows the pot ledger (ADR
// 0010): an award counts as awarded while it holds money (approved, released, accepted, closed);
// what it has handed back is counted as returned, and the pot less awarded plus returned is what
// the round has left.
import { BID_FOR_SCORING, forScoring } from "~/domain/assessment/results.server";
import { scoreBid, type Fraction, type RoundScoringRules } from "~/domain/assessment/scoring";
import { AWARD_STATUSES, AWARD_STATUS_LABELS, MONEY_HOLDING_AWARD_STATUSES, type AwardStatus } from "~/domain/awards/award-status";
import { BID_STATUS_LABEL } from "~/domain/bids/status";
import { potPence } from "~/domain/rounds/pot";
import { roundTitle } from "~/domain/rounds/round-title";
import { BID_STATUSES_NOT_COUNTED } from "~/domain/rounds/round-figures";
import { db } from "~/lib/db.server";
import { oversubscriptionTenths, scoreBands, type FunnelStage, type TagTotals } from "./dashboard";

/** Statuses in which an award's amount counts as awarded (it holds money from the pot). */
export const AWARDED_STATUSES: readonly string[] = MONEY_HOLDING_AWARD_STATUSES;
/** Statuses of an award the applicant has taken up. */
export const ACCEPTED_STATUSES: readonly string[] = ["accepted", "closed"] satisfies AwardStatus[];

const BID_STATUS_ORDER = ["draft", "submitted", "in_assessment", "ineligible", "reserve", "awarded", "declined", "withdrawn"];

// PostgreSQL sums an integer column as bigint; Number() is exact far beyond any real pot.
const num = (value: number | bigint | null | undefined) => Number(value ?? 0);

const COUNTED_BID = { status: { notIn: [...BID_STATUSES_NOT_COUNTED] } };
const SCREENED_IN_BID = {
  status: { notIn: [...BID_STATUSES_NOT_COUNTED, "ineligible"] },
  OR: [{ screeningDecision: null }, { screeningDecision: "eligible" }],
};

type TagGroup = {
  tagId: string | null;
  bidStatus: string;
  awardStatus: string | null;
  bids: number | bigint;
  requested: number | bigint | null;
  awardedBids: number | bigint | null;
  awarded: number | bigint | null;
};

/**
 * Requests and award money per priority (or area), bid status and award status, summed in the
 * database: one statement whatever the bids, a few rows per tag. A bid is counted once under each
 * tag it names; bids naming none come back under a null tag. The statuses are told apart here,
 * by the same lists as the rest of the dashboard. The same SQL on both databases.
 */
function tagGroups(roundId: string, tag: "priority" | "area") {
  return tag === "priority"
    ? db.$queryRaw<TagGroup[]>`
      SELECT t."priorityId" AS "tagId", b."status" AS "bidStatus", w."status" AS "awardStatus", COUNT(*) AS "bids",
        SUM(b."amountRequestedPence") AS "requested", SUM(CASE WHEN w."amountPence" > 0 THEN 1 ELSE 0 END) AS "awardedBids", SUM(w."amountPence") AS "awarded"
      FROM "Bid" b LEFT JOIN "BidPriority" t ON t."bidId" = b."id" LEFT JOIN "Award" w ON w."bidId" = b."id"
      WHERE b."roundId" = ${roundId}
      GROUP BY t."priorityId", b."status", w."status"`
    : db.$queryRaw<TagGroup[]>`
      SELECT t."roundAreaId" AS "tagId", b."status" AS "bidStatus", w."status" AS "awardStatus", COUNT(*) AS "bids",
        SUM(b."amountRequestedPence") AS "requested", SUM(CASE WHEN w."amountPence" > 0 THEN 1 ELSE 0 END) AS "awardedBids", SUM(w."amountPence") AS "awarded"
      FROM "Bid" b LEFT JOIN "BidArea" t ON t."bidId" = b."id" LEFT JOIN "Award" w ON w."bidId" = b."id"
      WHERE b."roundId" = ${roundId}
      GROUP BY t."roundAreaId", b."status", w."status"`;
}

/** One row per tag of the round, in its order, then bids naming none (left out when there are none). */
function totalsFromGroups(tags: readonly { id: string; name: string }[], groups: readonly TagGroup[], noneName: string): TagTotals[] {
  const counted = groups.filter((g) => !(BID_STATUSES_NOT_COUNTED as readonly string[]).includes(g.bidStatus));
  const row = (id: string, name: string, tagId: string | null): TagTotals => {
    const mine = counted.filter((g) => g.tagId === tagId);
    const awarded = mine.filter((g) => g.awardStatus !== null && AWARDED_STATUSES.includes(g.awardStatus));
    return {
      id,
      name,
      bids: mine.reduce((sum, g) => sum + num(g.bids), 0),
      requestedPence: mine.reduce((sum, g) => sum + num(g.requested), 0),
      awardedBids: awarded.reduce((sum, g) => sum + num(g.awardedBids), 0),
      awardedPence: awarded.reduce((sum, g) => sum + num(g.awarded), 0),
    };
  };
  const none = row("", noneName, null);
  const rows = tags.map((t) => row(t.id, t.name, t.id));
  return none.bids > 0 ? [...rows, none] : rows;
}

export type MoneyFigures = {
  potPence: number;
  requestedPence: number;
  proposedPence: number;
  awardedPence: number;
  returnedPence: number;
  remainingPotPence: number;
  oversubscriptionTenths: number | null;
};

export async function loadRoundDashboard(roundId: string) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      name: true,
      fundId: true,
      baseAllocationPence: true,
      rolledForwardPence: true,
      matchFundingPence: true,
      remainingPotPence: true,
      qualityThresholdPercent: true,
      moderationSpread: true,
      assessorsPerBid: true,
      fund: { select: { id: true, name: true } },
      criteria: { orderBy: { position: "asc" }, select: { id: true, title: true, weightPercent: true, maxScore: true, position: true } },
      priorities: { orderBy: { position: "asc" }, select: { id: true, title: true } },
      areas: { orderBy: { position: "asc" }, select: { id: true, name: true } },
    },
  });
  if (!round) return null;

  const inRound = { bid: { roundId } };
  const [bidGroups, awardGroups, returned, priorityGroups, areaGroups, scorable, assigned, submitted, conflicts, checks, bidsSubmitted, bidsEligible] =
    await Promise.all([
      db.bid.groupBy({ by: ["status"], where: { roundId }, _count: { _all: true }, _sum: { amountRequestedPence: true } }),
      db.award.groupBy({ by: ["status"], where: { roundId }, _count: { _all: true }, _sum: { amountPence: true } }),
      db.awardReturn.aggregate({ where: { roundId }, _sum: { amountPence: true } }),
      tagGroups(roundId, "priority"),
      tagGroups(roundId, "area"),
      db.bid.findMany({ where: { roundId, ...SCREENED_IN_BID }, select: BID_FOR_SCORING }),
      db.assessorAssignment.groupBy({ by: ["assessorId"], where: inRound, _count: { _all: true } }),
      db.assessment.groupBy({ by: ["assessorId"], where: { ...inRound, status: "submitted" }, _count: { _all: true } }),
      db.conflictDeclaration.groupBy({ by: ["assessorId"], where: inRound, _count: { _all: true } }),
      db.eligibilityCheck.groupBy({ by: ["result"], where: { roundId }, _count: { _all: true } }),
      db.bid.count({ where: { roundId, submittedAt: { not: null } } }),
      db.bid.count({ where: { roundId, screeningDecision: "eligible" } }),
    ]);

  // Money, by the ledger.
  const awardsBy = new Map(awardGroups.map((g) => [g.status, { count: g._count._all, pence: num(g._sum.amountPence) }]));
  const sumAwards = (statuses: readonly string[]) => statuses.reduce((sum, s) => sum + (awardsBy.get(s)?.pence ?? 0), 0);
  const countAwards = (statuses: readonly string[]) => statuses.reduce((sum, s) => sum + (awardsBy.get(s)?.count ?? 0), 0);
  const counted = bidGroups.filter((g) => !(BID_STATUSES_NOT_COUNTED as readonly string[]).includes(g.status));
  const requestedPence = counted.reduce((sum, g) => sum + num(g._sum.amountRequestedPence), 0);
  const pot = potPence(round);
  const money: MoneyFigures = {
    potPence: pot,
    requestedPence,
    proposedPence: sumAwards(["proposed"]),
    awardedPence: sumAwards(AWARDED_STATUSES),
    returnedPence: num(returned._sum.amountPence),
    remainingPotPence: round.remainingPotPence,
    oversubscriptionTenths: oversubscriptionTenths(requestedPence, pot),
  };

  const statusCount = new Map(bidGroups.map((g) => [g.status, g._count._all]));
  const bidsByStatus = [...BID_STATUS_ORDER, ...[...statusCount.keys()].filter((s) => !BID_STATUS_ORDER.includes(s)).sort()].map((status) => ({
    status,
    label: BID_STATUS_LABEL[status] ?? status,
    count: statusCount.get(status) ?? 0,
  }));
  const awardsByStatus = AWARD_STATUSES.map((status) => ({
    status,
    label: AWARD_STATUS_LABELS[status],
    count: awardsBy.get(status)?.count ?? 0,
    pence: awardsBy.get(status)?.pence ?? 0,
  }));

  // Priorities and areas: a bid is counted once under each one it names (summed in the database).
  const byPriority = totalsFromGroups(
    round.priorities.map((p) => ({ id: p.id, name: p.title })),
    priorityGroups,
    "No priority named",
  );
  const byArea = totalsFromGroups(round.areas, areaGroups, "No area named");

  // Weighted scores exactly as the ranking computes them.
  const rules: RoundScoringRules = {
    criteria: round.criteria,
    moderationSpread: round.moderationSpread,
    qualityThresholdPercent: round.qualityThresholdPercent,
    assessorsPerBid: round.assessorsPerBid,
  };
  const scores = scorable.map((b) => scoreBid(rules, forScoring(b)));
  const weighted = scores.map((s) => s.score).filter((s): s is Fraction => s !== null);
  const scoreDistribution = {
    bands: scoreBands(weighted),
    thresholdPercent: round.qualityThresholdPercent,
    meetingThreshold: scores.filter((s) => s.meetsThreshold).length,
    notScored: scores.length - weighted.length,
  };

  // Assessors: staff only see these names.
  const assessorIds = [...new Set([...assigned, ...submitted, ...conflicts].map((g) => g.assessorId))];
  const users = assessorIds.length === 0 ? [] : await db.user.findMany({ where: { id: { in: assessorIds } }, select: { id: true, name: true } });
  const countFor = (groups: { assessorId: string; _count: { _all: number } }[], id: string) => groups.find((g) => g.assessorId === id)?._count._all ?? 0;
  const assessors = users
    .map((u) => ({ id: u.id, name: u.name, assigned: countFor(assigned, u.id), scored: countFor(submitted, u.id), conflicts: countFor(conflicts, u.id) }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.id.localeCompare(b.id));

  const checksBy = new Map(checks.map((g) => [g.result, g._count._all]));
  const funnel: FunnelStage[] = [
    { key: "checks_started", label: "Eligibility checks started", count: checks.reduce((sum, g) => sum + g._count._all, 0) },
    { key: "checks_eligible", label: "Checks ending eligible", count: checksBy.get("eligible") ?? 0 },
    { key: "bids_started", label: "Bids started", count: bidGroups.reduce((sum, g) => sum + g._count._all, 0) },
    { key: "bids_submitted", label: "Bids submitted", count: bidsSubmitted },
    { key: "screened_eligible", label: "Eligible at screening", count: bidsEligible },
    { key: "awarded", label: "Awarded", count: countAwards(AWARDED_STATUSES) },
    { key: "accepted", label: "Accepted", count: countAwards(ACCEPTED_STATUSES) },
  ];

  return {
    round: { id: round.id, name: roundTitle(round), fund: round.fund },
    money,
    bidsByStatus,
    awardsByStatus,
    byPriority,
    byArea,
    scoreDistribution,
    assessors,
    funnel,
  };
}

export type RoundDashboard = NonNullable<Awaited<ReturnType<typeof loadRoundDashboard>>>;

export type FundRoundFigures = {
  id: string;
  name: string;
  potPence: number;
  requestedPence: number;
  awardedPence: number;
  returnedPence: number;
  bids: number;
  fundedBids: number;
  oversubscriptionTenths: number | null;
};

/** One row per round of the fund, oldest first, with the same definitions as the round dashboard. */
export async function loadFundDashboard(fundId: string) {
  const fund = await db.fund.findUnique({
    where: { id: fundId },
    select: {
      id: true,
      name: true,
      rounds: {
        orderBy: [{ opensAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, baseAllocationPence: true, rolledForwardPence: true, matchFundingPence: true },
      },
    },
  });
  if (!fund) return null;
  const inFund = { round: { fundId } };
  const [bids, awards, returns] = await Promise.all([
    db.bid.groupBy({ by: ["roundId"], where: { ...inFund, ...COUNTED_BID }, _count: { _all: true }, _sum: { amountRequestedPence: true } }),
    db.award.groupBy({ by: ["roundId"], where: { ...inFund, status: { in: [...AWARDED_STATUSES] } }, _count: { _all: true }, _sum: { amountPence: true } }),
    db.awardReturn.groupBy({ by: ["roundId"], where: inFund, _sum: { amountPence: true } }),
  ]);
  const rounds: FundRoundFigures[] = fund.rounds.map((r) => {
    const bid = bids.find((g) => g.roundId === r.id);
    const award = awards.find((g) => g.roundId === r.id);
    const requestedPence = num(bid?._sum.amountRequestedPence);
    const pot = potPence(r);
    return {
      id: r.id,
      name: r.name,
      potPence: pot,
      requestedPence,
      awardedPence: num(award?._sum.amountPence),
      returnedPence: num(returns.find((g) => g.roundId === r.id)?._sum.amountPence),
      bids: bid?._count._all ?? 0,
      fundedBids: award?._count._all ?? 0,
      oversubscriptionTenths: oversubscriptionTenths(requestedPence, pot),
    };
  });
  return { fund: { id: fund.id, name: fund.name }, rounds };
}

export type FundDashboard = NonNullable<Awaited<ReturnType<typeof loadFundDashboard>>>;
