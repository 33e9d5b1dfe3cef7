// Score descriptors for each criterion of a round (issue 4, "Round set-up"): one description per
// score from 0 to the criterion's maximum, shown to assessors beside each score. They describe how
// bids are scored, so they are locked once the round opens.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import type { FieldErrors } from "~/lib/form-errors";
import { roundTitle } from "~/domain/rounds/pot";

export const MAX_DESCRIPTOR_LENGTH = 300;

export function descriptorField(criterionId: string, score: number) {
  return `descriptors.${criterionId}.${score}`;
}

export async function loadScoreDescriptors(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true,
      name: true,
      opensAt: true,
      fund: { select: { name: true } },
      criteria: { orderBy: { position: "asc" }, select: { id: true, title: true, maxScore: true, descriptors: { select: { score: true, description: true } } } },
    },
  });
  if (!round) return null;
  const criteria = round.criteria.map((c) => ({ id: c.id, title: c.title, maxScore: c.maxScore }));
  const values: Record<string, string> = {};
  for (const c of round.criteria) {
    for (let score = 0; score <= c.maxScore; score += 1) values[descriptorField(c.id, score)] = c.descriptors.find((d) => d.score === score)?.description ?? "";
  }
  return { round: { id: round.id, name: roundTitle(round), opensAt: round.opensAt.toISOString() }, locked: now >= round.opensAt, criteria, values };
}

export async function saveScoreDescriptors(
  actorId: string,
  roundId: string,
  posted: Record<string, string | undefined>,
  now: Date,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors; values: Record<string, string> }> {
  const current = await loadScoreDescriptors(roundId, now);
  if (!current) return { ok: false, errors: { form: "Round not found" }, values: {} };
  const values = Object.fromEntries(Object.keys(current.values).map((k) => [k, (posted[k] ?? "").trim()]));
  const errors: FieldErrors = {};
  if (current.locked) {
    errors.form = "The round has opened, so the score descriptors cannot be changed";
  } else {
    for (const c of current.criteria) {
      for (let score = 0; score <= c.maxScore; score += 1) {
        const key = descriptorField(c.id, score);
        if (!values[key]) errors[key] = `Enter what a score of ${score} means for “${c.title}”`;
        else if (values[key].length > MAX_DESCRIPTOR_LENGTH) errors[key] = `The description of a score of ${score} for “${c.title}” must be ${MAX_DESCRIPTOR_LENGTH} characters or fewer`;
      }
    }
  }
  if (Object.keys(errors).length > 0) {
    await recordAudit({ actorId, action: "round.descriptors.update", outcome: "refused", subjectType: "round", subjectId: roundId, details: { errors } });
    return { ok: false, errors, values: current.locked ? current.values : values };
  }
  await db.$transaction(async (tx: Tx) => {
    for (const c of current.criteria) {
      await tx.scoreDescriptor.deleteMany({ where: { criterionId: c.id, score: { gt: c.maxScore } } });
      for (let score = 0; score <= c.maxScore; score += 1) {
        const description = values[descriptorField(c.id, score)]!;
        await tx.scoreDescriptor.upsert({ where: { criterionId_score: { criterionId: c.id, score } }, create: { criterionId: c.id, score, description }, update: { description } });
      }
    }
    await recordAudit({ actorId, action: "round.descriptors.updated", subjectType: "round", subjectId: roundId, before: current.values, after: values }, tx);
  });
  return { ok: true };
}
