// The fund administrator's allocation workspace (ADR 0006): the pot, the ranked bids with their
// proposed or approved awards, saving a proposal, and loading the suggestions into the form.
// Scoring, suggestions and checks come from the pure cores; this module owns the queries.
import { GIVEN_BACK_AWARD_STATUSES, heldByAward, LIVE_AWARD_STATUSES } from "~/domain/awards/award-status";
import { RANKING_FACTS, RANKING_ORDER, rankedBidsWhere, rankingTotals, rankPositions, scoreBandWhere } from "~/domain/assessment/ranking.server";
import { scoreFromKey, thresholdKey, TIE_BREAK_RULE } from "~/domain/assessment/scoring";
import { recordScoresNotCurrent } from "~/domain/assessment/stored-score.server";
import { bidSearchWhere } from "~/domain/lists/text-search.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { potPence } from "~/domain/rounds/pot";
import { roundTitle } from "~/domain/rounds/round-title";
import { db, type Prisma } from "~/lib/db.server";
import { isPrismaCode } from "~/lib/prisma-errors";
import type { FieldErrors } from "~/lib/form-errors";
import { textAt, type FormObject } from "~/lib/form-values";
import { conflict, invalid, type Result } from "~/lib/refusal";
import { formatPounds, parsePounds, penceToInput } from "~/lib/money";
import type { AllocationCandidate } from "./candidates";
import { splitAward } from "./funding-split";
import { suggestOptimal } from "./optimal.server";
import { suggestRankOrder, type RankOrderMode } from "./rank-order";
import { checkAllocation } from "./validation";
import { matchesSearch, pageOfRows, pageRange, pageWindow } from "~/domain/lists/list-page";
import {
  awardField,
  type AllocationFilters,
  conditionsField,
  EDITABLE_ALLOCATION_STATUSES,
  isEditable,
  priorityMinimumField,
  ringFenceField,
  type ProposalValues,
  type SuggestionView,
} from "./workspace";

/** Bid states a proposal may give money to: not yet decided, not withdrawn or screened out. */
const PROPOSABLE_BID_STATUSES = ["submitted", "in_assessment", "reserve"] as const;

/** Bid states that take part in allocation (screened out and withdrawn bids do not). */
export const ALLOCATION_BID_STATUSES = ["submitted", "in_assessment", "reserve", "awarded", "declined"] as const;

const ROUND_FOR_ALLOCATION = {
  fund: { select: { name: true } },
  signOffs: { orderBy: { createdAt: "desc" }, take: 1, select: { decision: true, comment: true, createdAt: true } },
  areas: { orderBy: { position: "asc" }, select: { id: true, name: true } },
  priorities: { orderBy: { position: "asc" }, select: { id: true, title: true } },
} satisfies Prisma.RoundInclude;

type RoundForAllocation = Prisma.RoundGetPayload<{ include: typeof ROUND_FOR_ALLOCATION }>;

const AWARD_FOR_ALLOCATION = {
  select: {
    id: true,
    amountPence: true,
    returnedPence: true,
    conditions: true,
    status: true,
    pccFundedPence: true,
    matchFundedPence: true,
    offeredFromReserve: true,
  },
} satisfies Prisma.Bid$awardArgs;

/** A ranked bid's columns the workspace reads: its stored score (ADR 0028), organisation, areas, priorities and award. */
const BID_FOR_ALLOCATION = {
  ...RANKING_FACTS,
  title: true,
  status: true,
  organisationId: true,
  organisation: { select: { name: true } },
  areas: { select: { roundAreaId: true } },
  priorities: { select: { priorityId: true } },
  award: AWARD_FOR_ALLOCATION,
} satisfies Prisma.BidSelect;

type BidForAllocation = Prisma.BidGetPayload<{ select: typeof BID_FOR_ALLOCATION }>;

function allocationRanking(roundId: string) {
  return { roundId, statuses: ALLOCATION_BID_STATUSES };
}

/** A ranked bid as the workspace shows it, with its candidate for the suggestions. */
function allocationRow(bid: BidForAllocation, rank: number | null, threshold: string) {
  const shown = scoreFromKey(bid.scoreKey);
  const meetsThreshold = bid.scoreKey >= threshold;
  const candidate: AllocationCandidate = {
    bidId: bid.id,
    reference: bid.reference ?? "",
    title: bid.title,
    rank: shown ? rank : null,
    scoreBasisPoints: shown?.scoreBasisPoints ?? null,
    scoreText: shown?.scoreText ?? "Not scored",
    meetsThreshold,
    amountRequestedPence: bid.amountRequestedPence ?? 0,
    organisationId: bid.organisationId,
    areaIds: bid.areas.map((a) => a.roundAreaId),
    priorityIds: bid.priorities.map((p) => p.priorityId),
  };
  return {
    candidate,
    bidId: bid.id,
    reference: bid.reference ?? "",
    title: bid.title,
    organisationName: bid.organisation.name,
    status: bid.status,
    rank: candidate.rank,
    scoreText: shown?.scoreText ?? null,
    meetsThreshold,
    requestedPence: bid.amountRequestedPence ?? 0,
    award: bid.award,
  };
}

function allocationRound(round: RoundForAllocation) {
  return {
    id: round.id,
    name: roundTitle(round),
    allocationStatus: round.allocationStatus,
    opccSignOffRequired: round.opccSignOffRequired,
    minAwardPence: round.minAwardPence,
    maxAwardPence: round.maxAwardPence,
    qualityThresholdPercent: round.qualityThresholdPercent,
    outcomesReleasedAt: round.outcomesReleasedAt,
    latestSignOff: round.signOffs[0] ?? null,
    areas: round.areas,
    priorities: round.priorities,
  };
}

type AwardSums = { status: string; offeredFromReserve: boolean; amountPence: number; returnedPence: number }[];

/** The pot's figures from the awards of the ranked bids (per status sums, or every award). */
function potFigures(round: RoundForAllocation, awards: AwardSums) {
  const sum = (pick: (a: AwardSums[number]) => number) => awards.reduce((total, a) => total + pick(a), 0);
  const proposedPence = sum((a) => (a.status === "proposed" ? a.amountPence : 0));
  return {
    baseAllocationPence: round.baseAllocationPence,
    rolledForwardPence: round.rolledForwardPence,
    matchFundingPence: round.matchFundingPence,
    potPence: potPence(round),
    awardedPence: sum((a) => heldByAward(a)),
    proposedPence,
    // After release: money given back on standing awards, and awards offered to reserve bids.
    returnedPence: sum((a) => a.returnedPence),
    /** What released awards declined, lapsed or withdrawn gave back to the pot. */
    givenBackPence: sum((a) => ((GIVEN_BACK_AWARD_STATUSES as readonly string[]).includes(a.status) ? a.amountPence - a.returnedPence : 0)),
    reofferedPence: sum((a) => (a.offeredFromReserve && (LIVE_AWARD_STATUSES as readonly string[]).includes(a.status) ? a.amountPence : 0)),
    /** The pot less approved awards (what approval may still spend). */
    remainingPotPence: round.remainingPotPence,
    remainingAfterProposalPence: round.remainingPotPence - proposedPence,
  };
}

function potParts(round: RoundForAllocation) {
  return { baseAllocationPence: round.baseAllocationPence, rolledForwardPence: round.rolledForwardPence, matchFundingPence: round.matchFundingPence };
}

/**
 * The round, its pot, and every ranked bid with its award, or null when there is no such round:
 * what the suggestions, saving, approval and release work on (the whole round). The ranking is
 * read in order from the stored scores (ADR 0028); nothing is scored here.
 */
export async function loadAllocation(roundId: string) {
  const round = await db.round.findUnique({ where: { id: roundId }, include: ROUND_FOR_ALLOCATION });
  if (!round) return null;
  await recordScoresNotCurrent(roundId);
  const bids = await db.bid.findMany({ where: rankedBidsWhere(allocationRanking(roundId)), orderBy: RANKING_ORDER, select: BID_FOR_ALLOCATION });
  const threshold = thresholdKey(round.qualityThresholdPercent);
  const rows = bids.map((bid, index) => allocationRow(bid, index + 1, threshold));
  return {
    round: allocationRound(round),
    potParts: potParts(round),
    pot: potFigures(
      round,
      rows.flatMap((r) => (r.award ? [r.award] : [])),
    ),
    rowsAboveThreshold: rows.filter((r) => r.meetsThreshold).length,
    tieBreakRule: TIE_BREAK_RULE,
    rows,
  };
}

/** The most bids whose ids a statement lists; more are read by their round (ADR 0032). */
export const MAX_LISTED_BIDS = 500;

/**
 * The round and the listed ranked bids only (unranked or unknown ids are left out), or null when
 * there is no such round: what saving one page of release choices needs (ADR 0031), without
 * reading the whole round.
 */
export async function loadAllocationBids(roundId: string, bidIds: readonly string[]) {
  const round = await db.round.findUnique({ where: { id: roundId }, include: ROUND_FOR_ALLOCATION });
  if (!round) return null;
  const ranked = rankedBidsWhere(allocationRanking(roundId));
  const wanted = new Set(bidIds);
  const bids =
    wanted.size === 0
      ? []
      : await db.bid.findMany({
          where: wanted.size <= MAX_LISTED_BIDS ? { AND: [ranked, { id: { in: [...wanted] } }] } : ranked,
          select: BID_FOR_ALLOCATION,
        });
  const threshold = thresholdKey(round.qualityThresholdPercent);
  return { round: allocationRound(round), rows: bids.filter((b) => wanted.has(b.id)).map((bid) => allocationRow(bid, null, threshold)) };
}

/** The workspace's filters as a condition on the ranked bids. */
function allocationFiltersWhere(filters: AllocationFilters, threshold: string): Prisma.BidWhereInput[] {
  return [
    bidSearchWhere(filters.q),
    scoreBandWhere(filters.band, threshold),
    filters.award === "with_award"
      ? { award: { is: { amountPence: { gt: 0 } } } }
      : filters.award === "without_award"
        ? { OR: [{ award: { is: null } }, { award: { is: { amountPence: 0 } } }] }
        : filters.award === "reserve"
          ? { status: "reserve" }
          : {},
    filters.area ? { areas: { some: { roundAreaId: filters.area } } } : {},
    filters.priority ? { priorities: { some: { priorityId: filters.priority } } } : {},
  ];
}

/**
 * One page of the workspace for the page view (ADR 0028): the round, the pot's figures summed in
 * the database over the whole round, the filtered bids of the page in rank order with their
 * places in the whole ranking, their saved values, and the proposal off the page. A fixed number
 * of statements whatever the number of bids; the suggestions are worked out only when asked.
 */
export async function loadAllocationPage(roundId: string, filters: AllocationFilters, page: number) {
  const round = await db.round.findUnique({ where: { id: roundId }, include: ROUND_FOR_ALLOCATION });
  if (!round) return null;
  await recordScoresNotCurrent(roundId);
  const ranked = allocationRanking(roundId);
  const threshold = thresholdKey(round.qualityThresholdPercent);
  const where: Prisma.BidWhereInput = { AND: [rankedBidsWhere(ranked), ...allocationFiltersWhere(filters, threshold)] };
  const [total, totals, awardSums, reserveBids] = await Promise.all([
    db.bid.count({ where }),
    rankingTotals(ranked, threshold),
    db.award.groupBy({
      by: ["status", "offeredFromReserve"],
      where: { roundId, bid: rankedBidsWhere(ranked) },
      _sum: { amountPence: true, returnedPence: true },
    }),
    // Only a released round has a reserve list.
    round.allocationStatus === "released" ? db.bid.count({ where: { roundId, status: "reserve" } }) : 0,
  ]);
  const window = pageWindow(total, page);
  const bids = await db.bid.findMany({ where, orderBy: RANKING_ORDER, ...pageRange(window), select: BID_FOR_ALLOCATION });
  const positions = await rankPositions(
    ranked,
    bids.map((b) => b.id),
  );
  const rows = bids.map((bid) => allocationRow(bid, positions.get(bid.id) ?? null, threshold));
  const pot = potFigures(
    round,
    awardSums.map((g) => ({
      status: g.status,
      offeredFromReserve: g.offeredFromReserve,
      amountPence: g._sum.amountPence ?? 0,
      returnedPence: g._sum.returnedPence ?? 0,
    })),
  );
  const proposedOnPage = rows.reduce((sum, r) => sum + (r.award?.status === "proposed" ? r.award.amountPence : 0), 0);
  return {
    round: allocationRound(round),
    pot,
    rowsAboveThreshold: totals.meetingThreshold,
    tieBreakRule: TIE_BREAK_RULE,
    /** Bids on the reserve list in the whole round (after release). */
    reserveBids,
    window,
    rows: rows.map(({ candidate: _candidate, ...row }) => row),
    values: Object.fromEntries(rows.map((r) => [r.bidId, savedValue(r.award)])),
    /** The saved proposal on the bids that are not on the page (what the live figures add to the amounts typed on it). */
    offPageProposedPence: pot.proposedPence - proposedOnPage,
  };
}

/**
 * The first `take` bids of the reserve list in rank order, with their places in the whole
 * ranking, and how many bids the list holds: a fixed number of statements whatever its length.
 */
export async function topOfReserveList(roundId: string, take: number) {
  await recordScoresNotCurrent(roundId);
  const where: Prisma.BidWhereInput = { roundId, status: "reserve" };
  const [total, bids] = await Promise.all([
    db.bid.count({ where }),
    db.bid.findMany({
      where,
      orderBy: RANKING_ORDER,
      take,
      select: { id: true, reference: true, title: true, amountRequestedPence: true, organisation: { select: { name: true } } },
    }),
  ]);
  const positions = await rankPositions(
    allocationRanking(roundId),
    bids.map((b) => b.id),
  );
  return {
    total,
    bids: bids.map((b) => ({
      bidId: b.id,
      rank: positions.get(b.id) ?? null,
      reference: b.reference ?? "",
      title: b.title,
      organisationName: b.organisation.name,
      requestedPence: b.amountRequestedPence ?? 0,
    })),
  };
}

function savedValue(award: { amountPence: number; conditions: string | null } | null) {
  return { amount: award && award.amountPence > 0 ? penceToInput(award.amountPence) : "", conditions: award?.conditions ?? "" };
}

export type Allocation = NonNullable<Awaited<ReturnType<typeof loadAllocation>>>;

export function currentValues(allocation: Allocation): ProposalValues {
  return Object.fromEntries(allocation.rows.map((r) => [r.bidId, savedValue(r.award)]));
}

/**
 * The posted workspace form (nested text values, read by the edge) as values for the bids it
 * carried, kept to show again. The workspace shows one page of bids (ADR 0023): a bid whose award
 * field was not posted is left out, so saving a page leaves the other pages' proposals alone.
 */
export function proposalValues(allocation: Allocation, posted: FormObject): ProposalValues {
  const text = (name: string) => (textAt(posted, name) ?? "").trim();
  return Object.fromEntries(
    allocation.rows
      .filter((r) => textAt(posted, awardField(r.bidId)) !== undefined)
      .map((r) => [r.bidId, { amount: text(awardField(r.bidId)), conditions: text(conditionsField(r.bidId)) }]),
  );
}

/** The ranked bids the filters pick, in rank order. */
export function filterAllocationRows(allocation: Allocation, filters: AllocationFilters) {
  return allocation.rows.filter(
    (r) =>
      matchesSearch(filters.q, r.reference, r.title, r.organisationName) &&
      (filters.band === "meets_threshold"
        ? r.meetsThreshold
        : filters.band === "below_threshold"
          ? r.scoreText !== null && !r.meetsThreshold
          : filters.band === "not_scored"
            ? r.scoreText === null
            : true) &&
      (filters.award === "with_award"
        ? r.award !== null && r.award.amountPence > 0
        : filters.award === "without_award"
          ? !r.award || r.award.amountPence === 0
          : filters.award === "reserve"
            ? r.status === "reserve"
            : true) &&
      (filters.area ? r.candidate.areaIds.includes(filters.area) : true) &&
      (filters.priority ? r.candidate.priorityIds.includes(filters.priority) : true),
  );
}

/**
 * One page of the workspace: the filtered bids on it, and the proposal on the bids that are not
 * (what the pot's live figures add to the amounts typed on the page).
 */
export function allocationPage(allocation: Allocation, filters: AllocationFilters, page: number, values: ProposalValues = currentValues(allocation)) {
  const { window, rows } = pageOfRows(filterAllocationRows(allocation, filters), page);
  const onPage = new Set(rows.map((r) => r.bidId));
  const offPage = editableRows(allocation).filter((r) => !onPage.has(r.bidId));
  const saved = currentValues(allocation);
  const amountOf = (bidId: string) => {
    const parsed = parsePounds(values[bidId]?.amount ?? "");
    return parsed.ok ? parsed.pence : 0;
  };
  return {
    window,
    rows,
    values: Object.fromEntries(rows.map((r) => [r.bidId, values[r.bidId] ?? saved[r.bidId]!])),
    /** Off-page values that differ from what is saved (a loaded suggestion): carried in the form so saving saves them. */
    carried: Object.fromEntries(
      offPage
        .filter((r) => values[r.bidId] && (values[r.bidId]!.amount !== saved[r.bidId]?.amount || values[r.bidId]!.conditions !== saved[r.bidId]?.conditions))
        .map((r) => [r.bidId, values[r.bidId]!]),
    ),
    offPageProposedPence: offPage.reduce((sum, r) => sum + amountOf(r.bidId), 0),
  };
}

/** A saved proposal's message; a refusal is `invalid` (amounts, the pot) or a `conflict` beside the proposal. */
export type ProposalResult = Result<{ message: string }>;

const MAX_CONDITIONS_LENGTH = 2_000;

/** Bids whose award the workspace may still change (no approved or released award). */
function editableRows(allocation: Allocation) {
  return allocation.rows.filter((r) => !r.award || r.award.status === "proposed");
}

/**
 * Saves the administrator's proposal: one proposed Award per bid given money, none for a bid left
 * blank. Refused, with nothing changed, when an amount is not valid or the total is over the pot.
 */
export async function saveProposal(allocation: Allocation, actorId: string, values: ProposalValues): Promise<ProposalResult> {
  const { round } = allocation;
  if (!isEditable(round.allocationStatus)) return conflict(notEditableMessage(round.allocationStatus), "proposal");

  const errors: FieldErrors = {};
  const rows = editableRows(allocation).filter((r) => Object.hasOwn(values, r.bidId));
  // Proposals on bids the form did not carry (other pages) stay as saved, and count towards the pot.
  const kept = editableRows(allocation)
    .filter((r) => !Object.hasOwn(values, r.bidId) && r.award?.status === "proposed" && r.award.amountPence > 0)
    .map((r) => ({ row: r, awardPence: r.award!.amountPence }));
  const edited = rows.map((r) => {
    const typed = values[r.bidId]?.amount ?? "";
    const conditions = values[r.bidId]?.conditions ?? "";
    if (conditions.length > MAX_CONDITIONS_LENGTH)
      errors[conditionsField(r.bidId)] = `Conditions for ${r.reference} must be ${MAX_CONDITIONS_LENGTH} characters or fewer`;
    const parsed = typed === "" ? { ok: true as const, pence: 0 } : parsePounds(typed);
    if (!parsed.ok) {
      errors[awardField(r.bidId)] = /^\s*-/.test(typed)
        ? `The award for ${r.reference} cannot be negative`
        : parsed.reason === "too_large"
          ? `The award for ${r.reference} must be ${formatPounds(r.requestedPence)} or less, the amount requested`
          : `Enter the award for ${r.reference} in pounds, like 12500, or leave it blank`;
    }
    return { row: r, conditions, awardPence: parsed.ok ? parsed.pence : 0 };
  });

  const check = checkAllocation(
    { ...allocation.potParts, availablePence: allocation.pot.remainingPotPence, minAwardPence: round.minAwardPence, maxAwardPence: round.maxAwardPence },
    [...edited, ...kept].map((e) => ({
      bidId: e.row.bidId,
      reference: e.row.reference,
      requestedPence: e.row.requestedPence,
      awardPence: e.awardPence,
      meetsThreshold: e.row.meetsThreshold,
    })),
  );
  for (const [bidId, message] of Object.entries(check.fieldErrors)) errors[awardField(bidId)] ??= message;
  if (Object.values(errors).some(Boolean)) return invalid(errors);
  if (check.potError) return invalid({ pot: check.potError });

  const now = new Date();
  const writes: Prisma.PrismaPromise<unknown>[] = [
    // Fails (P2025) if the allocation was approved or released meanwhile: nothing is saved.
    db.round.update({
      where: { id: round.id, allocationStatus: { in: [...EDITABLE_ALLOCATION_STATUSES] } },
      data: { allocationStatus: "proposed" },
      select: { id: true },
    }),
  ];
  for (const e of edited) {
    const existing = e.row.award;
    if (e.awardPence === 0) {
      if (existing) writes.push(db.award.deleteMany({ where: { bidId: e.row.bidId, status: "proposed" } }));
      continue;
    }
    const fields = { amountPence: e.awardPence, ...splitAward(e.awardPence, allocation.potParts), conditions: e.conditions, status: "proposed" };
    writes.push(
      // A bid withdrawn or screened out since the page was read gets no proposal (P2025).
      db.bid.update({
        where: { id: e.row.bidId, roundId: round.id, status: { in: [...PROPOSABLE_BID_STATUSES] } },
        data: { updatedAt: now },
        select: { id: true },
      }),
      existing
        ? db.award.update({ where: { bidId: e.row.bidId, status: "proposed" }, data: { ...fields, updatedAt: now }, select: { id: true } })
        : db.award.create({ data: { bidId: e.row.bidId, roundId: round.id, ...fields }, select: { id: true } }),
    );
  }
  writes.push(
    recordAudit({
      actorId,
      action: "allocation.propose",
      subjectType: "round",
      subjectId: round.id,
      before: { proposedPence: allocation.pot.proposedPence },
      after: {
        proposedPence: check.totalPence,
        awards: [...edited, ...kept].filter((e) => e.awardPence > 0).map((e) => ({ bidId: e.row.bidId, amountPence: e.awardPence })),
      },
    }),
  );
  try {
    await db.$transaction(writes);
  } catch (error) {
    if (isPrismaCode(error, "P2025", "P2002")) {
      return conflict(
        "The allocation changed while you were editing it (it may have been approved). Nothing was saved. Check the allocation and try again.",
        "proposal",
      );
    }
    throw error;
  }
  return {
    ok: true,
    message: `Proposal saved. The proposed awards total ${formatPounds(check.totalPence)}, leaving ${formatPounds(check.remainingPence)} of the pot.`,
  };
}

export function notEditableMessage(allocationStatus: string) {
  if (allocationStatus === "released") return "Outcomes for this round have been released. Released decisions are final, so the allocation cannot be changed.";
  return "This allocation has been approved, so it cannot be changed.";
}

function candidates(allocation: Allocation): AllocationCandidate[] {
  return editableRows(allocation).map((r) => r.candidate);
}

function suggestionRound(allocation: Allocation) {
  const { round, pot } = allocation;
  return {
    availablePence: pot.remainingPotPence,
    minAwardPence: round.minAwardPence,
    maxAwardPence: round.maxAwardPence,
    qualityThresholdPercent: round.qualityThresholdPercent,
  };
}

function suggestionValues(allocation: Allocation, awards: Map<string, number>): ProposalValues {
  const current = currentValues(allocation);
  return Object.fromEntries(
    allocation.rows.map((r) => {
      const award = awards.get(r.bidId);
      return [
        r.bidId,
        award === undefined ? current[r.bidId]! : { amount: award > 0 ? penceToInput(award) : "", conditions: current[r.bidId]?.conditions ?? "" },
      ];
    }),
  );
}

/** The rank-order suggestion, as form values and a line-by-line explanation (nothing saved). */
export function rankOrderSuggestion(allocation: Allocation, mode: RankOrderMode): SuggestionView {
  const suggestion = suggestRankOrder(candidates(allocation), suggestionRound(allocation), mode);
  return {
    title: mode === "skip" ? "Rank order suggestion (skip bids that do not fit)" : "Rank order suggestion (part-fund the marginal bid)",
    summary: [`Awards total ${formatPounds(suggestion.totalAwardPence)}, leaving ${formatPounds(suggestion.remainingPence)}.`],
    lines: suggestion.lines.map((l) => ({ bidId: l.bidId, reference: l.reference, explanation: l.explanation })),
    values: suggestionValues(allocation, new Map(suggestion.lines.map((l) => [l.bidId, l.awardPence]))),
  };
}

/** Optional rules for the optimal suggestion, as typed on the workspace form. */
export type OptimalRulesInput = { onePerOrganisation: boolean; ringFences: Record<string, string>; priorityMinimums: Record<string, string> };

export type OptimalSuggestionResult = Result<{ suggestion: SuggestionView }>;

/** The optimal suggestion (HiGHS) under the chosen rules, with its status and MIP gap (nothing saved). */
export async function optimalSuggestion(allocation: Allocation, rules: OptimalRulesInput): Promise<OptimalSuggestionResult> {
  const errors: FieldErrors = {};
  const areaMinimums = allocation.round.areas.flatMap((area) => {
    const typed = (rules.ringFences[area.id] ?? "").trim();
    if (typed === "") return [];
    const parsed = parsePounds(typed);
    if (!parsed.ok) {
      errors[ringFenceField(area.id)] = `Enter the ${area.name} ring-fence in pounds, like 20000, or leave it blank`;
      return [];
    }
    return parsed.pence > 0 ? [{ areaId: area.id, label: area.name, minPence: parsed.pence }] : [];
  });
  const priorityMinimums = allocation.round.priorities.flatMap((priority) => {
    const typed = (rules.priorityMinimums[priority.id] ?? "").trim();
    if (typed === "") return [];
    const parsed = parsePounds(typed);
    if (!parsed.ok) {
      errors[priorityMinimumField(priority.id)] = `Enter the least for ${priority.title} in pounds, like 20000, or leave it blank`;
      return [];
    }
    return parsed.pence > 0 ? [{ priorityId: priority.id, label: priority.title, minPence: parsed.pence }] : [];
  });
  if (Object.keys(errors).length > 0) return invalid(errors);
  const suggestion = await suggestOptimal(
    candidates(allocation),
    suggestionRound(allocation),
    { onePerOrganisation: rules.onePerOrganisation, areaMinimums, priorityMinimums },
    { timeLimitSeconds: 10 },
  );
  const gap = suggestion.mipGap === null ? "not available" : `${(suggestion.mipGap * 100).toFixed(2)}%`;
  const ruleNames = [
    ...areaMinimums.map((a) => `${a.label} ring-fence of ${formatPounds(a.minPence)}`),
    ...priorityMinimums.map((p) => `at least ${formatPounds(p.minPence)} for ${p.label}`),
    ...(rules.onePerOrganisation ? ["one award per organisation"] : []),
  ];
  return {
    ok: true,
    suggestion: {
      title: ruleNames.length > 0 ? `Optimal suggestion (${ruleNames.join(", ")})` : "Optimal suggestion",
      summary: [
        `Solver status: ${suggestion.statusText}.`,
        `MIP gap: ${gap}.`,
        `Awards total ${formatPounds(suggestion.totalAwardPence)}, leaving ${formatPounds(suggestion.remainingPence)}.`,
        ...suggestion.constraints.map((c) => `${c.text}.`),
      ],
      lines: suggestion.lines.map((l) => ({ bidId: l.bidId, reference: l.reference, explanation: l.explanation })),
      values: suggestionValues(allocation, new Map(suggestion.lines.map((l) => [l.bidId, l.awardPence]))),
    },
  };
}
