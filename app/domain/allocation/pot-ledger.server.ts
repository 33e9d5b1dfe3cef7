// The pot's one rule (ADR 0010): awards that hold money + money remaining = pot, after every
// operation of every kind. The round's `remainingPotPence` is the single stored figure, and it is
// only ever changed by a relative update (increment or decrement by an award's own amount) in the
// same transaction as the award change that causes it, never recomputed from a read.
//
// Lock order: every transaction that changes money, an award, or the status of a bid that may
// hold one writes the round row FIRST, then bids and awards. Approval, release, sign-off, returns,
// withdrawal and screening all follow it, so on PostgreSQL they queue on the round row instead of
// dead-locking on each other, and SQLite has one writer anyway.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { potPence } from "~/domain/rounds/pot";
// The SQL below names MONEY_HOLDING_AWARD_STATUSES (~/domain/awards/award-status) in full.

/** Award states that are a decision still in the making (the bid may yet be withdrawn). */
export const UNDECIDED_AWARD_STATUSES = ["proposed", "approved"] as const;

/** The first write of a money-changing interactive transaction: takes the round row's lock. */
export async function lockRoundForMoney(tx: Tx, roundId: string, now: Date) {
  await tx.round.update({ where: { id: roundId }, data: { updatedAt: now }, select: { id: true } });
}

export type CancelledAward = { awardId: string; status: "proposed" | "approved"; amountPence: number; returnedToPotPence: number };

/**
 * Inside a transaction that has locked the round (lockRoundForMoney) and just moved the bid out of
 * the running (withdrawn, ineligible): a proposed award is removed (it held no money); an approved
 * one becomes `withdrawn` and exactly its amount goes back to the pot. A released award is a
 * decision already made and is left alone (the caller's status guard keeps such bids out).
 */
export async function cancelUndecidedAward(
  tx: Tx,
  input: { bidId: string; roundId: string; actorId: string; because: string },
): Promise<CancelledAward | null> {
  const award = await tx.award.findUnique({ where: { bidId: input.bidId }, select: { id: true, status: true, amountPence: true } });
  if (!award || !(UNDECIDED_AWARD_STATUSES as readonly string[]).includes(award.status)) return null;
  const status = award.status as CancelledAward["status"];
  let returnedToPotPence = 0;
  if (status === "proposed") {
    await tx.award.delete({ where: { id: award.id, status: "proposed" } });
  } else {
    await tx.award.update({ where: { id: award.id, status: "approved", amountPence: award.amountPence }, data: { status: "withdrawn" }, select: { id: true } });
    await tx.round.update({ where: { id: input.roundId }, data: { remainingPotPence: { increment: award.amountPence } }, select: { id: true } });
    returnedToPotPence = award.amountPence;
  }
  await recordAudit(
    {
      actorId: input.actorId,
      action: "award.cancelled",
      subjectType: "bid",
      subjectId: input.bidId,
      before: { awardStatus: status, amountPence: award.amountPence },
      after: { awardStatus: status === "proposed" ? null : "withdrawn", returnedToPotPence },
      details: { because: input.because },
    },
    tx,
  );
  return { awardId: award.id, status, amountPence: award.amountPence, returnedToPotPence };
}

export type PotLedger = {
  potPence: number;
  remainingPotPence: number;
  /** What the awards hold: amount less returned money, for each award in a money-holding state. */
  heldPence: number;
  balanced: boolean;
};

/**
 * The round's pot figures read in ONE statement (one snapshot on PostgreSQL, so a concurrent
 * commit cannot fall between the two figures), and whether they balance. They always should.
 */
export async function potLedger(roundId: string): Promise<PotLedger | null> {
  const rows = await db.$queryRaw<{ base: unknown; rolled: unknown; match: unknown; remaining: unknown; held: unknown }[]>`
    SELECT r."baseAllocationPence" AS base, r."rolledForwardPence" AS rolled, r."matchFundingPence" AS match,
           r."remainingPotPence" AS remaining,
           (SELECT COALESCE(SUM(a."amountPence" - a."returnedPence"), 0) FROM "Award" a
             WHERE a."roundId" = r."id" AND a."status" IN ('approved', 'released', 'accepted', 'closed')) AS held
      FROM "Round" r WHERE r."id" = ${roundId}`;
  const row = rows[0];
  if (!row) return null;
  // SUM comes back as a bigint from PostgreSQL and a number from SQLite.
  const pot = potPence({ baseAllocationPence: Number(row.base), rolledForwardPence: Number(row.rolled), matchFundingPence: Number(row.match) });
  const remainingPotPence = Number(row.remaining);
  const heldPence = Number(row.held);
  return { potPence: pot, remainingPotPence, heldPence, balanced: heldPence + remainingPotPence === pot && remainingPotPence >= 0 };
}
