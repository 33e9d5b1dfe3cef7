// The fund administrator's awards page after release (DESIGN.md "After the decision"): every
// award with its answer and deadline, reminders to accept, money returned unspent or clawed back,
// and the reserve list the freed money can go to. Money moves by the pot rule (ADR 0010): round
// row first, the award matched on what was read, the pot moved by exactly the money changed.
import { renderAcceptanceReminder, renderAwardReturn } from "../../../emails";
import { lockRoundForMoney } from "~/domain/allocation/pot-ledger.server";
import { topOfReserveList } from "~/domain/allocation/workspace.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { potPence } from "~/domain/rounds/pot";
import { roundTitle } from "~/domain/rounds/round-title";
import { db, type Prisma, type Tx } from "~/lib/db.server";
import { formatPounds, parsePounds } from "~/lib/money";
import { conflict, invalid, notFound, type Refusal, type Result } from "~/lib/refusal";
import { AWARD_STATUS_LABELS, type AwardStatus } from "./award-status";
import type { AwardReturnInput } from "./award-return.schema";
import { decisionLinks } from "./links.server";
import { awardEmailDetails } from "./award-email";

export const AWARDS_PAGE_SIZE = 25;
/** Reserve bids shown on the awards page: the next to be offered. */
const RESERVE_SHOWN = 10;
export const AWARD_FILTERS = ["all", "not_accepted", "declined_or_lapsed"] as const;
export type AwardFilter = (typeof AWARD_FILTERS)[number];

/** Award states after release the page lists (a cancelled, never-released award is not one). */
const AFTER_RELEASE = ["released", "accepted", "closed", "declined_by_applicant", "lapsed", "withdrawn"] as const;
/** States on which money may be returned or clawed back: the award was given and still stands. */
export const RETURNABLE_AWARD_STATUSES = ["released", "accepted", "closed"] as const;
const FREED = ["declined_by_applicant", "lapsed"] as const;

const filterWhere: Record<AwardFilter, Prisma.AwardWhereInput> = {
  all: {},
  not_accepted: { status: "released" },
  declined_or_lapsed: { status: { in: [...FREED] } },
};

export function parseAwardFilter(value: string | null): AwardFilter {
  return (AWARD_FILTERS as readonly string[]).includes(value ?? "") ? (value as AwardFilter) : "all";
}

/** The pot's figures after release, from the awards themselves and the one stored remaining figure. */
export type AwardFigures = {
  potPence: number;
  /** Awards given and standing (released, accepted, closed), at their full amount. */
  awardedPence: number;
  /** Returned unspent or clawed back (on any award, before it was declined or withdrawn too). */
  returnedPence: number;
  /** Awards declined or lapsed: their money went back to the pot. */
  freedPence: number;
  /** Standing awards offered to reserve bids after release. */
  reofferedPence: number;
  remainingPotPence: number;
};

export async function loadRoundAwards(roundId: string, options: { filter: AwardFilter; page: number }, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      name: true,
      allocationStatus: true,
      baseAllocationPence: true,
      rolledForwardPence: true,
      matchFundingPence: true,
      remainingPotPence: true,
      fund: { select: { name: true } },
    },
  });
  if (!round) return null;
  // Awards on bids that were decided (released at some point): not the cancelled proposals of bids
  // that left the running before release.
  const base: Prisma.AwardWhereInput = { roundId, status: { in: [...AFTER_RELEASE] }, bid: { status: "awarded" } };
  const where: Prisma.AwardWhereInput = { AND: [base, filterWhere[options.filter]] };
  // The whole round's figures as sums per status and reserve offer (a few rows), not every award.
  const [groups, total] = await Promise.all([
    db.award.groupBy({ by: ["status", "offeredFromReserve"], where: base, _count: { _all: true }, _sum: { amountPence: true, returnedPence: true } }),
    db.award.count({ where }),
  ]);
  const pages = Math.max(1, Math.ceil(total / AWARDS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await db.award.findMany({
    where,
    orderBy: [{ bid: { reference: "asc" } }, { id: "asc" }],
    skip: (page - 1) * AWARDS_PAGE_SIZE,
    take: AWARDS_PAGE_SIZE,
    select: {
      id: true,
      status: true,
      amountPence: true,
      returnedPence: true,
      acceptBy: true,
      respondedAt: true,
      declineReason: true,
      acceptanceReminders: true,
      offeredFromReserve: true,
      bid: { select: { id: true, reference: true, title: true, organisation: { select: { name: true } } } },
    },
  });
  const sum = (value: number | bigint | null | undefined) => Number(value ?? 0);
  const among = (statuses: readonly string[]) => groups.filter((g) => statuses.includes(g.status));
  const standing = among(RETURNABLE_AWARD_STATUSES);
  const freed = among(FREED);
  const figures: AwardFigures = {
    potPence: potPence(round),
    awardedPence: standing.reduce((s, g) => s + sum(g._sum.amountPence), 0),
    returnedPence: groups.reduce((s, g) => s + sum(g._sum.returnedPence), 0),
    freedPence: freed.reduce((s, g) => s + sum(g._sum.amountPence) - sum(g._sum.returnedPence), 0),
    reofferedPence: standing.filter((g) => g.offeredFromReserve).reduce((s, g) => s + sum(g._sum.amountPence), 0),
    remainingPotPence: round.remainingPotPence,
  };
  // The next bids to offer; the allocation page lists the whole reserve list a page at a time.
  const reserve = round.allocationStatus === "released" ? await topOfReserveList(roundId, RESERVE_SHOWN) : { total: 0, bids: [] };
  return {
    round: { id: round.id, name: roundTitle(round), released: round.allocationStatus === "released" },
    figures,
    counts: { all: groups.reduce((s, g) => s + g._count._all, 0), notAccepted: among(["released"]).reduce((s, g) => s + g._count._all, 0) },
    filter: options.filter,
    page,
    pages,
    total,
    awards: rows.map((a) => ({
      id: a.id,
      bidId: a.bid.id,
      reference: a.bid.reference ?? "",
      title: a.bid.title,
      organisationName: a.bid.organisation.name,
      status: a.status,
      statusLabel: AWARD_STATUS_LABELS[a.status as AwardStatus] ?? a.status,
      amountPence: a.amountPence,
      returnedPence: a.returnedPence,
      freedPence: (FREED as readonly string[]).includes(a.status) ? a.amountPence - a.returnedPence : 0,
      acceptBy: a.acceptBy?.toISOString() ?? null,
      overdue: a.status === "released" && a.acceptBy !== null && a.acceptBy.getTime() <= now.getTime(),
      respondedAt: a.respondedAt?.toISOString() ?? null,
      declineReason: a.declineReason,
      reminders: a.acceptanceReminders,
      offeredFromReserve: a.offeredFromReserve,
      canRemind: a.status === "released" && (a.acceptBy === null || a.acceptBy.getTime() > now.getTime()),
      canReturn: (RETURNABLE_AWARD_STATUSES as readonly string[]).includes(a.status) && a.returnedPence < a.amountPence,
    })),
    reserve,
  };
}

export type RoundAwardsPage = NonNullable<Awaited<ReturnType<typeof loadRoundAwards>>>;

const awardSelect = {
  id: true,
  roundId: true,
  status: true,
  amountPence: true,
  returnedPence: true,
  acceptBy: true,
  acceptanceReminders: true,
  bid: { select: { id: true, reference: true, title: true, organisation: { select: { name: true, contactName: true, contactEmail: true } } } },
  round: { select: { name: true, fund: { select: { name: true } } } },
} as const;

async function refuse(actorId: string, action: string, awardId: string, refusal: Refusal, details: object = {}): Promise<Result<never>> {
  await recordAudit({ actorId, action, outcome: "refused", subjectType: "award", subjectId: awardId, details: { ...details, refusal } });
  return { ok: false, refusal };
}

/** Raised inside a transaction to roll it back when the award changed since it was read. */
class AwardChanged extends Error {}

/**
 * Reminds the organisation to accept or decline: the award's reminder count goes up by a
 * conditional update on the count read, and that count is the email's key, so a double-click
 * (or two administrators at once) sends one reminder.
 */
export async function sendAcceptanceReminder(roundId: string, awardId: string, actorId: string, now: Date): Promise<Result<{ message: string }>> {
  const action = "award.acceptance_reminder";
  const award = await db.award.findFirst({ where: { id: awardId, roundId }, select: awardSelect });
  if (!award) return refuse(actorId, action, awardId, notFound().refusal);
  const reference = award.bid.reference ?? "This bid";
  if (award.status !== "released")
    return refuse(actorId, action, awardId, conflict(`${reference} has already been answered or has lapsed, so no reminder was sent.`).refusal);
  if (award.acceptBy && award.acceptBy.getTime() <= now.getTime())
    return refuse(actorId, action, awardId, conflict(`The deadline for ${reference} has passed, so no reminder was sent.`).refusal);
  const number = award.acceptanceReminders + 1;
  const rendered = await renderAcceptanceReminder({
    ...awardEmailDetails(award),
    amountPence: award.amountPence,
    acceptBy: award.acceptBy,
    awardUrl: decisionLinks.respondToAward(award.bid.id),
  });
  try {
    await db.$transaction(async (tx: Tx) => {
      await lockRoundForMoney(tx, roundId, now);
      const updated = await tx.award.updateMany({
        where: { id: award.id, status: "released", acceptanceReminders: award.acceptanceReminders },
        data: { acceptanceReminders: number },
      });
      if (updated.count !== 1) throw new AwardChanged();
      await recordAudit({ actorId, action, subjectType: "award", subjectId: award.id, after: { reminderNumber: number, bidId: award.bid.id } }, tx);
      await queueEmail(tx, { idempotencyKey: emailKeys.acceptanceReminder(award.id, number), to: award.bid.organisation.contactEmail, rendered });
    });
  } catch (error) {
    if (!(error instanceof AwardChanged)) throw error;
    return refuse(
      actorId,
      action,
      awardId,
      conflict(`A reminder for ${reference} was sent or the award changed just now, so no other reminder was sent.`).refusal,
    );
  }
  return { ok: true, message: `A reminder to accept or decline has been sent to ${award.bid.organisation.name} (${reference}).` };
}

const KIND_LABEL = { returned: "returned unspent", clawed_back: "clawed back" } as const;

/**
 * Records money returned unspent or clawed back on a standing award: an AwardReturn row, the
 * award's returnedPence raised by a conditional update on the figure read (so two returns at once
 * can never together pass the award's amount; the CHECK is the backstop), and the pot raised by
 * exactly that amount, round row first. The organisation is told.
 */
export async function recordAwardReturn(
  roundId: string,
  actorId: string,
  input: AwardReturnInput,
  now: Date,
): Promise<Result<{ message: string; returnId: string }>> {
  const action = "award.money_returned";
  const parsed = parsePounds(input.amount);
  if (!parsed.ok || parsed.pence <= 0)
    return refuse(actorId, action, input.awardId, invalid({ amount: "Enter the amount in pounds, like 1500 or 1500.50" }).refusal);
  const amount = parsed.pence;
  const read = async (client: Pick<Tx, "award"> = db) => client.award.findFirst({ where: { id: input.awardId, roundId }, select: awardSelect });
  const award = await read();
  if (!award) return refuse(actorId, action, input.awardId, notFound().refusal);
  const reference = award.bid.reference ?? "this bid";
  const check = (a: { status: string; amountPence: number; returnedPence: number }): Refusal | null => {
    if (!(RETURNABLE_AWARD_STATUSES as readonly string[]).includes(a.status))
      return conflict(
        `The award for ${reference} is ${AWARD_STATUS_LABELS[a.status as AwardStatus]?.toLowerCase() ?? a.status}, so no money can be recorded against it. Nothing was changed.`,
      ).refusal;
    const left = a.amountPence - a.returnedPence;
    if (amount > left)
      return invalid({
        amount:
          left === 0
            ? `All of the award for ${reference} has already been returned. Nothing was changed.`
            : `You can record at most ${formatPounds(left)} on ${reference}: it was awarded ${formatPounds(a.amountPence)} and ${formatPounds(a.returnedPence)} has already been returned. Nothing was changed.`,
      }).refusal;
    return null;
  };
  const early = check(award);
  if (early) return refuse(actorId, action, award.id, early, { amountPence: amount });
  const rendered = await renderAwardReturn({
    ...awardEmailDetails(award),
    kind: input.kind,
    returnedPence: amount,
    reason: input.reason,
    amountPence: award.amountPence,
    totalReturnedPence: award.returnedPence + amount,
    outcomeUrl: decisionLinks.outcome(award.bid.id),
  });
  const outcome = await db.$transaction(async (tx: Tx): Promise<{ refusal: Refusal } | { returnId: string }> => {
    await lockRoundForMoney(tx, roundId, now);
    // Read again under the round's lock: another return may have committed since the check above.
    const current = (await read(tx))!;
    const late = check(current);
    if (late) return { refusal: late };
    if (current.returnedPence !== award.returnedPence)
      return { refusal: conflict(`The award for ${reference} changed while you were recording this. Check the figures and try again.`).refusal };
    const updated = await tx.award.updateMany({
      where: { id: award.id, status: current.status, amountPence: award.amountPence, returnedPence: award.returnedPence },
      data: { returnedPence: { increment: amount } },
    });
    if (updated.count !== 1)
      return { refusal: conflict(`The award for ${reference} changed while you were recording this. Check the figures and try again.`).refusal };
    await tx.round.update({ where: { id: roundId }, data: { remainingPotPence: { increment: amount } }, select: { id: true } });
    const row = await tx.awardReturn.create({
      data: { awardId: award.id, roundId, amountPence: amount, kind: input.kind, reason: input.reason, recordedById: actorId },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId,
        action,
        subjectType: "award",
        subjectId: award.id,
        before: { returnedPence: award.returnedPence },
        after: { returnedPence: award.returnedPence + amount, returnedToPotPence: amount },
        details: { kind: input.kind, reason: input.reason, awardReturnId: row.id, bidId: award.bid.id },
      },
      tx,
    );
    await queueEmail(tx, { idempotencyKey: emailKeys.awardReturn(row.id), to: award.bid.organisation.contactEmail, rendered });
    return { returnId: row.id };
  });
  if ("refusal" in outcome) return refuse(actorId, action, award.id, outcome.refusal, { amountPence: amount });
  return {
    ok: true,
    returnId: outcome.returnId,
    message: `${formatPounds(amount)} ${KIND_LABEL[input.kind]} on ${reference} has been recorded and ${formatPounds(amount)} has gone back to the pot. The organisation has been told.`,
  };
}
