// The eligibility check form. The choices depend on the round (its areas and priorities), so
// the schema is built from them, in the browser and again on the server: a tampered value is
// refused like a missing one. zod/mini (ADR 0027).
import * as z from "zod/mini";
import { moneyField } from "~/lib/money-field";
import { ELIGIBILITY_ORGANISATION_TYPES } from "./eligibility";

/** The value of the "None of these" checkbox. */
export const NONE = "none";

export const ELIGIBILITY_FIELDS = ["organisationType", "areaIds", "priorityIds", "amountRequested"] as const;

export type EligibilityFormValues = { organisationType: string; areaIds: string[]; priorityIds: string[]; amountRequested: string };

/** Checkbox values arrive as a list, one string, false (react-hook-form, none ticked) or nothing. */
const asList = (value: unknown) => (Array.isArray(value) ? value : typeof value === "string" ? [value] : []);

function choices(ids: readonly string[], messages: { missing: string; both: string }) {
  const allowed = new Set<string>([...ids, NONE]);
  return z.pipe(
    z.pipe(z.transform(asList), z.array(z.string({ error: messages.missing }), { error: messages.missing })).check(
      z.refine((list) => list.length > 0 && list.every((v) => allowed.has(v)), messages.missing),
      z.refine((list) => !(list.includes(NONE) && list.length > 1), messages.both),
    ),
    z.transform((list: string[]) => [...new Set(list.filter((v) => v !== NONE))]),
  );
}

export function eligibilitySchema(round: { areaIds: readonly string[]; priorityIds: readonly string[] }) {
  return z.object({
    organisationType: z.enum(ELIGIBILITY_ORGANISATION_TYPES, { error: "Select the type of organisation that is applying" }),
    areaIds: choices(round.areaIds, {
      missing: "Select where your project will work, or select 'None of these'",
      both: "Select where your project will work, or select 'None of these', not both",
    }),
    priorityIds: choices(round.priorityIds, {
      missing: "Select the priorities your project will address, or select 'None of these'",
      both: "Select the priorities your project will address, or select 'None of these', not both",
    }),
    amountRequested: moneyField({
      empty: "Enter the amount you are requesting, like 12500",
      format: "Enter the amount you are requesting as a number, like 12500 or 12500.50",
      tooLarge: "Amount you are requesting must be £10,000,000 or less",
      notPositive: "Amount you are requesting must be more than £0",
    }),
  });
}
