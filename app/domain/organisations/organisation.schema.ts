// The organisation profile form and the invite form: one zod schema each, used by the browser
// (react-hook-form) and parsed again on the server. zod/mini, so the pages' bundles carry only the
// checks used (ADR 0027).
import * as z from "zod/mini";
import { moneyField } from "~/lib/money-field";
import { NEEDS_CHARITY_NUMBER, NEEDS_COMPANY_NUMBER, ORGANISATION_TYPES, type OrganisationType } from "./organisation-types";

/** "dh13np", " DH1  3NP " → "DH1 3NP"; null when it is not a UK postcode. */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** Charity Commission (England and Wales) numbers are 6 to 8 digits. */
export function normaliseCharityNumber(input: string): string | null {
  const compact = input.replace(/\s+/g, "");
  return /^\d{6,8}$/.test(compact) ? compact : null;
}

/** Companies House numbers are 8 characters: 8 digits, or 2 letters and 6 digits (SC123456). */
export function normaliseCompanyNumber(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  return /^(\d{8}|[A-Z]{2}\d{6})$/.test(compact) ? compact : null;
}

/** A UK telephone number: 10 or 11 digits starting 0, or +44 / 0044 and 9 or 10 digits. */
export function isUkPhoneNumber(input: string): boolean {
  const compact = input.replace(/[\s()-]/g, "");
  return /^(?:0\d{9,10}|(?:\+44|0044)\d{9,10})$/.test(compact);
}

// Single-line fields refuse line breaks and other control characters (a tampered post could send them).
// eslint-disable-next-line no-control-regex
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;

function requiredText(missing: string, what: string, max: number) {
  return z
    .string({ error: missing })
    .check(z.trim(), z.minLength(1, missing), z.maxLength(max, `${what} must be ${max} characters or fewer`), z.regex(ONE_LINE, `${what} must be on one line`));
}

function optionalText(what: string, max: number) {
  return z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max, `${what} must be ${max} characters or fewer`), z.regex(ONE_LINE, `${what} must be on one line`))),
    z.transform((v: string | undefined) => (v ? v : null)),
  );
}

const email = (missing: string) =>
  z.pipe(
    z.pipe(
      z.string({ error: missing }).check(z.trim(), z.minLength(1, missing), z.maxLength(254, "Email address must be 254 characters or fewer")),
      z.email({ error: "Enter an email address in the correct format, like name@example.org" }),
    ),
    z.transform((v: string) => v.toLowerCase()),
  );

/** A problem found while reading a field, with the field's own message. */
const problem = (ctx: z.core.ParsePayload, message: string) => ctx.issues.push({ code: "custom", message, input: ctx.value });

const charityNumber = z.pipe(
  z.optional(z.string().check(z.maxLength(20, "Charity number must be 6 to 8 digits, like 1167432"))),
  z.transform((v: string | undefined, ctx) => {
    if (!v || v.trim() === "") return null;
    const number = normaliseCharityNumber(v);
    if (!number) {
      problem(ctx, "Charity number must be 6 to 8 digits, like 1167432");
      return z.NEVER;
    }
    return number;
  }),
);

const companyNumber = z.pipe(
  z.optional(z.string().check(z.maxLength(20, "Company number must be 8 characters, like 12345678 or SC123456"))),
  z.transform((v: string | undefined, ctx) => {
    if (!v || v.trim() === "") return null;
    const number = normaliseCompanyNumber(v);
    if (!number) {
      problem(ctx, "Company number must be 8 characters, like 12345678 or SC123456");
      return z.NEVER;
    }
    return number;
  }),
);

const postcode = z.pipe(
  z.string({ error: "Enter your organisation's postcode, like DH1 3NP" }).check(z.maxLength(20, "Enter a full UK postcode, like DH1 3NP")),
  z.transform((v: string, ctx) => {
    if (v.trim() === "") {
      problem(ctx, "Enter your organisation's postcode, like DH1 3NP");
      return z.NEVER;
    }
    const normalised = normalisePostcode(v);
    if (!normalised) {
      problem(ctx, "Enter a full UK postcode, like DH1 3NP");
      return z.NEVER;
    }
    return normalised;
  }),
);

const annualIncome = moneyField({
  empty: "Enter your organisation's annual income, like 25000",
  format: "Enter your organisation's annual income as a number, like 25000 or 25000.50",
  tooLarge: "Annual income must be £10,000,000 or less",
});

const contactPhone = z.pipe(
  z.optional(z.string().check(z.trim(), z.maxLength(30, "Enter a telephone number, like 01632 960 001 or +44 808 157 0192"))),
  z.transform((v: string | undefined, ctx) => {
    if (!v) return null;
    if (!isUkPhoneNumber(v)) {
      problem(ctx, "Enter a telephone number, like 01632 960 001 or +44 808 157 0192");
      return z.NEVER;
    }
    return v;
  }),
);

const isBlank = (value: unknown) => typeof value !== "string" || value.trim() === "";

export const organisationSchema = z
  .object({
    name: requiredText("Enter your organisation's name", "Organisation name", 160),
    type: z.enum(ORGANISATION_TYPES, { error: "Select your organisation's type" }),
    charityNumber,
    companyNumber,
    addressLine1: requiredText("Enter the first line of your organisation's address", "Address line 1", 100),
    addressLine2: optionalText("Address line 2", 100),
    town: requiredText("Enter your organisation's town or city", "Town or city", 60),
    postcode,
    annualIncome,
    contactName: requiredText("Enter the name of the main contact", "Main contact's name", 100),
    contactEmail: email("Enter the main contact's email address"),
    contactPhone,
  })
  // The numbers a type needs are checked even when other fields are wrong, so that every
  // problem shows at once (zod skips object refinements after a field error unless told).
  .check(
    z.refine((v) => !(NEEDS_CHARITY_NUMBER.includes(v?.type as OrganisationType) && isBlank(v?.charityNumber)), {
      path: ["charityNumber"],
      message: "Enter your organisation's charity number",
      when: () => true,
    }),
    z.refine((v) => !(NEEDS_COMPANY_NUMBER.includes(v?.type as OrganisationType) && isBlank(v?.companyNumber)), {
      path: ["companyNumber"],
      message: "Enter your organisation's company number",
      when: () => true,
    }),
  );

export type OrganisationInput = z.output<typeof organisationSchema>;

/** The profile fields in the order they appear on the page (the error summary follows it). */
export const ORGANISATION_FIELDS = [
  "name",
  "type",
  "charityNumber",
  "companyNumber",
  "addressLine1",
  "addressLine2",
  "town",
  "postcode",
  "annualIncome",
  "contactName",
  "contactEmail",
  "contactPhone",
] as const;

export type OrganisationFormValues = Record<(typeof ORGANISATION_FIELDS)[number], string>;

export const inviteSchema = z.object({
  email: email("Enter your colleague's email address"),
});

export type InviteInput = z.output<typeof inviteSchema>;
