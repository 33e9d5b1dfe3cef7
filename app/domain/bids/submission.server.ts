// Submitting and withdrawing a bid.
//
// Submitting is idempotent: a double click, a resubmitted form or a second tab all end with one
// submission, one reference and one receipt. The transaction's first statement is a conditional
// update of the draft (WHERE id AND status = 'draft'): on PostgreSQL a concurrent submit waits on
// that row and then finds it no longer a draft; SQLite has one writer at a time. Everything is
// then checked again inside the transaction (deadline on the server's clock, every section
// complete, the amount rule) before the round's reference sequence is raised by an atomic
// increment, so a refused or repeated submit never uses up a number.
import { cancelUndecidedAward, lockRoundForMoney } from "~/domain/allocation/pot-ledger.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { roundPhase } from "~/domain/rounds/pot";
import { formatDateTime } from "~/lib/dates";
import { db, type Prisma } from "~/lib/db.server";
import { FORM_ERROR } from "~/lib/form-errors";
import { env } from "~/lib/env.server";
import { conflict, forbidden, invalid, notFound, type Refused, type Result } from "~/lib/refusal";
import { bidBudgetLineSelect, bidDocumentSelect, bidOutcomeSelect, bidRoundRulesSelect, visibleBid, type Viewer } from "./bids.server";
import { renderSubmissionReceipt } from "../../../emails";
import { formatBidReference } from "./reference";
import { bidStatusLabel } from "./status";
import { allSectionsCompleted, sectionStates } from "./sections";
import { buildSubmittedSnapshot } from "./snapshot";

/**
 * A submit outside the round's dates is `forbidden` (the page says when it closed or opens); an
 * incomplete bid is `invalid` as a whole (the page lists the sections still to finish); a bid no
 * longer a draft is a `conflict`; `not_found` when the applicant may not see it.
 */
export type SubmitResult = Result<{ reference: string; alreadySubmitted: boolean }>;

const submitInclude = {
  organisation: { select: { id: true, name: true } },
  round: {
    select: {
      ...bidRoundRulesSelect,
      fund: { select: { code: true, name: true } },
      areas: { select: { id: true } },
      priorities: { select: { id: true } },
    },
  },
  areas: { select: { roundAreaId: true, area: { select: { id: true, name: true } } } },
  priorities: { select: { priorityId: true, priority: { select: { id: true, title: true } } } },
  outcomes: { select: bidOutcomeSelect },
  budgetLines: { select: bidBudgetLineSelect },
  documents: { select: bidDocumentSelect },
} satisfies Prisma.BidInclude;

/** Ends the transaction without a change: nothing of a refused submit is kept. `reason` is for the audit log. */
class SubmitRefused extends Error {
  constructor(
    readonly reason: "not_found" | "closed" | "not_open" | "incomplete" | "not_draft",
    readonly result: Refused,
  ) {
    super(reason);
  }
}

export async function submitBid(bidId: string, viewer: Viewer & { email: string; name: string }, now: Date = new Date()): Promise<SubmitResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        const claimed = await tx.bid.updateMany({ where: { ...visibleBid(bidId, viewer), status: "draft" }, data: { updatedAt: now } });
        const bid = await tx.bid.findFirst({ where: visibleBid(bidId, viewer), include: submitInclude });
        if (!bid) throw new SubmitRefused("not_found", notFound());
        if (claimed.count === 0 || bid.status !== "draft") {
          // Already submitted by an earlier click or another tab: the same answer as the first time.
          if (bid.reference && bid.status === "submitted") return { ok: true as const, reference: bid.reference, alreadySubmitted: true };
          throw new SubmitRefused("not_draft", conflict("This bid can no longer be submitted."));
        }
        const phase = roundPhase(bid.round, now);
        if (phase === "closed") {
          const message = `You cannot submit this bid because the round closed at ${formatDateTime(bid.round.closesAt)}. Your bid has been kept as a draft.`;
          throw new SubmitRefused("closed", forbidden(message));
        }
        if (phase === "upcoming")
          throw new SubmitRefused("not_open", forbidden(`You cannot submit this bid until the round opens at ${formatDateTime(bid.round.opensAt)}.`));
        if (!allSectionsCompleted(sectionStates(bid, bid.round)))
          throw new SubmitRefused("incomplete", invalid({ [FORM_ERROR]: "You cannot submit this bid until every section is complete." }));

        const round = await tx.round.update({
          where: { id: bid.roundId },
          data: { referenceSequence: { increment: 1 } },
          select: { referenceSequence: true },
        });
        const reference = formatBidReference(bid.round.fund.code, bid.round.code, round.referenceSequence);
        const snapshot = buildSubmittedSnapshot(bid, reference, now);
        await tx.bid.update({
          where: { id: bid.id },
          data: { status: "submitted", reference, submittedAt: now, submittedSnapshot: JSON.stringify(snapshot) },
        });
        await recordAudit(
          {
            actorId: viewer.id,
            action: "bid.submitted",
            subjectType: "bid",
            subjectId: bid.id,
            before: { status: "draft" },
            after: { status: "submitted", reference, submittedAt: now.toISOString() },
          },
          tx,
        );
        await queueEmail(tx, {
          idempotencyKey: emailKeys.submissionReceipt(bid.id),
          to: viewer.email,
          // Rendered here because the reference exists only inside the transaction (a few ms).
          rendered: await renderSubmissionReceipt({
            recipientName: viewer.name,
            reference,
            bidTitle: bid.title,
            organisationName: bid.organisation.name,
            fundName: bid.round.fund.name,
            roundName: bid.round.name,
            amountRequestedPence: bid.amountRequestedPence ?? 0,
            submittedAt: now,
            bidUrl: new URL(`/applicant/bids/${bid.id}`, env().APP_URL).toString(),
          }),
        });
        return { ok: true as const, reference, alreadySubmitted: false };
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    if (!(error instanceof SubmitRefused)) throw error;
    await recordAudit({
      actorId: viewer.id,
      action: "bid.submit_refused",
      outcome: "refused",
      subjectType: "bid",
      subjectId: bidId,
      details: { reason: error.reason, at: now.toISOString() },
    });
    return error.result;
  }
}

/** Statuses from which the applicant may still withdraw: submitted, before any decision. */
export const WITHDRAWABLE_STATUSES = ["submitted", "in_assessment"] as const;

export function canWithdraw(status: string): boolean {
  return (WITHDRAWABLE_STATUSES as readonly string[]).includes(status);
}

export type WithdrawResult = Result<{ alreadyWithdrawn: boolean }>;

/**
 * Withdraws a submitted bid. A bid with a proposed or approved award may still be withdrawn before
 * the decision is released: in the same transaction the award is cancelled and an approved
 * award's money goes back to the pot (ADR 0010). The round row is locked first, as in every
 * transaction that may move money.
 */
export async function withdrawBid(bidId: string, viewer: Viewer, now: Date = new Date()): Promise<WithdrawResult> {
  const found = await db.bid.findFirst({ where: visibleBid(bidId, viewer), select: { roundId: true } });
  if (!found) return notFound();
  return db.$transaction(async (tx): Promise<WithdrawResult> => {
    await lockRoundForMoney(tx, found.roundId, now);
    const changed = await tx.bid.updateMany({
      where: { ...visibleBid(bidId, viewer), status: { in: [...WITHDRAWABLE_STATUSES] } },
      data: { status: "withdrawn", withdrawnAt: now },
    });
    const bid = await tx.bid.findFirst({ where: visibleBid(bidId, viewer), select: { status: true, reference: true } });
    if (!bid) return notFound();
    if (changed.count === 0) {
      if (bid.status === "withdrawn") return { ok: true, alreadyWithdrawn: true };
      await recordAudit(
        { actorId: viewer.id, action: "bid.withdraw_refused", outcome: "refused", subjectType: "bid", subjectId: bidId, details: { status: bid.status } },
        tx,
      );
      return conflict(`You cannot withdraw this bid because it is ${bidStatusLabel(bid.status).toLowerCase()}`, "withdraw");
    }
    const cancelledAward = await cancelUndecidedAward(tx, { bidId, roundId: found.roundId, actorId: viewer.id, because: "bid.withdrawn" });
    await recordAudit(
      {
        actorId: viewer.id,
        action: "bid.withdrawn",
        subjectType: "bid",
        subjectId: bidId,
        after: { status: "withdrawn", withdrawnAt: now.toISOString(), reference: bid.reference, cancelledAward },
      },
      tx,
    );
    return { ok: true, alreadyWithdrawn: false };
  });
}
