// An assessor's work on one assigned bid: conflicts of interest and scoring.
// Every query is scoped to the assessor's own assignment, so a bid that is not theirs is simply
// not found. A conflict is declared before the bid's details are shown; answering "no" opens the
// assessor's (draft) assessment, which is what lets them see and score the bid.
import { recordAudit } from "~/domain/audit/audit.server";
import { formRulesFor } from "~/domain/bids/stored-form-rules";
import { isSectionAsked } from "~/domain/bids/sections";
import type { SubmittedSnapshot } from "~/domain/bids/snapshot";
import { inKindOrder } from "~/domain/documents/document-kinds";
import { findReadableDocument, type ListedDocument } from "~/domain/documents/documents.server";
import { db, type Prisma, type Tx } from "~/lib/db.server";
import { inFieldOrder } from "~/lib/form-errors";
import { conflict, forbidden, invalid, notFound, refusalErrors, type Result } from "~/lib/refusal";
import { assessmentFieldOrder, parseAssessment, type AssessmentValues } from "./assessment-form";
import { pageRange, pageWindow } from "~/domain/lists/list-page";
import type { QueueFilters, QueueProgress } from "./list-filters";
import { bidSearchWhere } from "~/domain/lists/text-search.server";
import { recordBidScores } from "./stored-score.server";

/** What the assessor's first page of a bid may show: nothing but its reference, title and organisation. */
export async function findAssignedBid(assessorId: string, bidId: string) {
  const assignment = await db.assessorAssignment.findUnique({
    where: { bidId_assessorId: { bidId, assessorId } },
    select: {
      bid: {
        select: {
          id: true,
          reference: true,
          title: true,
          roundId: true,
          organisation: { select: { name: true } },
          conflicts: { where: { assessorId }, select: { reason: true, declaredAt: true } },
          assessments: { where: { assessorId }, select: { id: true, status: true } },
        },
      },
    },
  });
  if (!assignment) return null;
  const { bid } = assignment;
  return {
    id: bid.id,
    reference: bid.reference ?? "",
    title: bid.title,
    organisationName: bid.organisation.name,
    conflict: bid.conflicts[0] ?? null,
    assessment: bid.assessments[0] ?? null,
  };
}

export type AssignedBid = NonNullable<Awaited<ReturnType<typeof findAssignedBid>>>;

/** Audits an assessor's refused attempt on a bid. */
export function auditRefusal(assessorId: string, bidId: string, action: string, reason: string) {
  return recordAudit({ actorId: assessorId, action, outcome: "refused", subjectType: "bid", subjectId: bidId, details: { reason } });
}

/**
 * The gate for reading the bid, its documents and scoring it: assigned (else not found) and no
 * conflict declared (else forbidden), both audited. The bid's `assessment` is null until the
 * assessor has answered "no conflict", which the page asks first (app/web/assessor-bid.server.ts).
 */
export async function checkScorableBid(assessorId: string, bidId: string, action: string): Promise<Result<{ bid: AssignedBid }>> {
  const bid = await findAssignedBid(assessorId, bidId);
  if (!bid) {
    await auditRefusal(assessorId, bidId, action, "not assigned");
    return notFound("Bid not found");
  }
  if (bid.conflict) {
    await auditRefusal(assessorId, bidId, action, "conflict of interest declared");
    return forbidden("You have declared a conflict of interest on this bid.");
  }
  return { ok: true, bid };
}

/** The same gate as checkScorableBid (with the question answered), as a query condition on the bid. */
export function scorableBy(assessorId: string): Prisma.BidWhereInput {
  return { assignments: { some: { assessorId } }, conflicts: { none: { assessorId } }, assessments: { some: { assessorId } } };
}

/**
 * One of the bid's supporting documents with its bytes, for an assessor who may score the bid, or
 * null (audited) for a document that is not this bid's. The query repeats the gate, so the
 * document is out of reach even if a caller forgot checkScorableBid.
 */
export function documentForAssessor(assessorId: string, bidId: string, documentId: string) {
  return findReadableDocument(assessorId, { bidId, documentId, bidScope: scorableBy(assessorId) });
}

export type ConflictAnswer = { conflict: "yes"; reason: string } | { conflict: "no" };

/**
 * Records the answer to "Do you have a conflict of interest?". Yes: the declaration, and the bid
 * needs another assessor; any scores already given stop counting (the scoring core leaves out
 * conflicted assessors). No: the assessor's draft assessment, once.
 */
export async function answerConflictQuestion(assessorId: string, bid: AssignedBid, answer: ConflictAnswer): Promise<Result> {
  if (bid.conflict) return conflict("You have already declared a conflict of interest on this bid", "conflict");
  if (answer.conflict === "yes") {
    await db.$transaction(async (tx: Tx) => {
      await tx.conflictDeclaration.create({ data: { bidId: bid.id, assessorId, reason: answer.reason } });
      await tx.bid.update({ where: { id: bid.id }, data: { needsReassignment: true } });
      await recordBidScores(tx, { bidIds: [bid.id] });
      await recordAudit(
        {
          actorId: assessorId,
          action: "conflict.declared",
          subjectType: "bid",
          subjectId: bid.id,
          after: { reason: answer.reason },
          details: { assessmentStatus: bid.assessment?.status ?? null },
        },
        tx,
      );
    });
    return { ok: true };
  }
  if (!bid.assessment) {
    await db.$transaction(async (tx: Tx) => {
      const assessment = await tx.assessment.create({ data: { bidId: bid.id, assessorId } });
      await recordAudit({ actorId: assessorId, action: "conflict.none", subjectType: "bid", subjectId: bid.id, after: { assessmentId: assessment.id } }, tx);
    });
  }
  return { ok: true };
}

/** The bid as the assessor reads it: the submitted snapshot when there is one, else the (frozen) rows. */
export type BidForAssessor = {
  reference: string;
  title: string;
  organisationName: string;
  summary: string;
  amountRequestedPence: number | null;
  projectStartDate: string | null;
  projectEndDate: string | null;
  areas: string[];
  priorities: string[];
  outcomes: { outcome: string; indicator: string; target: string }[];
  budgetLines: { item: string; costPence: number; otherFundingPence: number }[];
  beneficiaries: string;
  beneficiaryCount: number | null;
  safeguardingAnswer: string;
  equalityAnswer: string;
  documents: ListedDocument[];
};

async function loadBidForAssessor(bidId: string): Promise<BidForAssessor> {
  const bid = await db.bid.findUniqueOrThrow({
    where: { id: bidId },
    include: {
      organisation: { select: { name: true } },
      areas: { include: { area: true } },
      priorities: { include: { priority: true } },
      outcomes: { orderBy: { position: "asc" } },
      budgetLines: { orderBy: { position: "asc" } },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, originalName: true, sizeBytes: true, scanStatus: true } },
    },
  });
  if (bid.submittedSnapshot) {
    const s = JSON.parse(bid.submittedSnapshot) as SubmittedSnapshot;
    return {
      reference: s.reference,
      title: s.title,
      organisationName: s.organisation.name,
      summary: s.summary,
      amountRequestedPence: s.amountRequestedPence,
      projectStartDate: s.projectStartDate,
      projectEndDate: s.projectEndDate,
      areas: s.areas.map((a) => a.name),
      priorities: s.priorities.map((p) => p.title),
      outcomes: s.outcomes,
      budgetLines: s.budget.lines,
      beneficiaries: s.beneficiaries.description,
      beneficiaryCount: s.beneficiaries.count,
      safeguardingAnswer: s.safeguardingAnswer,
      equalityAnswer: s.equalityAnswer,
      // The snapshot names the documents; their virus check is read from the documents themselves.
      documents: inKindOrder(
        (s.documents ?? []).map(({ id, kind, originalName, sizeBytes }) => ({
          id,
          kind,
          originalName,
          sizeBytes,
          scanStatus: bid.documents.find((d) => d.id === id)?.scanStatus ?? "not_scanned",
        })),
      ),
    };
  }
  return {
    reference: bid.reference ?? "",
    title: bid.title,
    organisationName: bid.organisation.name,
    summary: bid.summary,
    amountRequestedPence: bid.amountRequestedPence,
    projectStartDate: bid.projectStartDate?.toISOString() ?? null,
    projectEndDate: bid.projectEndDate?.toISOString() ?? null,
    areas: bid.areas.map((a) => a.area.name),
    priorities: bid.priorities.map((p) => p.priority.title),
    outcomes: bid.outcomes.map(({ outcome, indicator, target }) => ({ outcome, indicator, target })),
    budgetLines: bid.budgetLines.map(({ item, costPence, otherFundingPence }) => ({ item, costPence, otherFundingPence })),
    beneficiaries: bid.beneficiaries,
    beneficiaryCount: bid.beneficiaryCount,
    safeguardingAnswer: bid.safeguardingAnswer,
    equalityAnswer: bid.equalityAnswer,
    documents: inKindOrder(bid.documents),
  };
}

/** The scoring page: the bid, the round's criteria with descriptors, and the assessment so far. */
export async function loadScoringPage(bidId: string, assessmentId: string) {
  const [bid, assessment] = await Promise.all([
    loadBidForAssessor(bidId),
    db.assessment.findUniqueOrThrow({
      where: { id: assessmentId },
      include: { scores: true, bid: { select: { roundId: true, round: { select: { smallBidThresholdPence: true, formRules: true } } } } },
    }),
  ]);
  // The optional sections the bid's band was asked (ADR 0025): the others are not shown as empty answers.
  const rules = formRulesFor(bid.amountRequestedPence, assessment.bid.round);
  const asked = {
    outcomes: isSectionAsked("outcomes", rules),
    beneficiaries: isSectionAsked("beneficiaries", rules),
    safeguarding: isSectionAsked("safeguarding-and-equality", rules),
  };
  const criteria = await db.criterion.findMany({
    where: { roundId: assessment.bid.roundId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      guidance: true,
      maxScore: true,
      weightPercent: true,
      descriptors: { orderBy: { score: "asc" }, select: { score: true, description: true } },
    },
  });
  const byCriterion = new Map(assessment.scores.map((s) => [s.criterionId, s]));
  const values: AssessmentValues = {
    scores: Object.fromEntries(criteria.map((c) => [c.id, byCriterion.has(c.id) ? String(byCriterion.get(c.id)!.score) : ""])),
    comments: Object.fromEntries(criteria.map((c) => [c.id, byCriterion.get(c.id)?.comment ?? ""])),
    recommendation: assessment.recommendation ?? "",
    overallComment: assessment.overallComment,
  };
  // What the band did not ask is not sent to the page at all (answers given before the amount fell under the threshold).
  const shown = {
    ...bid,
    outcomes: asked.outcomes ? bid.outcomes : [],
    beneficiaries: asked.beneficiaries ? bid.beneficiaries : "",
    beneficiaryCount: asked.beneficiaries ? bid.beneficiaryCount : null,
    safeguardingAnswer: asked.safeguarding ? bid.safeguardingAnswer : "",
    equalityAnswer: asked.safeguarding ? bid.equalityAnswer : "",
  };
  return { bid: shown, asked, criteria, status: assessment.status, submittedAt: assessment.submittedAt?.toISOString() ?? null, values };
}

export function loadCriteriaForBid(bidId: string) {
  return db.criterion.findMany({
    where: { round: { bids: { some: { id: bidId } } } },
    orderBy: { position: "asc" },
    select: { id: true, title: true, maxScore: true },
  });
}

class NotClaimed extends Error {}

/** Saves the assessment as a draft, or submits it (once; it is read-only afterwards). */
export async function saveAssessment(assessorId: string, bid: AssignedBid, values: AssessmentValues, intent: "save" | "submit"): Promise<Result> {
  const assessment = bid.assessment!;
  const alreadySubmitted = async (): Promise<Result> => {
    await auditRefusal(assessorId, bid.id, `assessment.${intent}`, "already submitted");
    return conflict("You have already submitted this assessment. It cannot be changed.");
  };
  if (assessment.status === "submitted") return alreadySubmitted();
  const criteria = await loadCriteriaForBid(bid.id);
  const parsed = parseAssessment(values, criteria, intent);
  if (!parsed.ok) {
    const errors = refusalErrors(parsed.refusal);
    await auditRefusal(assessorId, bid.id, `assessment.${intent}`, "invalid: " + Object.keys(errors).join(", "));
    return invalid(inFieldOrder(errors, assessmentFieldOrder(criteria)));
  }
  const { scores, recommendation, overallComment } = parsed.assessment;
  try {
    await db.$transaction(async (tx: Tx) => {
      // Only a draft of an assessor still assigned and without a conflict changes: a submission,
      // a removal or a conflict declaration racing this one leaves nothing to update.
      const claimed = await tx.assessment.updateMany({
        where: {
          id: assessment.id,
          status: "draft",
          bid: { assignments: { some: { assessorId } }, conflicts: { none: { assessorId } } },
        },
        data: { recommendation, overallComment, ...(intent === "submit" ? { status: "submitted", submittedAt: new Date() } : {}) },
      });
      if (claimed.count === 0) throw new NotClaimed();
      await tx.criterionScore.deleteMany({ where: { assessmentId: assessment.id, criterionId: { notIn: scores.map((s) => s.criterionId) } } });
      for (const s of scores) {
        await tx.criterionScore.upsert({
          where: { assessmentId_criterionId: { assessmentId: assessment.id, criterionId: s.criterionId } },
          create: { assessmentId: assessment.id, criterionId: s.criterionId, score: s.score, comment: s.comment },
          update: { score: s.score, comment: s.comment },
        });
      }
      // Drafts do not count, so only a submission changes the bid's score (ADR 0028).
      if (intent === "submit") await recordBidScores(tx, { bidIds: [bid.id] });
      await recordAudit(
        {
          actorId: assessorId,
          action: intent === "submit" ? "assessment.submitted" : "assessment.saved",
          subjectType: "bid",
          subjectId: bid.id,
          after: { assessmentId: assessment.id, scores, recommendation },
        },
        tx,
      );
    });
  } catch (error) {
    if (!(error instanceof NotClaimed)) throw error;
    const now = await db.assessment.findUnique({ where: { id: assessment.id }, select: { status: true } });
    if (now?.status === "submitted") return alreadySubmitted();
    await auditRefusal(assessorId, bid.id, `assessment.${intent}`, "no longer assigned, or a conflict declared");
    return conflict("You can no longer assess this bid: you have been removed from it or have declared a conflict of interest.");
  }
  return { ok: true };
}

function progressWhere(assessorId: string, progress: QueueProgress | ""): Prisma.BidWhereInput {
  const noConflict = { conflicts: { none: { assessorId } } };
  switch (progress) {
    case "conflict":
      return { conflicts: { some: { assessorId } } };
    case "not_started":
      return { ...noConflict, assessments: { none: { assessorId } } };
    case "draft":
    case "submitted":
      return { ...noConflict, assessments: { some: { assessorId, status: progress } } };
    default:
      return {};
  }
}

/**
 * One page of the assessor's queue, each assigned bid with where they are up to, and their
 * progress over the whole queue from counts (ADR 0023): a fixed number of queries.
 */
export async function loadAssessorQueue(assessorId: string, filters: QueueFilters = { q: "", progress: "" }, page = 1) {
  const where: Prisma.AssessorAssignmentWhereInput = {
    assessorId,
    bid: { AND: [progressWhere(assessorId, filters.progress), bidSearchWhere(filters.q)] },
  };
  const [total, submitted, matching] = await Promise.all([
    // A bid the assessor declared a conflict on is not theirs to assess: not in the total.
    db.assessorAssignment.count({ where: { assessorId, bid: { conflicts: { none: { assessorId } } } } }),
    db.assessorAssignment.count({ where: { assessorId, bid: progressWhere(assessorId, "submitted") } }),
    db.assessorAssignment.count({ where }),
  ]);
  const window = pageWindow(matching, page);
  const assignments = await db.assessorAssignment.findMany({
    where,
    orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
    ...pageRange(window),
    select: {
      bid: {
        select: {
          id: true,
          reference: true,
          title: true,
          conflicts: { where: { assessorId }, select: { id: true } },
          assessments: { where: { assessorId }, select: { status: true } },
        },
      },
    },
  });
  const queue = assignments.map(({ bid }) => ({
    id: bid.id,
    reference: bid.reference ?? "",
    title: bid.title,
    progress: (bid.conflicts.length > 0 ? "conflict" : (bid.assessments[0]?.status ?? "not_started")) as QueueProgress,
  }));
  return { queue, submitted, total, window };
}
