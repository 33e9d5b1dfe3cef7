// Assigning assessors to a round's bids, by hand or automatically, and taking them off again
//. The plan comes from the pure `planAssignments`; this module loads its
// input and writes it back, with one email per new or removed assignment in the same transaction.
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db, type Db, type Prisma, type Tx } from "~/lib/db.server";
import { pageRange, pageWindow } from "~/domain/lists/list-page";
import { bidSearchWhere } from "~/domain/lists/text-search.server";
import { env } from "~/lib/env.server";
import { renderAssessorAssignment, renderAssessorRemoval } from "../../../emails";
import { FORM_ERROR } from "~/lib/form-errors";
import { invalid, refusalReason, type Result } from "~/lib/refusal";
import { assignField, assignmentRemovalProblem, planAssignments, removeField, type AssignmentPlan, type AssignmentProgress } from "./assignment";

/** Bids that can be assessed: submitted (or already in assessment) and not screened out. */
export const ASSESSABLE_BID = {
  status: { in: ["submitted", "in_assessment"] },
  OR: [{ screeningDecision: null }, { screeningDecision: "eligible" }],
};

export async function findRound(roundId: string) {
  return db.round.findUnique({ where: { id: roundId }, include: { fund: { select: { name: true } } } });
}

function progressOf(status: string | undefined): AssignmentProgress {
  return status === "submitted" ? "submitted" : status === undefined ? "not_started" : "draft";
}

/** Everything the assignment page shows: each bid's assessors and conflicts, each assessor's workload. */
/** A bid as the assignment board shows it: its assessors, their progress and conflicts. */
function boardRow(bid: {
  id: string;
  reference: string | null;
  title: string;
  organisation: { name: string };
  needsReassignment: boolean;
  conflicts: { assessorId: string }[];
  assessments: { assessorId: string; status: string }[];
  assignments: { assessorId: string; assessor: { name: string } }[];
}) {
  const conflicted = new Set(bid.conflicts.map((c) => c.assessorId));
  const progress = new Map(bid.assessments.map((a) => [a.assessorId, progressOf(a.status)]));
  return {
    id: bid.id,
    reference: bid.reference ?? "",
    title: bid.title,
    organisationName: bid.organisation.name,
    needsReassignment: bid.needsReassignment,
    assessors: bid.assignments.map((a) => ({
      id: a.assessorId,
      name: a.assessor.name,
      conflicted: conflicted.has(a.assessorId),
      progress: progress.get(a.assessorId) ?? "not_started",
    })),
    conflictedAssessorIds: [...conflicted],
  };
}

export async function loadAssignmentBoard(roundId: string, client: Pick<Db, "bid" | "user"> = db) {
  const [bids, assessors] = await Promise.all([
    client.bid.findMany({
      where: { roundId, ...ASSESSABLE_BID },
      orderBy: { reference: "asc" },
      select: {
        id: true,
        reference: true,
        title: true,
        status: true,
        needsReassignment: true,
        organisation: { select: { name: true } },
        assignments: { select: { assessorId: true, assessor: { select: { name: true } } }, orderBy: { assignedAt: "asc" } },
        conflicts: { select: { assessorId: true } },
        assessments: { select: { assessorId: true, status: true } },
      },
    }),
    client.user.findMany({ where: { role: "assessor", disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  const rows = bids.map(boardRow);
  const workload = new Map<string, number>();
  for (const row of rows) for (const a of row.assessors) if (!a.conflicted) workload.set(a.id, (workload.get(a.id) ?? 0) + 1);
  return {
    bids: rows,
    assessors: assessors.map((a) => ({ id: a.id, name: a.name, assigned: workload.get(a.id) ?? 0 })),
  };
}

export type AssignmentFilters = { q: string; assessor: string; need: "unassigned" | "needs_reassignment" | "" };

/**
 * One page of the assignment board (ADR 0023): the filtered bids on it with their assessors, and
 * every assessor's workload over the whole round from one aggregate, a fixed number of queries.
 */
export async function loadAssignmentPage(roundId: string, filters: AssignmentFilters, page: number) {
  const where: Prisma.BidWhereInput = {
    roundId,
    AND: [
      ASSESSABLE_BID,
      bidSearchWhere(filters.q),
      filters.assessor ? { assignments: { some: { assessorId: filters.assessor } } } : {},
      filters.need === "unassigned" ? { assignments: { none: {} } } : filters.need === "needs_reassignment" ? { needsReassignment: true } : {},
    ],
  };
  const [total, assessors, workload] = await Promise.all([
    db.bid.count({ where }),
    db.user.findMany({ where: { role: "assessor", disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    // Assignments on the round's assessable bids, less those the assessor declared a conflict on.
    db.$queryRaw<{ assessorId: string; assigned: number | bigint }[]>`
      SELECT a."assessorId" AS "assessorId", COUNT(*) AS "assigned"
      FROM "AssessorAssignment" a JOIN "Bid" b ON b."id" = a."bidId"
      WHERE b."roundId" = ${roundId}
        AND b."status" IN ('submitted', 'in_assessment')
        AND (b."screeningDecision" IS NULL OR b."screeningDecision" = 'eligible')
        AND NOT EXISTS (SELECT 1 FROM "ConflictDeclaration" c WHERE c."bidId" = a."bidId" AND c."assessorId" = a."assessorId")
      GROUP BY a."assessorId"`,
  ]);
  const window = pageWindow(total, page);
  const bids = await db.bid.findMany({
    where,
    orderBy: { reference: "asc" },
    ...pageRange(window),
    select: {
      id: true,
      reference: true,
      title: true,
      needsReassignment: true,
      organisation: { select: { name: true } },
      assignments: { select: { assessorId: true, assessor: { select: { name: true } } }, orderBy: { assignedAt: "asc" } },
      conflicts: { select: { assessorId: true } },
      assessments: { select: { assessorId: true, status: true } },
    },
  });
  const assigned = new Map(workload.map((w) => [w.assessorId, Number(w.assigned)]));
  return {
    window,
    bids: bids.map(boardRow),
    assessors: assessors.map((a) => ({ id: a.id, name: a.name, assigned: assigned.get(a.id) ?? 0 })),
  };
}

type NewAssignment = { bidId: string; assessorId: string };

/**
 * Runs `decide` and writes what it returns (assignments, their emails and audit events) in one
 * transaction. The transaction first touches the round row: on PostgreSQL that row lock queues
 * concurrent assignment runs for the round, and on SQLite it takes the write lock, so `decide`
 * always sees the assignments committed before it and two runs cannot over-assign a bid.
 */
async function assignInTransaction<T extends { assignments: NewAssignment[] }>(
  roundId: string,
  actorId: string,
  how: "automatic" | "by_hand",
  decide: (tx: Tx, round: { name: string; assessorsPerBid: number }) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx: Tx) => {
    const round = await tx.round.update({ where: { id: roundId }, data: { updatedAt: new Date() }, select: { name: true, assessorsPerBid: true } });
    const decision = await decide(tx, round);
    const wanted = decision.assignments;
    if (wanted.length === 0) return decision;
    const [bids, assessors] = await Promise.all([
      tx.bid.findMany({ where: { id: { in: wanted.map((w) => w.bidId) } }, select: { id: true, reference: true } }),
      tx.user.findMany({ where: { id: { in: wanted.map((w) => w.assessorId) } }, select: { id: true, name: true, email: true } }),
    ]);
    const bidById = new Map(bids.map((b) => [b.id, b]));
    const assessorById = new Map(assessors.map((a) => [a.id, a]));
    for (const w of wanted) {
      const assessor = assessorById.get(w.assessorId)!;
      const assignment = await tx.assessorAssignment.create({ data: { bidId: w.bidId, assessorId: w.assessorId, assignedById: actorId } });
      // Rendered here: the assignment id (the email's key) exists only inside the transaction.
      const rendered = await renderAssessorAssignment({
        assessorName: assessor.name,
        reference: bidById.get(w.bidId)!.reference ?? "",
        roundName: round.name,
        assessUrl: new URL(`/assessor/bids/${w.bidId}`, env().APP_URL).toString(),
      });
      await queueEmail(tx, { idempotencyKey: emailKeys.assessorAssignment(assignment.id), to: assessor.email, rendered });
      await recordAudit(
        {
          actorId,
          action: "assessor.assigned",
          subjectType: "bid",
          subjectId: w.bidId,
          after: { assignmentId: assignment.id, assessorId: w.assessorId },
          details: { how },
        },
        tx,
      );
    }
    for (const bidId of new Set(wanted.map((w) => w.bidId))) {
      const counting = await tx.assessorAssignment.count({ where: { bidId, assessor: { conflicts: { none: { bidId } } } } });
      await tx.bid.updateMany({
        where: { id: bidId, status: { in: ["submitted", "in_assessment"] } },
        data: { status: "in_assessment", ...(counting >= round.assessorsPerBid ? { needsReassignment: false } : {}) },
      });
    }
    return decision;
  });
}

/** Gives every assessable bid in the round the number of assessors the round asks for. */
export async function assignAutomatically(roundId: string, actorId: string): Promise<Pick<AssignmentPlan, "assignments" | "shortfalls">> {
  return assignInTransaction(roundId, actorId, "automatic", async (tx, round) => {
    const board = await loadAssignmentBoard(roundId, tx);
    const plan = planAssignments({
      assessorsPerBid: round.assessorsPerBid,
      assessors: board.assessors.map((a) => ({ assessorId: a.id, assigned: a.assigned })),
      bids: board.bids.map((b) => ({
        bidId: b.id,
        assignedAssessorIds: b.assessors.filter((a) => !a.conflicted).map((a) => a.id),
        // An assessor already assigned (even if conflicted) cannot be assigned again: the pair is unique.
        conflictedAssessorIds: [...b.conflictedAssessorIds, ...b.assessors.filter((a) => a.conflicted).map((a) => a.id)],
      })),
    });
    return { assignments: plan.assignments, shortfalls: plan.shortfalls };
  });
}

/** Assigns one assessor to one bid; refusals are audited and change nothing. */
export async function assignByHand(roundId: string, actorId: string, bidId: string, assessorId: string): Promise<Result> {
  const result = await assignInTransaction(roundId, actorId, "by_hand", async (tx) => {
    const refusal = (message: string) => ({ assignments: [] as NewAssignment[], refusal: message });
    const bid = await tx.bid.findFirst({ where: { id: bidId, roundId, ...ASSESSABLE_BID }, select: { id: true } });
    if (!bid) return refusal("Select a bid that is being assessed in this round");
    const assessor = await tx.user.findFirst({ where: { id: assessorId, role: "assessor", disabledAt: null }, select: { id: true, name: true } });
    if (!assessor) return refusal("Select an assessor");
    if (await tx.conflictDeclaration.findUnique({ where: { bidId_assessorId: { bidId, assessorId } } })) {
      return refusal(`${assessor.name} has declared a conflict of interest on this bid`);
    }
    if (await tx.assessorAssignment.findUnique({ where: { bidId_assessorId: { bidId, assessorId } } })) {
      return refusal(`${assessor.name} is already assigned to this bid`);
    }
    return { assignments: [{ bidId, assessorId }], refusal: null };
  });
  if (result.refusal === null) return { ok: true };
  await recordAudit({
    actorId,
    action: "assessor.assign",
    outcome: "refused",
    subjectType: "bid",
    subjectId: bidId || null,
    details: { assessorId, reason: result.refusal },
  });
  return invalid({ [assignField(bidId)]: result.refusal });
}

type RemovalResult = Result<{ draftKept: boolean; emailed: boolean }>;

/**
 * Takes an assessor off a bid; refusals are audited and change nothing. An assessor who has
 * submitted stays (see `assignmentRemovalProblem`). A draft assessment is kept, not deleted: like
 * a conflict declaration it belongs to the bid and the assessor, not to the assignment, so it is
 * simply out of the assessor's reach until they are assigned to the bid again. A bid left short
 * of assessors is marked as needing another, which automatic assignment then fills.
 */
export async function removeAssignment(roundId: string, actorId: string, bidId: string, assessorId: string): Promise<RemovalResult> {
  const result = await db.$transaction(async (tx: Tx): Promise<RemovalResult> => {
    // The same round-row lock as assignInTransaction: removals and assignment runs take turns.
    const round = await tx.round.update({ where: { id: roundId }, data: { updatedAt: new Date() }, select: { name: true, assessorsPerBid: true } });
    const bid = await tx.bid.findFirst({ where: { id: bidId, roundId, ...ASSESSABLE_BID }, select: { id: true, reference: true, needsReassignment: true } });
    if (!bid) return invalid({ [FORM_ERROR]: "Select a bid that is being assessed in this round" });
    const reference = bid.reference ?? "";
    const assessor = await tx.user.findUnique({ where: { id: assessorId }, select: { id: true, name: true, email: true, disabledAt: true } });
    if (!assessor) return invalid({ [removeField(bidId)]: `Select an assessor who is assigned to ${reference}` });
    const [assignment, assessment] = await Promise.all([
      tx.assessorAssignment.findUnique({ where: { bidId_assessorId: { bidId, assessorId } } }),
      tx.assessment.findUnique({
        where: { bidId_assessorId: { bidId, assessorId } },
        select: { id: true, status: true, _count: { select: { scores: true } } },
      }),
    ]);
    const progress = progressOf(assessment?.status);
    const problem = assignmentRemovalProblem({ assessorName: assessor.name, reference }, { assigned: assignment !== null, progress });
    if (problem || !assignment) return invalid({ [removeField(bidId)]: problem ?? "" });

    const before = await tx.assessorAssignment.findMany({ where: { bidId }, orderBy: { assignedAt: "asc" }, select: { assessorId: true } });
    await tx.assessorAssignment.delete({ where: { id: assignment.id } });
    const counting = await tx.assessorAssignment.count({ where: { bidId, assessor: { conflicts: { none: { bidId } } } } });
    const needsReassignment = bid.needsReassignment || counting < round.assessorsPerBid;
    if (needsReassignment !== bid.needsReassignment) await tx.bid.update({ where: { id: bidId }, data: { needsReassignment } });
    const draftKept = progress === "draft";
    // A disabled account has left the fund's work: nothing to tell it.
    const emailed = assessor.disabledAt === null;
    if (emailed) {
      const rendered = await renderAssessorRemoval({
        assessorName: assessor.name,
        reference,
        roundName: round.name,
        draftKept,
        queueUrl: new URL("/assessor", env().APP_URL).toString(),
      });
      await queueEmail(tx, { idempotencyKey: emailKeys.assessorRemoval(assignment.id), to: assessor.email, rendered });
    }
    await recordAudit(
      {
        actorId,
        action: "assessor.removed",
        subjectType: "bid",
        subjectId: bidId,
        before: {
          assignmentId: assignment.id,
          assessorId,
          assignedById: assignment.assignedById,
          assignedAt: assignment.assignedAt,
          assessorIds: before.map((a) => a.assessorId),
        },
        after: { assessorIds: before.map((a) => a.assessorId).filter((id) => id !== assessorId), needsReassignment },
        details: {
          assessment: assessment ? { assessmentId: assessment.id, status: assessment.status, scoresGiven: assessment._count.scores, kept: true } : null,
          emailed,
        },
      },
      tx,
    );
    return { ok: true, draftKept, emailed };
  });
  if (!result.ok) {
    await recordAudit({
      actorId,
      action: "assessor.remove",
      outcome: "refused",
      subjectType: "bid",
      subjectId: bidId || null,
      details: { assessorId, reason: refusalReason(result.refusal) },
    });
  }
  return result;
}
