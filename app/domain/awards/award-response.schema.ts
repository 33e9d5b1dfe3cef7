import * as z from "zod/mini";

// The applicant's answer to an award: two forms on one page, each with its own schema (zod/mini:
// the page runs them in the browser, ADR 0027).

/** A single checkbox posted as "yes" (react-hook-form gives false when it is not ticked). */
const ticked = (message: string) => z.unknown().check(z.refine((v) => v === "yes" || (Array.isArray(v) && v.includes("yes")), { message }));

export const acceptAwardSchema = z.object({
  acceptConditions: ticked("Confirm that your organisation accepts the conditions of the award"),
  bankDetailsHeld: ticked("Confirm that the fund administrator holds your organisation's bank details"),
});

export const DECLINE_REASON_MAX = 1000;

export const declineAwardSchema = z.object({
  declineReason: z
    .string({ error: "Enter why your organisation is declining the award" })
    .check(
      z.trim(),
      z.minLength(1, "Enter why your organisation is declining the award"),
      z.maxLength(DECLINE_REASON_MAX, `Reason must be ${DECLINE_REASON_MAX} characters or fewer`),
    ),
});

export type DeclineAwardInput = z.infer<typeof declineAwardSchema>;
