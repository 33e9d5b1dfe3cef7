// The score descriptors form: for each criterion, what every score from 0 to its highest means.
// The fields follow the round's criteria, so the schema is built from them, in the browser and on
// the server. A descriptor's field is descriptors.<criterion id>.<score>. zod/mini (ADR 0027).
import * as z from "zod/mini";

export const MAX_DESCRIPTOR_LENGTH = 300;

export type CriterionScale = { id: string; title: string; maxScore: number };

export function descriptorField(criterionId: string, score: number) {
  return `descriptors.${criterionId}.${score}`;
}

const scores = (c: CriterionScale) => Array.from({ length: c.maxScore + 1 }, (_, score) => score);

/** A criterion's descriptors as posted (a list by score), one text per score, missing ones empty. */
const byScore = (c: CriterionScale) => (posted: unknown) =>
  scores(c).map((score) => (Array.isArray(posted) && typeof posted[score] === "string" ? posted[score] : ""));

function descriptor(c: CriterionScale, score: number) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `Enter what a score of ${score} means for “${c.title}”`),
      z.maxLength(MAX_DESCRIPTOR_LENGTH, `The description of a score of ${score} for “${c.title}” must be ${MAX_DESCRIPTOR_LENGTH} characters or fewer`),
    );
}

export function scoreDescriptorsSchema(criteria: readonly CriterionScale[]) {
  const shape = Object.fromEntries(
    criteria.map((c) => [c.id, z.pipe(z.transform(byScore(c)), z.tuple(scores(c).map((score) => descriptor(c, score)) as [z.ZodMiniString<string>]))]),
  );
  return z.object({
    descriptors: z.pipe(
      z.transform((v: unknown) => (typeof v === "object" && v !== null && !Array.isArray(v) ? v : {})),
      z.object(shape),
    ),
  });
}

/** What was typed, keyed by field name, to show again. */
export function descriptorValues(criteria: readonly CriterionScale[], posted: { descriptors?: unknown }): Record<string, string> {
  const all = typeof posted.descriptors === "object" && posted.descriptors !== null ? (posted.descriptors as Record<string, unknown>) : {};
  return Object.fromEntries(criteria.flatMap((c) => byScore(c)(all[c.id]).map((text, score) => [descriptorField(c.id, score), text])));
}
