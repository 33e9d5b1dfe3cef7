// The applicant's outcome page: what was decided about one bid, once the round's outcomes are
// released, and only for members of the bid's organisation (the visibility rule is part of the
// query, as for every bid page). Scores are shared only when the round says so, and then only the
// bid's score on each criterion as the ranking used it: never who scored or their own scores.
import { scoreBid, formatFraction, type RoundScoringRules } from "~/domain/assessment/scoring";
import { recordAudit } from "~/domain/audit/audit.server";
import { visibleBid, type Viewer } from "~/domain/bids/bids.server";
import { roundTitle } from "~/domain/rounds/round-title";
import { db } from "~/lib/db.server";
import { formatAcceptBy } from "./dates";
import { hasReleasedOutcome, OUTCOME_STATUSES, type OutcomeKind } from "./outcome-kind";

/** Award states with monitoring reports to show (the applicant has accepted the award). */
const REPORTING_AWARD_STATUSES = ["accepted", "closed"];

export type CriterionScoreView = { title: string; weightPercent: number; maxScore: number; score: string };

export type OutcomePage = {
  bid: { id: string; reference: string; title: string; kind: OutcomeKind; organisationName: string; roundName: string; decidedAt: string };
  feedback: string | null;
  ineligibility: { reason: string; note: string | null } | null;
  award: {
    amountPence: number;
    amountRequestedPence: number | null;
    pccFundedPence: number;
    matchFundedPence: number;
    conditions: string[];
    status: string;
    acceptBy: string | null;
    respondedAt: string | null;
    offeredFromReserve: boolean;
    returnedPence: number;
    returns: { amountPence: number; kind: string; recordedAt: string }[];
  } | null;
  reports: { id: string; title: string; dueAt: string; status: string }[] | null;
  scores: { criteria: CriterionScoreView[]; overall: string } | null;
};

/**
 * The outcome page of a bid, `"not_released"` when the viewer may see the bid but its outcome is
 * not released yet, or null when there is no such bid for them (audited, as on the bid pages).
 */
export async function loadOutcomePage(bidId: string | undefined, viewer: Viewer): Promise<OutcomePage | "not_released" | null> {
  const bid = bidId
    ? await db.bid.findFirst({
        where: visibleBid(bidId, viewer),
        select: {
          id: true,
          reference: true,
          title: true,
          status: true,
          decidedAt: true,
          feedback: true,
          screeningReason: true,
          screeningNote: true,
          amountRequestedPence: true,
          submittedAt: true,
          organisation: { select: { name: true } },
          round: {
            select: {
              name: true,
              allocationStatus: true,
              shareScoresWithApplicants: true,
              moderationSpread: true,
              qualityThresholdPercent: true,
              assessorsPerBid: true,
              fund: { select: { name: true } },
              criteria: { orderBy: { position: "asc" }, select: { id: true, title: true, weightPercent: true, maxScore: true, position: true } },
            },
          },
          award: {
            select: {
              amountPence: true,
              pccFundedPence: true,
              matchFundedPence: true,
              conditions: true,
              status: true,
              acceptBy: true,
              respondedAt: true,
              offeredFromReserve: true,
              returnedPence: true,
              returns: { orderBy: { createdAt: "asc" }, select: { amountPence: true, kind: true, createdAt: true } },
              reports: { orderBy: [{ dueAt: "asc" }, { title: "asc" }], select: { id: true, title: true, dueAt: true, status: true } },
            },
          },
        },
      })
    : null;
  if (!bid) {
    await recordAudit({ actorId: viewer.id, action: "bid.access_refused", outcome: "refused", subjectType: "bid", subjectId: bidId ?? null });
    return null;
  }
  if (!hasReleasedOutcome(bid)) return "not_released";
  const kind = bid.status as OutcomeKind;
  // Proposed or approved awards are not decisions; only what the applicant has been told is shown.
  const award = kind === "awarded" && bid.award && !["proposed", "approved"].includes(bid.award.status) ? bid.award : null;
  return {
    bid: {
      id: bid.id,
      reference: bid.reference ?? "",
      title: bid.title,
      kind,
      organisationName: bid.organisation.name,
      roundName: roundTitle(bid.round),
      decidedAt: bid.decidedAt!.toISOString(),
    },
    feedback: bid.feedback?.trim() || null,
    ineligibility:
      kind === "ineligible"
        ? { reason: bid.screeningReason ?? "The bid did not meet the round's eligibility rules", note: bid.screeningNote?.trim() || null }
        : null,
    award: award
      ? {
          amountPence: award.amountPence,
          amountRequestedPence: bid.amountRequestedPence,
          pccFundedPence: award.pccFundedPence,
          matchFundedPence: award.matchFundedPence,
          conditions: award.conditions
            .split("\n")
            .map((c) => c.trim())
            .filter(Boolean),
          status: award.status,
          acceptBy: award.acceptBy ? formatAcceptBy(award.acceptBy) : null,
          respondedAt: award.respondedAt?.toISOString() ?? null,
          offeredFromReserve: award.offeredFromReserve,
          returnedPence: award.returnedPence,
          returns: award.returns.map((r) => ({ amountPence: r.amountPence, kind: r.kind, recordedAt: r.createdAt.toISOString() })),
        }
      : null,
    reports:
      award && REPORTING_AWARD_STATUSES.includes(award.status)
        ? award.reports.map((r) => ({ id: r.id, title: r.title, dueAt: r.dueAt.toISOString(), status: r.status }))
        : null,
    scores: kind !== "ineligible" && bid.round.shareScoresWithApplicants ? await sharedScores(bid.id, bid, bid.round) : null,
  };
}

/** The bid's score per criterion exactly as the allocation ranking computes it (scoreBid). */
async function sharedScores(
  bidId: string,
  bid: { reference: string | null; amountRequestedPence: number | null; submittedAt: Date | null },
  round: RoundScoringRules,
): Promise<OutcomePage["scores"]> {
  const [assessments, conflicts, moderated] = await Promise.all([
    db.assessment.findMany({ where: { bidId }, select: { assessorId: true, status: true, scores: { select: { criterionId: true, score: true } } } }),
    db.conflictDeclaration.findMany({ where: { bidId }, select: { assessorId: true } }),
    db.moderatedScore.findMany({ where: { bidId }, select: { criterionId: true, score: true, reason: true } }),
  ]);
  const scored = scoreBid(
    {
      criteria: round.criteria,
      moderationSpread: round.moderationSpread,
      qualityThresholdPercent: round.qualityThresholdPercent,
      assessorsPerBid: round.assessorsPerBid,
    },
    {
      bidId,
      reference: bid.reference ?? "",
      amountRequestedPence: bid.amountRequestedPence ?? 0,
      submittedAt: bid.submittedAt,
      assessments,
      conflictedAssessorIds: conflicts.map((c) => c.assessorId),
      moderatedScores: moderated,
    },
  );
  if (!scored.complete) return null;
  return {
    criteria: scored.criteria.map((c) => ({
      title: c.title,
      weightPercent: c.weightPercent,
      maxScore: c.maxScore,
      score: c.effectiveScore ? formatFraction(c.effectiveScore, 1) : "Not scored",
    })),
    overall: scored.scoreText,
  };
}

/** Whether the bid's outcome page is there for this applicant (for links to it). */
export async function releasedOutcomeFor(bidId: string, viewer: Viewer): Promise<boolean> {
  const bid = await db.bid.findFirst({
    where: { ...visibleBid(bidId, viewer), status: { in: [...OUTCOME_STATUSES] } },
    select: { status: true, decidedAt: true, round: { select: { allocationStatus: true } } },
  });
  return bid ? hasReleasedOutcome(bid) : false;
}
