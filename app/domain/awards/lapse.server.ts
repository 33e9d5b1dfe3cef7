// Released awards not answered by their accept-by date lapse (DESIGN.md "After the decision"):
// the award becomes `lapsed`, what it held goes back to the pot (ADR 0010: round row first, the
// award matched on id, status, deadline and money); the organisation and the fund administrators are told, with the same
// email key an answer would have used, so an award is answered or lapses exactly once. Safe to run
// on any number of workers at once: the second to reach an award matches nothing.
import { lockRoundForMoney } from "~/domain/allocation/pot-ledger.server";
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db, type Tx } from "~/lib/db.server";
import { startCountingJob, type JobOptions } from "~/lib/repeat.server";
import { awardForResponseSelect, moneyBackNotices, renderResponseEmail } from "./response.server";

/** Lapses every released award whose deadline has passed at `now`; returns how many lapsed. */
export async function lapseOverdueAwards(now: Date = new Date()): Promise<number> {
  const overdue = await db.award.findMany({
    where: { status: "released", acceptBy: { lte: now } },
    select: awardForResponseSelect,
    orderBy: { acceptBy: "asc" },
  });
  let lapsed = 0;
  for (const award of overdue) {
    const held = award.amountPence - award.returnedPence;
    const rendered = await renderResponseEmail(award, "lapsed");
    const notices = await moneyBackNotices(award, "lapsed");
    const done = await db.$transaction(async (tx: Tx) => {
      await lockRoundForMoney(tx, award.roundId, now);
      const updated = await tx.award.updateMany({
        where: { id: award.id, status: "released", acceptBy: { lte: now }, amountPence: award.amountPence, returnedPence: award.returnedPence },
        data: { status: "lapsed" },
      });
      // Answered, lapsed by another worker, or changed meanwhile: nothing to do.
      if (updated.count !== 1) return false;
      await tx.round.update({ where: { id: award.roundId }, data: { remainingPotPence: { increment: held } }, select: { id: true } });
      await recordAudit(
        {
          actorId: null,
          action: "award.lapsed",
          subjectType: "bid",
          subjectId: award.bid.id,
          before: { awardStatus: "released", amountPence: award.amountPence, returnedPence: award.returnedPence, acceptBy: award.acceptBy },
          after: { awardStatus: "lapsed", returnedToPotPence: held },
        },
        tx,
      );
      await queueEmail(tx, { idempotencyKey: emailKeys.awardResponse(award.id), to: award.bid.organisation.contactEmail, rendered });
      for (const notice of notices) await queueEmail(tx, notice);
      return true;
    });
    if (done) lapsed += 1;
  }
  return lapsed;
}

/** Runs lapseOverdueAwards now and then every minute until stopped. */
export function startAwardLapses(options: JobOptions = {}) {
  return startCountingJob("award lapses", "lapsed", lapseOverdueAwards, options);
}
