// Score descriptors for each criterion of a round: one description per
// score from 0 to the criterion's maximum, shown to assessors beside each score. They describe how
// bids are scored, so they are locked once the round opens.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { FORM_ERROR } from "~/lib/form-errors";
import type { FormObject } from "~/lib/form-values";
import { parseValues } from "~/lib/parse-form";
import { invalid, notFound, type Result } from "~/lib/refusal";
import { descriptorField, descriptorValues, MAX_DESCRIPTOR_LENGTH, scoreDescriptorsSchema } from "./score-descriptors.schema";
import { roundHeading, roundHeadingSelect } from "~/domain/rounds/round-title";

export { descriptorField, MAX_DESCRIPTOR_LENGTH };

export async function loadScoreDescriptors(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      ...roundHeadingSelect,
      criteria: {
        orderBy: { position: "asc" },
        select: { id: true, title: true, maxScore: true, descriptors: { select: { score: true, description: true } } },
      },
    },
  });
  if (!round) return null;
  const criteria = round.criteria.map((c) => ({ id: c.id, title: c.title, maxScore: c.maxScore }));
  const values: Record<string, string> = {};
  for (const c of round.criteria) {
    for (let score = 0; score <= c.maxScore; score += 1) values[descriptorField(c.id, score)] = c.descriptors.find((d) => d.score === score)?.description ?? "";
  }
  return { round: roundHeading(round), locked: now >= round.opensAt, criteria, values };
}

/** Saves the descriptors posted (parsed with scoreDescriptorsSchema); refused once the round has opened. */
export async function saveScoreDescriptors(actorId: string, roundId: string, posted: FormObject, now: Date): Promise<Result> {
  const current = await loadScoreDescriptors(roundId, now);
  if (!current) return notFound("Round not found");
  const parsed = parseValues(posted, scoreDescriptorsSchema(current.criteria));
  const errors = current.locked
    ? { [FORM_ERROR]: "The round has opened, so the score descriptors cannot be changed" }
    : parsed.ok
      ? null
      : parsed.refusal.fieldErrors;
  if (errors || !parsed.ok) {
    await recordAudit({ actorId, action: "round.descriptors.update", outcome: "refused", subjectType: "round", subjectId: roundId, details: { errors } });
    return invalid(errors ?? {});
  }
  const values = descriptorValues(current.criteria, parsed.data);
  await db.$transaction(async (tx: Tx) => {
    for (const c of current.criteria) {
      await tx.scoreDescriptor.deleteMany({ where: { criterionId: c.id, score: { gt: c.maxScore } } });
      for (let score = 0; score <= c.maxScore; score += 1) {
        const description = values[descriptorField(c.id, score)]!;
        await tx.scoreDescriptor.upsert({
          where: { criterionId_score: { criterionId: c.id, score } },
          create: { criterionId: c.id, score, description },
          update: { description },
        });
      }
    }
    await recordAudit({ actorId, action: "round.descriptors.updated", subjectType: "round", subjectId: roundId, before: current.values, after: values }, tx);
  });
  return { ok: true };
}
