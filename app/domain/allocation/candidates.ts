// What the allocation suggestions work on: the ranked bids, each with the facts the constraints
// need (organisation, areas, priorities). Pure types and helpers; no I/O.
import type { RankingRow } from "~/domain/assessment/scoring";
import { formatPounds } from "~/lib/money";

export type AllocationCandidate = {
  bidId: string;
  reference: string;
  title?: string;
  /** Position in the ranking (1 = best); null when the bid has no weighted score yet. */
  rank: number | null;
  /** Weighted score in hundredths of a percent (7563 = 75.63%); null when not scored. */
  scoreBasisPoints: number | null;
  scoreText?: string;
  meetsThreshold: boolean;
  amountRequestedPence: number;
  organisationId: string;
  areaIds: readonly string[];
  priorityIds: readonly string[];
};

export type AllocationRound = {
  /** What the suggestion may spend: normally the round's remaining pot. */
  availablePence: number;
  minAwardPence: number;
  maxAwardPence: number;
  qualityThresholdPercent?: number;
};

/** How a suggestion treated one bid. */
export type LineOutcome = "funded" | "part_funded" | "skipped" | "below_threshold" | "not_funded";

export type SuggestionLine = {
  bidId: string;
  reference: string;
  rank: number | null;
  requestedPence: number;
  /** 0 when the bid gets nothing. */
  awardPence: number;
  outcome: LineOutcome;
  /** One line a person can read, e.g. "funded: rank 3, fits". */
  explanation: string;
};

export type Suggestion = {
  lines: SuggestionLine[];
  totalAwardPence: number;
  /** availablePence − totalAwardPence; never negative. */
  remainingPence: number;
  /** Sum of the weighted scores (basis points) of the bids given money. */
  totalScoreBasisPoints: number;
};

/** A ranking row plus the bid's organisation, areas and priorities, as a candidate. */
export function candidateFromRankingRow(
  row: RankingRow,
  bid: { organisationId: string; areaIds: readonly string[]; priorityIds: readonly string[] },
): AllocationCandidate {
  return {
    bidId: row.bid.bidId,
    reference: row.bid.reference,
    title: row.bid.title,
    rank: row.rank,
    scoreBasisPoints: row.bid.scoreBasisPoints,
    scoreText: row.bid.scoreText,
    meetsThreshold: row.bid.meetsThreshold,
    amountRequestedPence: row.bid.amountRequestedPence,
    organisationId: bid.organisationId,
    areaIds: bid.areaIds,
    priorityIds: bid.priorityIds,
  };
}

/** Candidates in rank order (unranked last, then by reference), whatever order they came in. */
export function inRankOrder<C extends Pick<AllocationCandidate, "rank" | "reference" | "bidId">>(candidates: readonly C[]): C[] {
  return [...candidates].sort((a, b) => {
    if (a.rank !== b.rank) return a.rank === null ? 1 : b.rank === null ? -1 : a.rank - b.rank;
    return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0;
  });
}

/** The most a bid can be given: what it asked for, capped at the round maximum. */
export function awardCeilingPence(candidate: Pick<AllocationCandidate, "amountRequestedPence">, round: Pick<AllocationRound, "maxAwardPence">) {
  return Math.min(candidate.amountRequestedPence, round.maxAwardPence);
}

/** Shared wording for bids a suggestion cannot fund whatever the pot. */
export function unfundableReason(candidate: AllocationCandidate, round: AllocationRound): { outcome: LineOutcome; explanation: string } | null {
  if (candidate.rank === null || candidate.scoreBasisPoints === null) return { outcome: "not_funded", explanation: "not funded: not scored yet" };
  if (!candidate.meetsThreshold) {
    const detail =
      candidate.scoreText && round.qualityThresholdPercent !== undefined ? ` (${candidate.scoreText}, threshold ${round.qualityThresholdPercent}%)` : "";
    return { outcome: "below_threshold", explanation: `below quality threshold${detail}` };
  }
  if (awardCeilingPence(candidate, round) < round.minAwardPence) {
    return {
      outcome: "not_funded",
      explanation: `not funded: request of ${formatPounds(candidate.amountRequestedPence)} is below the round minimum award of ${formatPounds(round.minAwardPence)}`,
    };
  }
  return null;
}

/** "skipped: £4,200.00 over remaining pot of £800.00", or "(the pot is used up)" when nothing is left. */
export function overPotExplanation(ceilingPence: number, remainingPence: number, note = ""): string {
  return remainingPence <= 0
    ? `skipped: ${formatPounds(ceilingPence)} over remaining pot (the pot is used up)`
    : `skipped: ${formatPounds(ceilingPence - remainingPence)} over remaining pot of ${formatPounds(remainingPence)}${note}`;
}
