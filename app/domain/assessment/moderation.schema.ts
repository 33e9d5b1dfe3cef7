// The administrator's moderated score for one criterion of a bid, with the reason for it. The
// scale is the criterion's, so the schema is built from it. zod/mini (ADR 0027).
import * as z from "zod/mini";
import { scoreProblem } from "./scoring";

export const MAX_MODERATION_REASON_LENGTH = 2000;

export function moderationSchema(criterion: { title: string; maxScore: number }) {
  return z.object({
    score: z.pipe(
      z
        .pipe(
          z._default(z.string(), ""),
          z.transform((typed: string) => typed.trim()),
        )
        .check(
          z.superRefine((typed, ctx) => {
            const problem =
              typed === ""
                ? `Enter the moderated score for “${criterion.title}”`
                : scoreProblem(/^\d{1,3}$/.test(typed) ? Number(typed) : Number.NaN, criterion);
            if (problem) ctx.addIssue({ code: "custom", message: problem });
          }),
        ),
      z.transform(Number),
    ),
    reason: z.pipe(
      z.pipe(
        z._default(z.string(), ""),
        z.transform((typed: string) => typed.trim()),
      ),
      z
        .string()
        .check(
          z.minLength(1, "Enter the reason for the moderated score"),
          z.maxLength(MAX_MODERATION_REASON_LENGTH, `Reason must be ${MAX_MODERATION_REASON_LENGTH} characters or fewer`),
        ),
    ),
  });
}
