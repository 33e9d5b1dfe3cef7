import { z } from "zod";

// Eligibility screening of one submitted bid.
export const screeningSchema = z
  .object({
    decision: z.enum(["eligible", "ineligible"], { error: "Select whether the bid is eligible" }),
    reasonId: z.string().trim().optional(),
    note: z.string().trim().max(1000, "Note must be 1000 characters or fewer").optional(),
  })
  .refine((v) => v.decision === "eligible" || (v.reasonId ?? "") !== "", { path: ["reasonId"], message: "Select the reason the bid is not eligible" });

export type ScreeningInput = z.infer<typeof screeningSchema>;
