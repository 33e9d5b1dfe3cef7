// After release (ADR 0006, ADR 0010): the feedback shared with unfunded bids, awards the applicant
// declined or that were withdrawn (their money goes back to the pot), and offering the next
// reserve bid an award. Released decisions are final: these are the only changes, each a new,
// audited decision written by one batch transaction (`$transaction([...])`, array form).
import { renderOutcomeAward } from "../../../emails";
import { recordAudit, recordBidRefusal } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { outboxEmailData } from "~/domain/email/outbox.server";
import { potPence } from "~/domain/rounds/pot";
import { isPrismaCode } from "~/lib/prisma-errors";
import { db } from "~/lib/db.server";
import { acceptanceDeadline } from "~/domain/awards/acceptance";
import { decisionLinks } from "~/domain/awards/links.server";
import { formatDateTime } from "~/lib/dates";
import { conflict, invalid, type Result } from "~/lib/refusal";
import { formatPounds, parsePounds } from "~/lib/money";
import { approvalRefusalMessage, approveAwards } from "./approval.server";
import { offerAmountField } from "./workspace";
import { MAX_LISTED_BIDS, type Allocation } from "./workspace.server";

/** What recording a returned award or offering a reserve award did, or why it was refused (ADR 0012). */
export type ReserveResult = Result<{ message: string }>;

/**
 * A suggested feedback text per bid, built from the assessors' criterion-level comments only
 * (never their scores): one paragraph per criterion with comments. The administrator edits it
 * before release; nothing is shared unless they keep it.
 */
export async function feedbackSuggestions(roundId: string, bidIds: readonly string[]): Promise<Record<string, string>> {
  if (bidIds.length === 0) return {};
  // A page's bids by id; more (the release's, up to the whole round) by round, since a nested
  // list of thousands of ids passes SQLite's limit on a statement's parameters.
  const bids = bidIds.length <= MAX_LISTED_BIDS ? { bidId: { in: [...bidIds] } } : { bid: { roundId } };
  const scores = await db.criterionScore.findMany({
    where: {
      assessment: { ...bids, status: "submitted" },
      comment: { not: "" },
    },
    select: {
      comment: true,
      assessment: { select: { bidId: true } },
      criterion: { select: { title: true, position: true } },
    },
    orderBy: [{ criterion: { position: "asc" } }, { id: "asc" }],
  });
  const byBid = new Map<string, Map<string, string[]>>();
  for (const s of scores) {
    const criteria = byBid.get(s.assessment.bidId) ?? new Map<string, string[]>();
    const comments = criteria.get(s.criterion.title) ?? [];
    comments.push(s.comment.trim());
    criteria.set(s.criterion.title, comments);
    byBid.set(s.assessment.bidId, criteria);
  }
  return Object.fromEntries(
    bidIds.map((id) => [
      id,
      [...(byBid.get(id) ?? new Map<string, string[]>())].map(([title, comments]) => `${title}: ${comments.filter(Boolean).join(" ")}`).join("\n\n"),
    ]),
  );
}

export type ReturnedAwardStatus = "declined_by_applicant" | "withdrawn";

const RETURN_LABEL: Record<ReturnedAwardStatus, string> = {
  declined_by_applicant: "declined by the applicant",
  withdrawn: "withdrawn",
};

/**
 * Records that a released award was declined by the applicant or withdrawn, returning exactly what
 * it held (its amount less money already returned) to the pot in the same batch: the award flips
 * only while it is `released` with the amount and returned money read, and the pot only increments
 * while the result stays within the pot (the CHECK is the last line of defence).
 */
export async function returnAward(allocation: Allocation, bidId: string, actorId: string, status: ReturnedAwardStatus): Promise<ReserveResult> {
  const action = status === "withdrawn" ? "award.withdraw" : "award.declined_by_applicant";
  const row = allocation.rows.find((r) => r.bidId === bidId);
  const refuse = async (message: string): Promise<ReserveResult> => {
    await recordBidRefusal(actorId, action, bidId, { message });
    return conflict(message, `return.${bidId}`);
  };
  if (allocation.round.allocationStatus !== "released") return refuse("Outcomes for this round have not been released yet. Nothing was changed.");
  if (!row?.award || row.award.status !== "released") return refuse(`${row?.reference ?? "This bid"} has no released award to change. Nothing was changed.`);
  const amountPence = row.award.amountPence;
  const returnedPence = row.award.returnedPence;
  const heldPence = amountPence - returnedPence;
  const pot = potPence(allocation.potParts);
  try {
    await db.$transaction([
      // Round row first (ADR 0010); the pot only increments while the result stays within the pot.
      db.round.update({
        where: {
          id: allocation.round.id,
          allocationStatus: "released",
          remainingPotPence: { lte: pot - heldPence },
        },
        data: { remainingPotPence: { increment: heldPence } },
        select: { id: true },
      }),
      // Exactly the award read, with exactly its amount: a second return of it matches nothing.
      db.award.update({
        where: { bidId, status: "released", amountPence, returnedPence },
        data: { status },
        select: { id: true },
      }),
      recordAudit({
        actorId,
        action,
        subjectType: "bid",
        subjectId: bidId,
        before: { awardStatus: "released", amountPence, returnedPence },
        after: {
          awardStatus: status,
          amountPence,
          returnedToPotPence: heldPence,
        },
      }),
    ]);
  } catch (error) {
    if (isPrismaCode(error, "P2025")) return refuse(`The award for ${row.reference} has already been changed. Nothing was changed.`);
    throw error;
  }
  return {
    ok: true,
    message: `The award of ${formatPounds(amountPence)} to ${row.reference} is recorded as ${RETURN_LABEL[status]}. ${formatPounds(heldPence)} has been returned to the pot.`,
  };
}

/**
 * Offers a reserve bid an award after release: a new decision. The amount goes through
 * `approveAwards` (at most the request, at least the round minimum, within the remaining pot, all
 * in its conditional pot update); the same batch releases the award, makes the bid awarded with
 * the next decision version, queues that version's outcome email and audits the decision.
 */
export async function offerAward(
  allocation: Allocation,
  bidId: string,
  actorId: string,
  input: { amount: string; conditions: string },
): Promise<ReserveResult> {
  const row = allocation.rows.find((r) => r.bidId === bidId);
  const amountKey = offerAmountField(bidId);
  const refuse = async (message: string, kind: "invalid" | "conflict" = "conflict"): Promise<ReserveResult> => {
    await recordAudit({
      actorId,
      action: "award.offer",
      outcome: "refused",
      subjectType: "bid",
      subjectId: bidId,
      details: { message, amount: input.amount },
    });
    return kind === "invalid" ? invalid({ [amountKey]: message }) : conflict(message, amountKey);
  };
  if (allocation.round.allocationStatus !== "released")
    return refuse("Outcomes for this round have not been released yet, so use the allocation workspace instead. Nothing was changed.");
  if (!row || row.status !== "reserve")
    return refuse(`${row?.reference ?? "This bid"} is not on the reserve list, so it cannot be offered an award. Nothing was changed.`);
  const parsed = parsePounds(input.amount);
  if (!parsed.ok) return refuse(`Enter the award for ${row.reference} in pounds, like 1500 or 1500.50`, "invalid");
  const amountPence = parsed.pence;
  const conditions = input.conditions.trim();

  const bid = await db.bid.findUniqueOrThrow({
    where: { id: bidId },
    select: {
      id: true,
      reference: true,
      title: true,
      decisionVersion: true,
      amountRequestedPence: true,
      organisation: {
        select: { name: true, contactName: true, contactEmail: true },
      },
    },
  });
  const version = bid.decisionVersion + 1;
  // The offer is answered like a released award: by the round's acceptance days from now.
  const { acceptanceDays } = await db.round.findUniqueOrThrow({ where: { id: allocation.round.id }, select: { acceptanceDays: true } });
  const offeredAt = new Date();
  const acceptBy = acceptanceDeadline(offeredAt, acceptanceDays);
  const rendered = await renderOutcomeAward({
    recipientName: bid.organisation.contactName,
    organisationName: bid.organisation.name,
    reference: bid.reference ?? "",
    bidTitle: bid.title,
    roundName: allocation.round.name,
    bidUrl: decisionLinks.outcome(bid.id),
    amountPence,
    amountRequestedPence: bid.amountRequestedPence ?? amountPence,
    conditions: conditions
      .split("\n")
      .map((c) => c.trim())
      .filter(Boolean),
    nextSteps: [
      `Sign in and accept or decline the award by ${formatDateTime(acceptBy)}. If we have no answer by then, the offer lapses.`,
      "We will send you the grant agreement, with these conditions, to sign.",
      "We pay the award once we have the signed agreement.",
    ],
  });
  const email = outboxEmailData({
    idempotencyKey: emailKeys.outcome(bid.id, version),
    to: bid.organisation.contactEmail,
    rendered,
  });

  const result = await approveAwards({
    roundId: allocation.round.id,
    actorId,
    awards: [{ bidId, amountPence, conditions }],
    newDecision: {
      extraWrites: () => {
        const now = offeredAt;
        return [
          db.award.update({
            where: { bidId, status: "approved" },
            data: { status: "released", acceptBy, offeredFromReserve: true },
            select: { id: true },
          }),
          db.bid.update({
            where: {
              id: bidId,
              status: "reserve",
              decisionVersion: bid.decisionVersion,
            },
            data: {
              status: "awarded",
              decisionVersion: version,
              decidedAt: now,
            },
            select: { id: true },
          }),
          db.outboxEmail.create({ data: email, select: { id: true } }),
          recordAudit({
            actorId,
            action: "award.offer",
            subjectType: "bid",
            subjectId: bidId,
            before: { status: "reserve", decisionVersion: bid.decisionVersion },
            after: {
              status: "awarded",
              decisionVersion: version,
              amountPence,
              conditions,
              acceptBy,
            },
          }),
        ];
      },
    },
  });
  if (!result.ok) {
    const { refusal } = result;
    const message = (refusal.kind === "invalid" ? refusal.fieldErrors[bidId] : undefined) ?? approvalRefusalMessage(result);
    return refusal.kind === "invalid" ? invalid({ [amountKey]: message }) : conflict(message, amountKey);
  }
  return {
    ok: true,
    message: `${row.reference} has been offered an award of ${formatPounds(amountPence)}. The outcome email has been queued. ${formatPounds(result.remainingPotPence)} is left in the pot.`,
  };
}
