import * as z from "zod/mini";

// Eligibility screening of one submitted bid. zod/mini: the page runs it in the browser (ADR 0027).
export const screeningSchema = z
  .object({
    decision: z.enum(["eligible", "ineligible"], { error: "Select whether the bid is eligible" }),
    reasonId: z.optional(z.string().check(z.trim())),
    note: z.optional(z.string().check(z.trim(), z.maxLength(1000, "Note must be 1000 characters or fewer"))),
  })
  .check(z.refine((v) => v.decision === "eligible" || (v.reasonId ?? "") !== "", { path: ["reasonId"], message: "Select the reason the bid is not eligible" }));

export type ScreeningInput = z.infer<typeof screeningSchema>;
