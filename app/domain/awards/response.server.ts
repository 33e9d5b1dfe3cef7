// The applicant's answer to a released award (DESIGN.md "After the decision"): accept it, with
// its conditions, or decline it with a reason, before the accept-by date. Both follow the pot rule
// (ADR 0010): the round row is written first, the award changes only by a conditional update
// matched on its id, status and money, and a decline returns exactly what the award held. The
// answer's email shares one key with a lapse (emailKeys.awardResponse): an award is answered once.
// A decline or a lapse also tells the fund administrators that the money is back in the pot.
import { renderAwardMoneyBack, renderAwardResponse, type AwardResponseKind } from "../../../emails";
import { activeFundAdministrators } from "~/domain/auth/accounts.server";
import { lockRoundForMoney } from "~/domain/allocation/pot-ledger.server";
import { recordAudit, recordBidRefusal } from "~/domain/audit/audit.server";
import { visibleBid, type Viewer } from "~/domain/bids/bids.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail, type QueuedEmail } from "~/domain/email/outbox.server";
import { createMonitoringReports } from "~/domain/monitoring/schedule.server";
import { db, type Tx } from "~/lib/db.server";
import { formatDateTime } from "~/lib/dates";
import { conflict, notFound, type Refusal, type Result } from "~/lib/refusal";
import { formatPounds } from "~/lib/money";
import { decisionLinks } from "./links.server";
import { awardEmailDetails } from "./award-email";

export const awardForResponseSelect = {
  id: true,
  roundId: true,
  status: true,
  amountPence: true,
  returnedPence: true,
  pccFundedPence: true,
  matchFundedPence: true,
  conditions: true,
  acceptBy: true,
  respondedAt: true,
  declineReason: true,
  offeredFromReserve: true,
  bid: {
    select: {
      id: true,
      reference: true,
      title: true,
      organisation: { select: { name: true, contactName: true, contactEmail: true } },
    },
  },
  round: { select: { name: true, fund: { select: { name: true } } } },
} as const;

/** The award on a bid the person may see (a member of the bid's organisation), or null. */
export async function findAwardForApplicant(bidId: string, viewer: Viewer) {
  const bid = await db.bid.findFirst({ where: visibleBid(bidId, viewer), select: { id: true } });
  if (!bid) return null;
  return db.award.findUnique({ where: { bidId: bid.id }, select: awardForResponseSelect });
}

type AwardForResponse = NonNullable<Awaited<ReturnType<typeof findAwardForApplicant>>>;

/** Whether the award still waits for an answer at `now` (released, and its deadline not passed). */
export function awaitsAnswer(award: { status: string; acceptBy: Date | null }, now: Date) {
  return award.status === "released" && (award.acceptBy === null || award.acceptBy.getTime() > now.getTime());
}

/** The conditions as a list, one per line as the administrator wrote them. */
export function conditionList(conditions: string): string[] {
  return conditions
    .split("\n")
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Why an award cannot be answered now, in words the applicant reads on the page. */
export function notAnswerableMessage(award: { status: string; acceptBy: Date | null }, now: Date): string {
  switch (award.status) {
    case "accepted":
    case "closed":
      return "Your organisation has already accepted this award. Nothing was changed.";
    case "declined_by_applicant":
      return "Your organisation has already declined this award. Nothing was changed.";
    case "lapsed":
      return "This award has lapsed because it was not accepted by its deadline. Nothing was changed.";
    case "withdrawn":
      return "This award has been withdrawn by the fund. Nothing was changed.";
    case "released":
      if (award.acceptBy && award.acceptBy.getTime() <= now.getTime())
        return `The deadline to accept this award was ${formatDateTime(award.acceptBy)}, so it can no longer be accepted or declined. Nothing was changed.`;
      return "This award cannot be answered now. Nothing was changed.";
    default:
      return "There is no award to accept on this bid yet. Nothing was changed.";
  }
}

export type ResponseEmailExtras = { declineReason?: string; reports?: { title: string; dueAt: Date }[] };

/** The answer's (or lapse's) email to the organisation's contact. */
export function renderResponseEmail(award: AwardForResponse, response: AwardResponseKind, extras: ResponseEmailExtras = {}) {
  return renderAwardResponse({
    ...awardEmailDetails(award),
    response,
    amountPence: award.amountPence,
    acceptBy: award.acceptBy,
    declineReason: extras.declineReason,
    reports: extras.reports,
    awardUrl: response === "accepted" ? decisionLinks.respondToAward(award.bid.id) : decisionLinks.outcome(award.bid.id),
  });
}

/**
 * The fund administrators' word that an award's money is back in the pot (declined or lapsed),
 * rendered before the transaction and queued inside it with the change, so it goes once.
 */
export async function moneyBackNotices(award: AwardForResponse, reason: "declined" | "lapsed", declineReason?: string): Promise<QueuedEmail[]> {
  const administrators = await activeFundAdministrators();
  const notices: QueuedEmail[] = [];
  for (const administrator of administrators) {
    notices.push({
      idempotencyKey: emailKeys.awardMoneyBack(award.id, administrator.id),
      to: administrator.email,
      rendered: await renderAwardMoneyBack({
        fundName: award.round.fund.name,
        recipientName: administrator.name,
        organisationName: award.bid.organisation.name,
        reference: award.bid.reference ?? "",
        bidTitle: award.bid.title,
        roundName: award.round.name,
        reason,
        returnedToPotPence: award.amountPence - award.returnedPence,
        acceptBy: award.acceptBy,
        declineReason,
        awardsUrl: decisionLinks.roundAwards(award.roundId),
      }),
    });
  }
  return notices;
}

/** Raised inside a transaction to roll it back when the award changed since it was read. */
class AwardChanged extends Error {}

async function refuseAnswer(actorId: string, action: string, bidId: string, refusal: Refusal): Promise<Result<never>> {
  await recordBidRefusal(actorId, action, bidId, { refusal });
  return { ok: false, refusal };
}

/**
 * Accepts the award: `released` -> `accepted` while its deadline has not passed, and in the same
 * transaction the award's monitoring reports are created and the confirmation queued.
 */
export async function acceptAward(bidId: string, viewer: Viewer, now: Date): Promise<Result<{ reports: number }>> {
  const action = "award.accept";
  const award = await findAwardForApplicant(bidId, viewer);
  if (!award) return refuseAnswer(viewer.id, action, bidId, notFound().refusal);
  if (!awaitsAnswer(award, now)) return refuseAnswer(viewer.id, action, bidId, conflict(notAnswerableMessage(award, now)).refusal);
  // The reports are only known inside the transaction; the email lists them, so it is rendered there.
  try {
    const reports = await db.$transaction(async (tx: Tx) => {
      await lockRoundForMoney(tx, award.roundId, now);
      const updated = await tx.award.updateMany({
        where: { id: award.id, status: "released", amountPence: award.amountPence, OR: [{ acceptBy: null }, { acceptBy: { gt: now } }] },
        data: { status: "accepted", respondedAt: now, respondedById: viewer.id },
      });
      if (updated.count !== 1) throw new AwardChanged();
      const count = await createMonitoringReports(tx, award.id, now);
      const due = await tx.monitoringReport.findMany({ where: { awardId: award.id }, select: { title: true, dueAt: true }, orderBy: { dueAt: "asc" } });
      await recordAudit(
        {
          actorId: viewer.id,
          action,
          subjectType: "bid",
          subjectId: bidId,
          before: { awardStatus: "released" },
          after: { awardStatus: "accepted", monitoringReports: count, bankDetailsConfirmed: true, conditionsAccepted: true },
        },
        tx,
      );
      const rendered = await renderResponseEmail(award, "accepted", { reports: due });
      await queueEmail(tx, { idempotencyKey: emailKeys.awardResponse(award.id), to: award.bid.organisation.contactEmail, rendered });
      return count;
    });
    return { ok: true, reports };
  } catch (error) {
    if (!(error instanceof AwardChanged)) throw error;
    const current = await db.award.findUniqueOrThrow({ where: { id: award.id }, select: { status: true, acceptBy: true } });
    return refuseAnswer(viewer.id, action, bidId, conflict(notAnswerableMessage(current, now)).refusal);
  }
}

/**
 * Declines the award with a reason: `released` -> `declined_by_applicant` while its deadline has
 * not passed, and exactly what it held (amount less returned money) goes back to the pot in the
 * same transaction. Two declines (or a decline and an acceptance) at once: one wins, the other
 * matches nothing and changes nothing.
 */
export async function declineAward(bidId: string, viewer: Viewer, reason: string, now: Date): Promise<Result<{ returnedToPotPence: number }>> {
  const action = "award.decline";
  const award = await findAwardForApplicant(bidId, viewer);
  if (!award) return refuseAnswer(viewer.id, action, bidId, notFound().refusal);
  if (!awaitsAnswer(award, now)) return refuseAnswer(viewer.id, action, bidId, conflict(notAnswerableMessage(award, now)).refusal);
  const declineReason = reason.trim();
  const held = award.amountPence - award.returnedPence;
  const rendered = await renderResponseEmail(award, "declined", { declineReason });
  const notices = await moneyBackNotices(award, "declined", declineReason);
  try {
    await db.$transaction(async (tx: Tx) => {
      await lockRoundForMoney(tx, award.roundId, now);
      const updated = await tx.award.updateMany({
        where: {
          id: award.id,
          status: "released",
          amountPence: award.amountPence,
          returnedPence: award.returnedPence,
          OR: [{ acceptBy: null }, { acceptBy: { gt: now } }],
        },
        data: { status: "declined_by_applicant", respondedAt: now, respondedById: viewer.id, declineReason },
      });
      if (updated.count !== 1) throw new AwardChanged();
      await tx.round.update({ where: { id: award.roundId }, data: { remainingPotPence: { increment: held } }, select: { id: true } });
      await recordAudit(
        {
          actorId: viewer.id,
          action,
          subjectType: "bid",
          subjectId: bidId,
          before: { awardStatus: "released", amountPence: award.amountPence, returnedPence: award.returnedPence },
          after: { awardStatus: "declined_by_applicant", returnedToPotPence: held },
          details: { reason: declineReason },
        },
        tx,
      );
      await queueEmail(tx, { idempotencyKey: emailKeys.awardResponse(award.id), to: award.bid.organisation.contactEmail, rendered });
      for (const notice of notices) await queueEmail(tx, notice);
    });
    return { ok: true, returnedToPotPence: held };
  } catch (error) {
    if (!(error instanceof AwardChanged)) throw error;
    const current = await db.award.findUniqueOrThrow({ where: { id: award.id }, select: { status: true, acceptBy: true } });
    return refuseAnswer(viewer.id, action, bidId, conflict(notAnswerableMessage(current, now)).refusal);
  }
}

/** What the applicant's award page shows. */
export async function loadAwardResponsePage(bidId: string, viewer: Viewer, now: Date) {
  const award = await findAwardForApplicant(bidId, viewer);
  if (!award || !["released", "accepted", "closed", "declined_by_applicant", "lapsed", "withdrawn"].includes(award.status)) return null;
  const reports =
    award.status === "accepted" || award.status === "closed"
      ? await db.monitoringReport.findMany({
          where: { awardId: award.id },
          select: { id: true, title: true, dueAt: true, status: true },
          orderBy: { dueAt: "asc" },
        })
      : [];
  return {
    bid: { id: award.bid.id, reference: award.bid.reference, title: award.bid.title, organisationName: award.bid.organisation.name },
    award: {
      status: award.status,
      amount: formatPounds(award.amountPence),
      pccFunded: formatPounds(award.pccFundedPence),
      matchFunded: formatPounds(award.matchFundedPence),
      returnedPence: award.returnedPence,
      conditions: conditionList(award.conditions),
      acceptBy: award.acceptBy?.toISOString() ?? null,
      respondedAt: award.respondedAt?.toISOString() ?? null,
      declineReason: award.declineReason,
    },
    answerable: awaitsAnswer(award, now),
    message: awaitsAnswer(award, now) ? null : notAnswerableMessage(award, now),
    reports: reports.map((r) => ({ ...r, dueAt: r.dueAt.toISOString() })),
  };
}
