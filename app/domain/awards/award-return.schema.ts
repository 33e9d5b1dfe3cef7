import { z } from "zod";
import { parsePounds } from "~/lib/money";

// Money returned unspent, or clawed back, on one award (the administrator's awards page).
export const RETURN_REASON_MAX = 1000;

export const awardReturnSchema = z.object({
  awardId: z.string().trim().min(1, "Choose the award"),
  amount: z
    .string({ error: "Enter the amount returned in pounds" })
    .trim()
    .min(1, "Enter the amount returned in pounds")
    .refine((v) => parsePounds(v).ok, { message: "Enter the amount in pounds, like 1500 or 1500.50" })
    .refine((v) => {
      const parsed = parsePounds(v);
      return !parsed.ok || parsed.pence > 0;
    }, "The amount must be more than £0"),
  kind: z.enum(["returned", "clawed_back"], { error: "Select whether the money was returned or clawed back" }),
  reason: z
    .string({ error: "Enter the reason" })
    .trim()
    .min(1, "Enter the reason")
    .max(RETURN_REASON_MAX, `Reason must be ${RETURN_REASON_MAX} characters or fewer`),
});

export type AwardReturnInput = z.infer<typeof awardReturnSchema>;
