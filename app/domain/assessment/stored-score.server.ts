// Each bid's stored score (ADR 0028): written from its assessments by the scoring core in the
// same transaction as every change to what the score depends on, and read by the ranking pages,
// which order and page the round in SQL instead of scoring every bid on every view.
//
// What a score depends on, and who writes it:
// - an assessment submitted (saveAssessment) or re-opened (reopenAssessment);
// - a conflict of interest declared (answerConflictQuestion): the assessor's scores stop counting;
// - a moderated score (moderateScore);
// - the round's moderation spread (saveRoundRules), which decides `needsModeration` for every bid.
// The criteria, their weights and scales are locked once the round opens (ADR 0008), before any
// bid has an assessment. The quality threshold and assessors per bid are applied when reading, so
// changing them rewrites nothing. Taking an assessor off a bid never changes its score: a draft
// does not count and an assessor who has submitted cannot be taken off.
//
// Concurrency: two transactions changing the same bid (two assessors submitting at once) must not
// each compute the score without the other's change and keep the wrong one. So recording first
// locks the bids' rows with an UPDATE (PostgreSQL: a row lock held to commit; SQLite: the write
// lock) and only then reads the assessments. Whichever transaction locks second waits for the
// first to commit, and its reads, each a new statement under READ COMMITTED, see the first's
// change: the last score written is computed from everything committed.
import { db, type Prisma, type Tx } from "~/lib/db.server";
import { oneAtATime } from "~/lib/one-at-a-time.server";
import { scoreBid, storedScore, type BidForScoring, type RoundScoringRules, type StoredScore } from "./scoring";

export const BID_FOR_SCORING = {
  id: true,
  reference: true,
  title: true,
  amountRequestedPence: true,
  submittedAt: true,
  needsReassignment: true,
  assessments: { select: { assessorId: true, status: true, scores: { select: { criterionId: true, score: true } } } },
  conflicts: { select: { assessorId: true } },
  moderated: { select: { criterionId: true, score: true, reason: true, moderatedById: true } },
} satisfies Prisma.BidSelect;

export function forScoring(bid: {
  id: string;
  reference: string | null;
  title: string;
  amountRequestedPence: number | null;
  submittedAt: Date | null;
  assessments: BidForScoring["assessments"];
  conflicts: { assessorId: string }[];
  moderated: BidForScoring["moderatedScores"];
}): BidForScoring {
  return {
    bidId: bid.id,
    reference: bid.reference ?? "",
    title: bid.title,
    amountRequestedPence: bid.amountRequestedPence ?? 0,
    submittedAt: bid.submittedAt,
    assessments: bid.assessments,
    conflictedAssessorIds: bid.conflicts.map((c) => c.assessorId),
    moderatedScores: bid.moderated,
  };
}

const CRITERIA_FOR_SCORING = { orderBy: { position: "asc" }, select: { id: true, title: true, weightPercent: true, maxScore: true, position: true } } as const;

/** The round's rules for scoring, as scoreBid reads them. */
export function scoringRules(round: {
  criteria: RoundScoringRules["criteria"];
  moderationSpread: number;
  qualityThresholdPercent: number;
  assessorsPerBid: number;
}): RoundScoringRules {
  return {
    criteria: round.criteria,
    moderationSpread: round.moderationSpread,
    qualityThresholdPercent: round.qualityThresholdPercent,
    assessorsPerBid: round.assessorsPerBid,
  };
}

/** The bids to record: some bids, or every bid of a round. */
export type ScoredBids = { bidIds: readonly string[] } | { roundId: string };

/**
 * Computes the scores of the bids from their assessments (scoreBid) and stores them. Call inside
 * the transaction that changed what they depend on, after the change. Only bids whose stored
 * values differ are written; `updatedAt` is kept (recording a score is not an edit of the bid).
 */
export async function recordBidScores(tx: Tx, bids: ScoredBids): Promise<void> {
  let where: Prisma.BidWhereInput;
  if ("bidIds" in bids) {
    if (bids.bidIds.length === 0) return;
    // Always in id order, so two transactions recording overlapping bids cannot dead-lock.
    for (const id of [...bids.bidIds].sort()) await tx.$executeRaw`UPDATE "Bid" SET "scoreCurrent" = "scoreCurrent" WHERE "id" = ${id}`;
    where = { id: { in: [...bids.bidIds] } };
  } else {
    await tx.$executeRaw`UPDATE "Bid" SET "scoreCurrent" = "scoreCurrent" WHERE "roundId" = ${bids.roundId}`;
    where = { roundId: bids.roundId };
  }
  const rows = await tx.bid.findMany({
    where,
    select: {
      ...BID_FOR_SCORING,
      roundId: true,
      updatedAt: true,
      scoreKey: true,
      valueForMoneyKey: true,
      countedAssessments: true,
      needsModeration: true,
      scoreCurrent: true,
    },
  });
  const roundIds = [...new Set(rows.map((r) => r.roundId))];
  const rounds = await tx.round.findMany({
    where: { id: { in: roundIds } },
    select: { id: true, moderationSpread: true, qualityThresholdPercent: true, assessorsPerBid: true, criteria: CRITERIA_FOR_SCORING },
  });
  const rulesByRound = new Map(rounds.map((r) => [r.id, scoringRules(r)]));
  for (const row of rows) {
    const stored = storedScore(scoreBid(rulesByRound.get(row.roundId)!, forScoring(row)));
    if (row.scoreCurrent && sameStoredScore(row, stored)) continue;
    await tx.bid.update({ where: { id: row.id }, data: { ...stored, scoreCurrent: true, updatedAt: row.updatedAt }, select: { id: true } });
  }
}

function sameStoredScore(a: StoredScore, b: StoredScore) {
  return (
    a.scoreKey === b.scoreKey &&
    a.valueForMoneyKey === b.valueForMoneyKey &&
    a.countedAssessments === b.countedAssessments &&
    a.needsModeration === b.needsModeration
  );
}

/** Bids recorded per transaction when catching up, so no transaction holds the write lock long. */
const CATCH_UP_BATCH = 500;

/**
 * Records the round's bids whose score is not yet current (a bid made since, or every bid when
 * the columns were added) before a page ranks the round. One indexed query when there are none.
 */
export function recordScoresNotCurrent(roundId: string): Promise<void> {
  // Pages opened at once wait for one catch-up in this process instead of each recording the
  // same bids in its own transaction, queued on the same rows (ADR 0028).
  return oneAtATime(`stored-scores:${roundId}`, async () => {
    for (;;) {
      const waiting = await db.bid.findMany({ where: { roundId, scoreCurrent: false }, select: { id: true }, orderBy: { id: "asc" }, take: CATCH_UP_BATCH });
      if (waiting.length === 0) return;
      await db.$transaction((tx: Tx) => recordBidScores(tx, { bidIds: waiting.map((b) => b.id) }));
      if (waiting.length < CATCH_UP_BATCH) return;
    }
  });
}
