// The fund form (create and edit), one schema for the browser and the server (ADR 0025); zod/mini
// (ADR 0027).
import * as z from "zod/mini";
import { requiredText } from "~/lib/form-fields";
import { APPLICANT_TYPES, type ApplicantType } from "./applicant-types";

export const FUND_FIELDS = ["name", "code", "description", "applicantTypes"] as const;
/** Fields posted as lists (checkboxes). */
export const FUND_LISTS = ["applicantTypes"] as const;

export type FundFormValues = { name: string; code: string; description: string; applicantTypes: string[] };

export const EMPTY_FUND: FundFormValues = { name: "", code: "", description: "", applicantTypes: [] };

const asList = (value: unknown) => (Array.isArray(value) ? value : typeof value === "string" ? [value] : []);
const WHO_MAY_APPLY = "Select who may apply to the fund";

export const fundSchema = z.object({
  name: requiredText("Enter the fund's name", 100, "Fund name must be 100 characters or fewer"),
  // Part of every bid reference (CSF-2526-R1-0042), so letters and numbers only.
  code: z.pipe(
    z.pipe(
      z.string({ error: "Enter the fund's code" }).check(z.trim(), z.minLength(1, "Enter the fund's code")),
      z.transform((code: string) => code.toUpperCase()),
    ),
    z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,7}$/, "Fund code must be 2 to 8 letters or numbers, starting with a letter, like CSF")),
  ),
  description: requiredText("Enter what the fund is for", 2000, "Description must be 2,000 characters or fewer"),
  applicantTypes: z.pipe(
    z.transform(asList),
    z.pipe(
      z.array(z.string(), { error: WHO_MAY_APPLY }).check(
        z.minLength(1, WHO_MAY_APPLY),
        z.refine((list) => list.every((v) => (APPLICANT_TYPES as readonly string[]).includes(v)), WHO_MAY_APPLY),
      ),
      z.transform((list: string[]) => APPLICANT_TYPES.filter((t) => list.includes(t)) as ApplicantType[]),
    ),
  ),
});

export type FundDetails = z.output<typeof fundSchema>;

/** The fund's slug in public addresses, from its name: "Victims' Services" → "victims-services". */
export function fundSlugFor(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "fund"
  );
}
