// The administrator's moderated score for one criterion of a bid, with the reason for it. The
// scale is the criterion's, so the schema is built from it.
import { z } from "zod";
import { scoreProblem } from "./scoring";

export const MAX_MODERATION_REASON_LENGTH = 2000;

export function moderationSchema(criterion: { title: string; maxScore: number }) {
  return z.object({
    score: z
      .string()
      .default("")
      .transform((typed) => typed.trim())
      .superRefine((typed, ctx) => {
        const problem =
          typed === "" ? `Enter the moderated score for “${criterion.title}”` : scoreProblem(/^\d{1,3}$/.test(typed) ? Number(typed) : Number.NaN, criterion);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
      .transform(Number),
    reason: z
      .string()
      .default("")
      .transform((typed) => typed.trim())
      .pipe(
        z
          .string()
          .min(1, "Enter the reason for the moderated score")
          .max(MAX_MODERATION_REASON_LENGTH, `Reason must be ${MAX_MODERATION_REASON_LENGTH} characters or fewer`),
      ),
  });
}
