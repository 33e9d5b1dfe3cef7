// The assessment rules form (round-rules.server.ts), one schema for the browser and the server.
// The highest score of the round's criteria bounds the moderation spread, so the schema is built
// from it. The quality threshold is not in the form once the round has opened. zod/mini (ADR 0027).
import * as z from "zod/mini";
import { wholeNumberField } from "~/lib/form-fields";

export const ROUND_RULES_FIELDS = ["qualityThresholdPercent", "assessorsPerBid", "moderationSpread"] as const;

export function roundRulesSchema(topScale: number) {
  return z.object({
    qualityThresholdPercent: z.optional(wholeNumberField(0, 100, "Quality threshold must be a whole number from 0 to 100")),
    assessorsPerBid: wholeNumberField(1, 10, "Assessors per bid must be a whole number from 1 to 10"),
    moderationSpread: wholeNumberField(0, topScale, `Moderation spread must be a whole number from 0 to ${topScale}`),
  });
}

/** The highest score of any criterion (at least 1): the widest a moderation spread can be. */
export function topScaleOf(criteria: readonly { maxScore: number }[]) {
  return Math.max(1, ...criteria.map((c) => c.maxScore));
}
