import * as z from "zod/mini";
import { parsePounds } from "~/lib/money";

// Money returned unspent, or clawed back, on one award (the administrator's awards page; zod/mini,
// ADR 0027).
export const RETURN_REASON_MAX = 1000;

export const awardReturnSchema = z.object({
  awardId: z.string().check(z.trim(), z.minLength(1, "Choose the award")),
  amount: z.string({ error: "Enter the amount returned in pounds" }).check(
    z.trim(),
    z.minLength(1, "Enter the amount returned in pounds"),
    z.refine((v) => parsePounds(v).ok, { message: "Enter the amount in pounds, like 1500 or 1500.50" }),
    z.refine((v) => {
      const parsed = parsePounds(v);
      return !parsed.ok || parsed.pence > 0;
    }, "The amount must be more than £0"),
  ),
  kind: z.enum(["returned", "clawed_back"], { error: "Select whether the money was returned or clawed back" }),
  reason: z
    .string({ error: "Enter the reason" })
    .check(z.trim(), z.minLength(1, "Enter the reason"), z.maxLength(RETURN_REASON_MAX, `Reason must be ${RETURN_REASON_MAX} characters or fewer`)),
});

export type AwardReturnInput = z.infer<typeof awardReturnSchema>;
