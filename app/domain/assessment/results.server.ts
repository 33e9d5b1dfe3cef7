// The administrator's view of a round's scores: weighted scores, moderation
// flags and the ranking, all from the pure scoring core; moderated scores; a bid's audit history.
import { recordAudit } from "~/domain/audit/audit.server";
import { potPence } from "~/domain/rounds/pot";
import { roundTitle } from "~/domain/rounds/round-title";
import { db, type Prisma, type Tx } from "~/lib/db.server";
import { FORM_ERROR, hasErrors, type FieldErrors } from "~/lib/form-errors";
import { textValue, type FormObject } from "~/lib/form-values";
import { parseValues } from "~/lib/parse-form";
import { invalid, type Result } from "~/lib/refusal";
import { ASSESSABLE_BID } from "./assignment.server";
import { pageRange, pageWindow } from "~/domain/lists/list-page";
import { bidSearchWhere } from "~/domain/lists/text-search.server";
import type { ResultsFilters } from "./list-filters";
import { moderationSchema } from "./moderation.schema";
import { RANKING_FACTS, RANKING_ORDER, rankedBidsWhere, rankingFacts, rankingTotals, rankPlaces, scoreBandWhere } from "./ranking.server";
import { compareStoredForRanking, decidedByText, formatFraction, scoreBid, scoreFromKey, thresholdKey, TIE_BREAK_RULE } from "./scoring";
import { BID_FOR_SCORING, forScoring, recordBidScores, recordScoresNotCurrent, scoringRules } from "./stored-score.server";

export { BID_FOR_SCORING, forScoring };

async function loadRules(roundId: string) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    include: {
      fund: { select: { name: true } },
      criteria: { orderBy: { position: "asc" }, select: { id: true, title: true, weightPercent: true, maxScore: true, position: true } },
    },
  });
  if (!round) return null;
  return { round, rules: scoringRules(round) };
}

/** The statuses of the bids the ranking page holds (ASSESSABLE_BID's). */
const ASSESSABLE_STATUSES = ASSESSABLE_BID.status.in;

/**
 * The ranking table for a round, one page of it, or null when there is no such round. Each bid's
 * score is stored with it (ADR 0028), so the database filters, orders and pages the round; each
 * row's rank, running total and the rule that put it below the bid above come from the whole
 * ranking (window functions), and the totals from one aggregate: a fixed number of statements
 * whatever the number of bids.
 */
export async function loadRoundResults(roundId: string, filters: ResultsFilters = { q: "", band: "", flag: "" }, page = 1) {
  const loaded = await loadRules(roundId);
  if (!loaded) return null;
  const { round } = loaded;
  await recordScoresNotCurrent(roundId);
  const ranked = { roundId, statuses: ASSESSABLE_STATUSES };
  const threshold = thresholdKey(round.qualityThresholdPercent);
  const where: Prisma.BidWhereInput = {
    AND: [
      rankedBidsWhere(ranked),
      bidSearchWhere(filters.q),
      scoreBandWhere(filters.band, threshold),
      filters.flag === "needs_moderation"
        ? { needsModeration: true }
        : filters.flag === "needs_reassignment"
          ? { needsReassignment: true }
          : filters.flag === "assessments_outstanding"
            ? { countedAssessments: { lt: round.assessorsPerBid } }
            : {},
    ],
  };
  const [total, totals] = await Promise.all([db.bid.count({ where }), rankingTotals(ranked, threshold)]);
  const window = pageWindow(total, page);
  const bids = await db.bid.findMany({
    where,
    orderBy: RANKING_ORDER,
    ...pageRange(window),
    select: {
      ...RANKING_FACTS,
      title: true,
      needsReassignment: true,
      needsModeration: true,
      countedAssessments: true,
      organisation: { select: { name: true } },
    },
  });
  const places = await rankPlaces(
    ranked,
    bids.map((b) => b.id),
  );
  const aboveIds = [...places.values()].flatMap((p) => (p.aboveId ? [p.aboveId] : []));
  const above = new Map((await db.bid.findMany({ where: { id: { in: aboveIds } }, select: RANKING_FACTS })).map((b) => [b.id, b]));
  const pot = potPence(round);
  const rows = bids.map((bid) => {
    const place = places.get(bid.id)!;
    const shown = scoreFromKey(bid.scoreKey);
    const aboveBid = place.aboveId ? above.get(place.aboveId) : undefined;
    const decidedBy = aboveBid ? compareStoredForRanking(rankingFacts(aboveBid), rankingFacts(bid)).decidedBy : null;
    return {
      position: place.position - 1,
      rank: shown ? place.position : null,
      bidId: bid.id,
      reference: bid.reference ?? "",
      title: bid.title,
      organisationName: bid.organisation.name,
      amountRequestedPence: bid.amountRequestedPence ?? 0,
      scoreText: shown?.scoreText ?? "Not scored",
      scored: shown !== null,
      meetsThreshold: bid.scoreKey >= threshold,
      needsModeration: bid.needsModeration,
      needsReassignment: bid.needsReassignment,
      countedAssessments: bid.countedAssessments,
      assessmentsOutstanding: Math.max(0, round.assessorsPerBid - bid.countedAssessments),
      runningTotalRequestedPence: place.runningRequestedPence,
      withinPot: place.runningRequestedPence <= pot,
      decidedByText: decidedBy ? decidedByText(decidedBy) : null,
    };
  });
  return {
    round: { id: round.id, name: roundTitle(round), assessorsPerBid: round.assessorsPerBid, moderationSpread: round.moderationSpread },
    potPence: pot,
    qualityThresholdPercent: round.qualityThresholdPercent,
    /** Where the quality line falls in the whole ranking (rows before it meet the threshold). */
    rowsAboveThreshold: totals.meetingThreshold,
    tieBreakRule: TIE_BREAK_RULE,
    totalRequestedPence: totals.requestedPence,
    totalRequestedAboveThresholdPence: totals.requestedMeetingThresholdPence,
    rankedBids: totals.bids,
    window,
    rows,
  };
}

/** One bid's scores criterion by criterion, with every assessment and moderation, for the administrator. */
export async function loadBidResult(roundId: string, bidId: string) {
  const loaded = await loadRules(roundId);
  if (!loaded) return null;
  const bid = await db.bid.findFirst({
    where: { id: bidId, roundId },
    select: {
      ...BID_FOR_SCORING,
      organisation: { select: { name: true } },
      conflicts: { select: { assessorId: true, reason: true, assessor: { select: { name: true } } } },
      assessments: {
        select: {
          id: true,
          assessorId: true,
          status: true,
          recommendation: true,
          overallComment: true,
          assessor: { select: { name: true } },
          scores: { select: { criterionId: true, score: true, comment: true } },
        },
      },
    },
  });
  if (!bid) return null;
  const score = scoreBid(loaded.rules, forScoring(bid));
  const names = new Map(bid.assessments.map((a) => [a.assessorId, a.assessor.name]));
  const conflicted = new Set(bid.conflicts.map((c) => c.assessorId));
  return {
    round: { id: loaded.round.id, name: roundTitle(loaded.round), moderationSpread: loaded.round.moderationSpread },
    bid: {
      id: bid.id,
      reference: bid.reference ?? "",
      title: bid.title,
      organisationName: bid.organisation.name,
      amountRequestedPence: bid.amountRequestedPence ?? 0,
    },
    scoreText: score.scoreText,
    needsModeration: score.needsModeration,
    meetsThreshold: score.meetsThreshold,
    criteria: score.criteria.map((c) => ({
      id: c.criterionId,
      title: c.title,
      weightPercent: c.weightPercent,
      maxScore: c.maxScore,
      assessorScores: c.assessorScores.map((s) => ({ name: names.get(s.assessorId) ?? "", score: s.score })),
      meanText: c.assessorMean ? formatFraction(c.assessorMean, 2) : null,
      spread: c.spread,
      disagreement: c.disagreement,
      moderated: c.moderated ? { score: c.moderated.score, reason: c.moderated.reason } : null,
    })),
    assessments: bid.assessments.map((a) => ({
      id: a.id,
      assessorName: a.assessor.name,
      status: a.status,
      conflicted: conflicted.has(a.assessorId),
      recommendation: a.recommendation,
      overallComment: a.overallComment,
      scores: a.scores,
    })),
    conflicts: bid.conflicts.map((c) => ({ assessorName: c.assessor.name, reason: c.reason })),
  };
}

/**
 * Records the administrator's score for one criterion of a bid (the posted form, parsed with
 * moderationSchema). The assessors' own scores are kept; the moderated score replaces their mean.
 * Refusals are audited and change nothing; their messages sit by the criterion's own fields.
 */
export async function moderateScore(actorId: string, roundId: string, bidId: string, posted: FormObject): Promise<Result> {
  const criterionId = textValue(posted, "criterionId");
  const criterion = await db.criterion.findFirst({ where: { id: criterionId, roundId }, select: { id: true, title: true, maxScore: true } });
  const bid = await db.bid.findFirst({ where: { id: bidId, roundId, ...ASSESSABLE_BID }, select: { id: true } });
  const parsed = parseValues(posted, moderationSchema(criterion ?? { title: "", maxScore: 0 }));
  const errors: FieldErrors = {};
  if (!criterion || !bid) errors[FORM_ERROR] = "This bid or criterion is not being assessed in this round";
  if (!parsed.ok) {
    for (const [field, message] of Object.entries(parsed.refusal.fieldErrors)) {
      // Without a criterion there is no scale to check a score against.
      if (field === "score" && !criterion) continue;
      errors[`${field}.${criterionId}`] = message;
    }
  }
  if (hasErrors(errors) || !parsed.ok) {
    await recordAudit({ actorId, action: "score.moderate", outcome: "refused", subjectType: "bid", subjectId: bidId, details: { criterionId, errors } });
    return invalid(errors);
  }
  const { score, reason } = parsed.data;
  const input = { criterionId };
  await db.$transaction(async (tx: Tx) => {
    const before = await tx.moderatedScore.findUnique({
      where: { bidId_criterionId: { bidId, criterionId: input.criterionId } },
      select: { score: true, reason: true },
    });
    const assessorScores = await tx.criterionScore.findMany({
      where: { criterionId: input.criterionId, assessment: { bidId, status: "submitted" } },
      select: { score: true, assessment: { select: { assessorId: true } } },
    });
    await tx.moderatedScore.upsert({
      where: { bidId_criterionId: { bidId, criterionId: input.criterionId } },
      create: { bidId, criterionId: input.criterionId, score, reason, moderatedById: actorId },
      update: { score, reason, moderatedById: actorId },
    });
    await recordBidScores(tx, { bidIds: [bidId] });
    await recordAudit(
      {
        actorId,
        action: "score.moderated",
        subjectType: "bid",
        subjectId: bidId,
        before: { moderated: before, assessorScores: assessorScores.map((s) => ({ assessorId: s.assessment.assessorId, score: s.score })) },
        after: { criterionId: input.criterionId, score, reason },
      },
      tx,
    );
  });
  return { ok: true };
}

/** Everything the audit log holds about a bid, oldest first. */
export async function loadBidHistory(roundId: string, bidId: string) {
  const bid = await db.bid.findFirst({ where: { id: bidId, roundId }, select: { id: true, reference: true, title: true, round: { select: { name: true } } } });
  if (!bid) return null;
  const events = await db.auditEvent.findMany({
    where: { subjectType: "bid", subjectId: bidId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, action: true, outcome: true, createdAt: true, before: true, after: true, details: true, actor: { select: { name: true, role: true } } },
  });
  return {
    bid: { id: bid.id, reference: bid.reference ?? "", title: bid.title, roundName: bid.round.name },
    events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), actorName: e.actor?.name ?? "System" })),
  };
}

/** Re-opens a submitted assessment so its assessor can change it (audited). */
export async function reopenAssessment(actorId: string, roundId: string, bidId: string, assessmentId: string): Promise<Result> {
  const reopened = await db.$transaction(async (tx: Tx) => {
    const updated = await tx.assessment.updateMany({
      where: { id: assessmentId, bidId, status: "submitted", bid: { roundId } },
      data: { status: "draft", submittedAt: null, reopenedAt: new Date() },
    });
    if (updated.count === 0) return false;
    await recordBidScores(tx, { bidIds: [bidId] });
    await recordAudit(
      {
        actorId,
        action: "assessment.reopened",
        subjectType: "bid",
        subjectId: bidId,
        before: { assessmentId, status: "submitted" },
        after: { assessmentId, status: "draft" },
      },
      tx,
    );
    return true;
  });
  if (reopened) return { ok: true };
  await recordAudit({
    actorId,
    action: "assessment.reopen",
    outcome: "refused",
    subjectType: "bid",
    subjectId: bidId,
    details: { assessmentId, reason: "not a submitted assessment of this bid" },
  });
  return invalid({ [FORM_ERROR]: "Only a submitted assessment of this bid can be re-opened" });
}
