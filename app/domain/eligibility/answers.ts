// What a person answered in a round's eligibility check. The answers carry into the bid they
// then start (Bid.eligibilityAnswers holds them as JSON).
import * as z from "zod/mini";

export const eligibilityAnswersSchema = z.object({
  roundSlug: z.string(),
  organisationType: z.string(),
  areaIds: z.array(z.string()),
  priorityIds: z.array(z.string()),
  amountRequestedPence: z.number().check(z.int(), z.nonnegative()),
});

export type EligibilityAnswers = z.infer<typeof eligibilityAnswersSchema>;
