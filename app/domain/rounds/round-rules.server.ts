// A round's assessment rules, set by the fund administrator: the quality
// threshold, which decides which bids can be funded, and how many assessors each bid gets and how
// far apart their scores may be before moderation. The threshold is locked once the round opens:
// changing it then would change the rules for bids already in. The criteria and their weights are
// shown here but owned by the criteria page (criteria.server.ts, ADR 0008).
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { FORM_ERROR, type FieldErrors } from "~/lib/form-errors";
import type { FormObject } from "~/lib/form-values";
import { parseValues } from "~/lib/parse-form";
import { invalid, notFound, type Result } from "~/lib/refusal";
import { roundRulesSchema, topScaleOf } from "./round-rules.schema";
import { roundHeading, roundHeadingSelect } from "~/domain/rounds/round-title";
import { recordBidScores } from "~/domain/assessment/stored-score.server";

export async function loadRoundRules(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      ...roundHeadingSelect,
      qualityThresholdPercent: true,
      assessorsPerBid: true,
      moderationSpread: true,
      criteria: { orderBy: { position: "asc" }, select: { id: true, title: true, weightPercent: true, maxScore: true } },
    },
  });
  if (!round) return null;
  return {
    round: roundHeading(round),
    scoringLocked: now >= round.opensAt,
    values: {
      qualityThresholdPercent: String(round.qualityThresholdPercent),
      assessorsPerBid: String(round.assessorsPerBid),
      moderationSpread: String(round.moderationSpread),
    },
    criteria: round.criteria,
  };
}

/**
 * Saves the rules posted (parsed with roundRulesSchema). The threshold, once locked, is not in the
 * form and keeps its stored value; posting one that differs is refused.
 */
export async function saveRoundRules(actorId: string, roundId: string, posted: FormObject, now: Date): Promise<Result> {
  const current = await loadRoundRules(roundId, now);
  if (!current) return notFound("Round not found");
  const parsed = parseValues(posted, roundRulesSchema(topScaleOf(current.criteria)));
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.refusal.fieldErrors };
  const stored = Number(current.values.qualityThresholdPercent);
  const threshold = parsed.ok ? (parsed.data.qualityThresholdPercent ?? stored) : stored;
  const postedThreshold = posted.qualityThresholdPercent;
  if (current.scoringLocked && typeof postedThreshold === "string" && postedThreshold.trim() !== current.values.qualityThresholdPercent) {
    errors[FORM_ERROR] = "The round has opened, so the quality threshold and criteria weights cannot be changed";
  }
  if (!parsed.ok || Object.keys(errors).length > 0) {
    await recordAudit({ actorId, action: "round.rules.update", outcome: "refused", subjectType: "round", subjectId: roundId, details: { errors } });
    return invalid(errors);
  }
  const after = { qualityThresholdPercent: threshold, assessorsPerBid: parsed.data.assessorsPerBid, moderationSpread: parsed.data.moderationSpread };
  await db.$transaction(async (tx: Tx) => {
    await tx.round.update({ where: { id: roundId }, data: after });
    // The spread decides which bids wait for moderation (ADR 0028).
    if (String(after.moderationSpread) !== current.values.moderationSpread) await recordBidScores(tx, { roundId });
    await recordAudit({ actorId, action: "round.rules.updated", subjectType: "round", subjectId: roundId, before: current.values, after }, tx);
  });
  return { ok: true };
}
