// Approving awards: all or nothing, and the sum of approved awards in a round never exceeds its
// pot, whatever the interleaving, on SQLite and PostgreSQL (ADR 0006).
//
// Everything that changes is written by ONE batch transaction (`$transaction([...])`, array form:
// no interactive transaction, so nothing is held open between statements in JavaScript):
//   1. the pot:   UPDATE Round SET remaining = remaining − total [, allocationStatus = next]
//                 WHERE id = ? AND remaining >= total AND allocationStatus IN (open, proposed, sent_back)
//      (a new decision after release matches 'released' instead). The round row is written first,
//      as in every money-changing transaction (pot-ledger.server.ts, ADR 0010), and an approved
//      allocation waiting for sign-off or release takes no further awards.
//      Prisma's `update` with these filters is one statement that fails (P2025) when no row
//      matches. PostgreSQL at READ COMMITTED re-checks the WHERE against the row as a concurrent
//      transaction left it, and SQLite has one writer, so two approvals can never both spend the
//      same money. The CHECK (0 <= remaining <= pot) in both migrations is the last line of defence.
//   2. each bid:  must still be in the round and in assessment or reserve (P2025 if not);
//   3. each award: a new row (insert; a second approval of the same bid hits the unique bidId,
//      P2002) or the bid's proposed row flipped to approved (UPDATE … WHERE status = 'proposed',
//      P2025 if someone else flipped it first);
//   4. the audit events.
// Any failure rolls back the whole batch, pot decrement included, so a loser gives nothing back
// because it never took anything. Reads before the batch only shape the messages and the
// statements; the batch re-checks everything that matters itself.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Prisma } from "~/lib/db.server";
import { FORM_ERROR, type FieldErrors } from "~/lib/form-errors";
import { formatPounds } from "~/lib/money";
import { conflict, invalid, notFound, type Refused, type Result } from "~/lib/refusal";
import { splitAward } from "./funding-split";
import { checkAllocation } from "./validation";
import { EDITABLE_ALLOCATION_STATUSES, isEditable } from "./workspace";

/** Bid states an award can be approved for. */
export const APPROVABLE_BID_STATUSES = ["in_assessment", "reserve"] as const;

export type AwardToApprove = {
  bidId: string;
  amountPence: number;
  /** Conditions of the award; when left out, a proposed award keeps its own. */
  conditions?: string;
};

export type ApproveAwardsInput = {
  roundId: string;
  /** The fund administrator approving (the route checks the `approve:award` permission). */
  actorId: string;
  awards: readonly AwardToApprove[];
  /**
   * A new decision after release (offering a reserve bid an award, ADR 0006): the round must be
   * `released` instead of not released, and these writes join the same batch, after the awards.
   * A factory, because a refused batch may be retried with fresh statements.
   */
  newDecision?: { extraWrites: () => Prisma.PrismaPromise<unknown>[] };
  /**
   * Approving the whole allocation moves the round on (to `approved` for OPCC sign-off, or
   * straight to `signed_off`) in the same statement that takes the money, so the awards and the
   * round's status can never disagree.
   */
  moveAllocationTo?: "approved" | "signed_off";
};

export type ApprovedAward = {
  awardId: string;
  bidId: string;
  reference: string;
  amountPence: number;
  pccFundedPence: number;
  matchFundedPence: number;
};

/**
 * Why a well-formed approval could not be made now, carried by its conflict: callers act on the
 * reason (an approval that lost a race says "already approved") and on the totals.
 */
export type ApprovalConflict =
  | { reason: "over_pot"; totalPence: number; remainingPotPence: number; overByPence: number }
  | { reason: "already_approved"; bidIds: string[] }
  | { reason: "released" | "awaiting_release" | "changed" };

/**
 * Bad amounts or bids are `invalid` (a message by each bid's id, and the whole form's under
 * `form`); an unknown round is `not_found`; everything else is a `conflict` with its reason.
 */
export type ApprovalResult = Result<{ approved: ApprovedAward[]; totalPence: number; remainingPotPence: number }, ApprovalConflict>;
type ApprovalRefusal = Refused<ApprovalConflict>;

const NOTHING_APPROVED = "Nothing was approved.";
const ROUND_NOT_FOUND = "There is no such round";
const MAX_ATTEMPTS = 3;

/**
 * Approves every award in `awards` or none of them. Business refusals (over the pot, already
 * approved, bad amounts, released round, a bid that changed meanwhile) come back as refusals
 * (ADR 0012) and are audited; only unexpected faults throw.
 */
export async function approveAwards(input: ApproveAwardsInput): Promise<ApprovalResult> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptApproval(input);
    // "retry": the pot had room again when re-read (an award was given back meanwhile).
    if (outcome !== "retry") {
      if (!outcome.ok) await auditRefusal(input, outcome);
      return outcome;
    }
    if (attempt >= MAX_ATTEMPTS) {
      const refusal = changedRefusal(`The pot changed while these awards were being approved. ${NOTHING_APPROVED} Try again.`);
      await auditRefusal(input, refusal);
      return refusal;
    }
  }
}

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(input: ApproveAwardsInput) {
  const bidIds = input.awards.map((a) => a.bidId);
  return Promise.all([
    db.round.findUnique({
      where: { id: input.roundId },
      select: {
        id: true,
        remainingPotPence: true,
        baseAllocationPence: true,
        rolledForwardPence: true,
        matchFundingPence: true,
        minAwardPence: true,
        maxAwardPence: true,
        allocationStatus: true,
      },
    }),
    db.bid.findMany({
      where: { id: { in: bidIds } },
      select: {
        id: true,
        roundId: true,
        status: true,
        reference: true,
        amountRequestedPence: true,
        award: { select: { id: true, status: true, amountPence: true, conditions: true } },
      },
    }),
  ]).then(([round, bids]) => (round ? { round, bids: new Map(bids.map((b) => [b.id, b])) } : null));
}

async function attemptApproval(input: ApproveAwardsInput): Promise<ApprovalResult | "retry"> {
  if (input.awards.length === 0) return invalid({ [FORM_ERROR]: "Choose at least one award to approve" });
  const loaded = await load(input);
  if (!loaded) return notFound(ROUND_NOT_FOUND);
  const { round, bids } = loaded;
  const statusRefusal = allocationStatusRefusal(round.allocationStatus, input);
  if (statusRefusal) return statusRefusal;

  const fieldErrors: FieldErrors = {};
  const alreadyApproved: string[] = [];
  for (const award of input.awards) {
    const bid = bids.get(award.bidId);
    if (!bid || bid.roundId !== round.id) fieldErrors[award.bidId] = "This bid is not in this round";
    else if (bid.award && bid.award.status !== "proposed") {
      if (bid.award.status === "approved" || bid.award.status === "released") alreadyApproved.push(award.bidId);
      else fieldErrors[award.bidId] = `The award for ${bid.reference} was ${bid.award.status.replaceAll("_", " ")}; a new award needs a new decision`;
    } else if (!(APPROVABLE_BID_STATUSES as readonly string[]).includes(bid.status)) {
      fieldErrors[award.bidId] = `${bid.reference ?? "This bid"} is ${bid.status.replaceAll("_", " ")}, so it cannot be given an award`;
    } else if (award.amountPence === 0) fieldErrors[award.bidId] = `Enter an award for ${bid.reference} of more than £0`;
  }
  if (alreadyApproved.length > 0) return alreadyApprovedRefusal(alreadyApproved, bids);

  const check = checkAllocation(
    { ...round, availablePence: round.remainingPotPence },
    input.awards.map((a) => {
      const bid = bids.get(a.bidId);
      return { bidId: a.bidId, reference: bid?.reference ?? a.bidId, requestedPence: bid?.amountRequestedPence ?? 0, awardPence: a.amountPence };
    }),
  );
  Object.assign(fieldErrors, { ...check.fieldErrors, ...fieldErrors });
  if (Object.keys(fieldErrors).length > 0) {
    return invalid({ [FORM_ERROR]: `Some awards cannot be approved. ${NOTHING_APPROVED}`, ...fieldErrors });
  }
  if (check.overByPence > 0) return overPotRefusal(check.totalPence, round.remainingPotPence);

  try {
    return await write(input, loaded, check.totalPence);
  } catch (error) {
    return explainFailure(error, input, check.totalPence);
  }
}

async function write(input: ApproveAwardsInput, { round, bids }: Loaded, totalPence: number): Promise<ApprovalResult> {
  const now = new Date();
  const lines = input.awards.map((award) => {
    const bid = bids.get(award.bidId)!;
    return { award, bid, split: splitAward(award.amountPence, round), conditions: award.conditions ?? bid.award?.conditions ?? "" };
  });

  const potUpdate = db.round.update({
    where: {
      id: round.id,
      remainingPotPence: { gte: totalPence },
      allocationStatus: input.newDecision ? "released" : { in: [...EDITABLE_ALLOCATION_STATUSES] },
    },
    data: {
      remainingPotPence: { decrement: totalPence },
      ...(input.moveAllocationTo ? { allocationStatus: input.moveAllocationTo, allocationApprovedAt: now } : {}),
    },
    select: { remainingPotPence: true },
  });
  const bidChecks = lines.map(({ bid }) =>
    db.bid.update({ where: { id: bid.id, roundId: round.id, status: { in: [...APPROVABLE_BID_STATUSES] } }, data: { updatedAt: now }, select: { id: true } }),
  );
  const awardWrites = lines.map(({ award, bid, split, conditions }) => {
    const approved = { amountPence: award.amountPence, ...split, conditions, status: "approved", approvedById: input.actorId, approvedAt: now };
    return bid.award
      ? db.award.update({ where: { bidId: bid.id, status: "proposed" }, data: approved, select: { id: true } })
      : db.award.create({ data: { bidId: bid.id, roundId: round.id, ...approved }, select: { id: true } });
  });
  const audits = [
    recordAudit({
      actorId: input.actorId,
      action: "allocation.approve",
      subjectType: "round",
      subjectId: round.id,
      details: { totalPence, awards: lines.map(({ award }) => ({ bidId: award.bidId, amountPence: award.amountPence })) },
    }),
    ...lines.map(({ award, bid, split, conditions }) =>
      recordAudit({
        actorId: input.actorId,
        action: "award.approve",
        subjectType: "bid",
        subjectId: bid.id,
        before: bid.award ? { status: bid.award.status, amountPence: bid.award.amountPence, conditions: bid.award.conditions } : null,
        after: { status: "approved", amountPence: award.amountPence, ...split, conditions },
      }),
    ),
  ];

  const extra = input.newDecision?.extraWrites() ?? [];
  const results = await db.$transaction([potUpdate, ...bidChecks, ...awardWrites, ...audits, ...extra] as Prisma.PrismaPromise<unknown>[]);
  const { remainingPotPence } = results[0] as { remainingPotPence: number };
  const awardIds = results.slice(1 + bidChecks.length, 1 + bidChecks.length + awardWrites.length) as { id: string }[];
  return {
    ok: true,
    totalPence,
    remainingPotPence,
    approved: lines.map(({ award, bid, split }, i) => ({
      awardId: awardIds[i]!.id,
      bidId: bid.id,
      reference: bid.reference ?? bid.id,
      amountPence: award.amountPence,
      ...split,
    })),
  };
}

function prismaError(error: unknown): { code: string; modelName?: string } | null {
  if (typeof error !== "object" || error === null || !("code" in error) || typeof error.code !== "string" || !/^P\d{4}$/.test(error.code)) return null;
  const meta = "meta" in error && typeof error.meta === "object" && error.meta !== null ? (error.meta as Record<string, unknown>) : {};
  return { code: error.code, modelName: typeof meta.modelName === "string" ? meta.modelName : undefined };
}

/** Turns a rolled-back batch into the refusal a person can act on; re-reads to say why. */
async function explainFailure(error: unknown, input: ApproveAwardsInput, totalPence: number): Promise<ApprovalResult | "retry"> {
  const known = prismaError(error);
  if (!known || (known.code !== "P2025" && known.code !== "P2002")) throw error;
  const loaded = await load(input);
  if (!loaded) return notFound(ROUND_NOT_FOUND);
  const { round, bids } = loaded;
  if (known.code === "P2025" && known.modelName === "Round") {
    const statusRefusal = allocationStatusRefusal(round.allocationStatus, input);
    if (statusRefusal) return statusRefusal;
    if (round.remainingPotPence < totalPence) return overPotRefusal(totalPence, round.remainingPotPence);
    return "retry";
  }
  // A unique bidId clash or a proposed award flipped by someone else: usually a second approval.
  const approved = input.awards.filter((a) => {
    const status = bids.get(a.bidId)?.award?.status;
    return status === "approved" || status === "released";
  });
  if (approved.length > 0)
    return alreadyApprovedRefusal(
      approved.map((a) => a.bidId),
      bids,
    );
  return changedRefusal(
    `A bid or award changed while these awards were being approved (a bid may have been withdrawn). ${NOTHING_APPROVED} Check the allocation and try again.`,
  );
}

function changedRefusal(message: string): ApprovalRefusal {
  return conflict<ApprovalConflict>(message, undefined, { reason: "changed" });
}

function overPotRefusal(totalPence: number, remainingPotPence: number): ApprovalRefusal {
  const overByPence = totalPence - remainingPotPence;
  return conflict<ApprovalConflict>(
    `These awards total ${formatPounds(totalPence)}, which is ${formatPounds(overByPence)} over the remaining pot of ${formatPounds(remainingPotPence)}. ${NOTHING_APPROVED}`,
    undefined,
    { reason: "over_pot", totalPence, remainingPotPence, overByPence },
  );
}

function alreadyApprovedRefusal(bidIds: string[], bids: Loaded["bids"]): ApprovalRefusal {
  const references = bidIds.map((id) => bids.get(id)?.reference ?? id);
  const list = references.length === 1 ? references[0] : `${references.slice(0, -1).join(", ")} and ${references.at(-1)}`;
  const verb = references.length === 1 ? "already has an approved award" : "already have approved awards";
  return conflict<ApprovalConflict>(`${list} ${verb}. ${NOTHING_APPROVED}`, undefined, { reason: "already_approved", bidIds });
}

/** Awards are approved while the allocation is being made, or as a new decision after release. */
function allocationStatusRefusal(allocationStatus: string, input: ApproveAwardsInput): ApprovalRefusal | null {
  if (input.newDecision) return allocationStatus === "released" ? null : notReleasedRefusal();
  if (allocationStatus === "released") return releasedRefusal();
  if (!isEditable(allocationStatus)) {
    return conflict<ApprovalConflict>(
      `This allocation has already been approved and is waiting for sign-off or release, so no more awards can be approved now. ${NOTHING_APPROVED}`,
      undefined,
      { reason: "awaiting_release" },
    );
  }
  return null;
}

function releasedRefusal(): ApprovalRefusal {
  return conflict<ApprovalConflict>(
    `Outcomes for this round have been released, so awards can only change through a new decision. ${NOTHING_APPROVED}`,
    undefined,
    { reason: "released" },
  );
}

function notReleasedRefusal(): ApprovalRefusal {
  return changedRefusal(`Outcomes for this round have not been released yet, so use the allocation workspace instead. ${NOTHING_APPROVED}`);
}

/** The refusal's reason, as callers and the audit log name it. */
export function approvalRefusalReason({ refusal }: ApprovalRefusal): "invalid" | "round_not_found" | "forbidden" | ApprovalConflict["reason"] {
  if (refusal.kind === "conflict") return refusal.details!.reason;
  return refusal.kind === "not_found" ? "round_not_found" : refusal.kind;
}

/** The refusal's one message: a conflict's, or the whole form's. */
export function approvalRefusalMessage({ refusal }: ApprovalRefusal): string {
  if (refusal.kind === "invalid") return refusal.fieldErrors[FORM_ERROR] ?? "";
  return refusal.message ?? "";
}

async function auditRefusal(input: ApproveAwardsInput, refused: ApprovalRefusal) {
  await recordAudit({
    actorId: input.actorId,
    action: "allocation.approve",
    outcome: "refused",
    subjectType: "round",
    subjectId: input.roundId,
    details: {
      reason: approvalRefusalReason(refused),
      message: approvalRefusalMessage(refused),
      awards: input.awards.map((a) => ({ bidId: a.bidId, amountPence: a.amountPence })),
    },
  });
}
