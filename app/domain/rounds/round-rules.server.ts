// A round's assessment rules, set by the fund administrator (issue 4, "Round set-up"): the quality
// threshold, which decides which bids can be funded, and how many assessors each bid gets and how
// far apart their scores may be before moderation. The threshold is locked once the round opens:
// changing it then would change the rules for bids already in. The criteria and their weights are
// shown here but owned by the criteria page (criteria.server.ts, ADR 0008).
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import type { FieldErrors } from "~/lib/form-errors";
import { roundTitle } from "~/domain/rounds/pot";

export async function loadRoundRules(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      name: true,
      opensAt: true,
      qualityThresholdPercent: true,
      assessorsPerBid: true,
      moderationSpread: true,
      fund: { select: { name: true } },
      criteria: { orderBy: { position: "asc" }, select: { id: true, title: true, weightPercent: true, maxScore: true } },
    },
  });
  if (!round) return null;
  return {
    round: { id: round.id, name: roundTitle(round), opensAt: round.opensAt.toISOString() },
    scoringLocked: now >= round.opensAt,
    values: {
      qualityThresholdPercent: String(round.qualityThresholdPercent),
      assessorsPerBid: String(round.assessorsPerBid),
      moderationSpread: String(round.moderationSpread),
    },
    criteria: round.criteria,
  };
}

export type RoundRulesValues = NonNullable<Awaited<ReturnType<typeof loadRoundRules>>>["values"];

function wholeNumber(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,3}$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : null;
}

/**
 * Saves the rules posted. A field left out of the form (the threshold, once locked) keeps its
 * stored value. Null when there is no such round.
 */
export async function saveRoundRules(
  actorId: string,
  roundId: string,
  input: Partial<RoundRulesValues>,
  now: Date,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors; values: RoundRulesValues } | null> {
  const current = await loadRoundRules(roundId, now);
  if (!current) return null;
  const values: RoundRulesValues = {
    qualityThresholdPercent: input.qualityThresholdPercent ?? current.values.qualityThresholdPercent,
    assessorsPerBid: input.assessorsPerBid ?? "",
    moderationSpread: input.moderationSpread ?? "",
  };
  const errors: FieldErrors = {};
  const assessorsPerBid = wholeNumber(values.assessorsPerBid, 1, 10);
  if (assessorsPerBid === null) errors.assessorsPerBid = "Assessors per bid must be a whole number from 1 to 10";
  const topScale = Math.max(1, ...current.criteria.map((c) => c.maxScore));
  const moderationSpread = wholeNumber(values.moderationSpread, 0, topScale);
  if (moderationSpread === null) errors.moderationSpread = `Moderation spread must be a whole number from 0 to ${topScale}`;

  const changesScoring = values.qualityThresholdPercent.trim() !== current.values.qualityThresholdPercent;
  if (current.scoringLocked && changesScoring) {
    errors.form = "The round has opened, so the quality threshold and criteria weights cannot be changed";
  }
  const threshold = wholeNumber(values.qualityThresholdPercent, 0, 100);
  if (threshold === null) errors.qualityThresholdPercent = "Quality threshold must be a whole number from 0 to 100";
  if (Object.keys(errors).length > 0) {
    await recordAudit({ actorId, action: "round.rules.update", outcome: "refused", subjectType: "round", subjectId: roundId, details: { errors } });
    return { ok: false, errors, values };
  }
  const after = { qualityThresholdPercent: threshold!, assessorsPerBid: assessorsPerBid!, moderationSpread: moderationSpread! };
  await db.$transaction(async (tx: Tx) => {
    await tx.round.update({ where: { id: roundId }, data: { qualityThresholdPercent: after.qualityThresholdPercent, assessorsPerBid: after.assessorsPerBid, moderationSpread: after.moderationSpread } });
    await recordAudit(
      {
        actorId,
        action: "round.rules.updated",
        subjectType: "round",
        subjectId: roundId,
        before: current.values,
        after,
      },
      tx,
    );
  });
  return { ok: true };
}
