// Who may apply to a fund (ADR 0025). Each fund stores the applicant types it gives money to
// (Fund.applicantTypes, a JSON list); the eligibility check asks every visitor what they are and
// refuses any type the fund does not list. Pure.
import { ORGANISATION_TYPES, organisationTypeLabel, VOLUNTARY_SECTOR_TYPES } from "~/domain/organisations/organisation-types";

/** Kinds of applicant no fund in the portal can register an organisation for; offered so people can say so honestly. */
export const OTHER_APPLICANT_TYPES = ["public_body", "private_company", "individual"] as const;

/** Every answer to "What type of organisation is applying?", in the order the question lists them. */
export const APPLICANT_TYPES = [...ORGANISATION_TYPES, ...OTHER_APPLICANT_TYPES] as const;

export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export { VOLUNTARY_SECTOR_TYPES };

const OTHER_LABELS: Record<(typeof OTHER_APPLICANT_TYPES)[number], { label: string; hint: string }> = {
  public_body: { label: "Other public body", hint: "For example a council, school, NHS trust or police force" },
  private_company: { label: "Private company", hint: "A business that can pay profits to its owners" },
  individual: { label: "Individual", hint: "Applying as a person, not for an organisation" },
};

const HINTS: Partial<Record<ApplicantType, string>> = {
  community_safety_partnership: "The statutory partnership of the council, police, fire, probation and health services for an area",
};

export function isApplicantType(value: unknown): value is ApplicantType {
  return typeof value === "string" && (APPLICANT_TYPES as readonly string[]).includes(value);
}

export function applicantTypeLabel(type: string): string {
  if (type in OTHER_LABELS) return OTHER_LABELS[type as keyof typeof OTHER_LABELS].label;
  return organisationTypeLabel(type);
}

export function applicantTypeHint(type: string): string | undefined {
  if (type in OTHER_LABELS) return OTHER_LABELS[type as keyof typeof OTHER_LABELS].hint;
  return HINTS[type as ApplicantType];
}

/** Fund.applicantTypes as stored; anything unreadable or unknown is left out, never let in. */
export function parseApplicantTypes(json: string | null | undefined): ApplicantType[] {
  let value: unknown;
  try {
    value = JSON.parse(json ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  // Kept in the question's order, once each.
  return APPLICANT_TYPES.filter((type) => value.includes(type));
}

export function serialiseApplicantTypes(types: readonly ApplicantType[]): string {
  return JSON.stringify(APPLICANT_TYPES.filter((type) => types.includes(type)));
}

const PLURALS: Record<ApplicantType, string> = {
  registered_charity: "registered charities",
  cio: "charitable incorporated organisations (CIOs)",
  cic: "community interest companies (CICs)",
  company_limited_by_guarantee: "companies limited by guarantee",
  unincorporated_group: "unincorporated community groups",
  social_enterprise: "social enterprises",
  community_safety_partnership: "Community Safety Partnerships",
  public_body: "public bodies",
  private_company: "private companies",
  individual: "individuals",
};

/** "registered charities or Community Safety Partnerships": who may apply, inside a sentence. */
export function describeApplicantTypes(types: readonly ApplicantType[]): string {
  const names = types.map((t) => PLURALS[t]);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
