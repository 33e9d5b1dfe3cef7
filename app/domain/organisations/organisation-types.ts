// The kinds of organisation that can register to bid (DESIGN.md "Objects"): the voluntary and
// community sector, and the statutory partnerships some funds are for (ADR 0025). Stored in
// Organisation.type; which of them a fund gives money to is the fund's own choice.

/** The voluntary and community sector: what a fund takes when nothing else is said. */
export const VOLUNTARY_SECTOR_TYPES = [
  "registered_charity",
  "cio",
  "cic",
  "company_limited_by_guarantee",
  "unincorporated_group",
  "social_enterprise",
] as const;

export const ORGANISATION_TYPES = [...VOLUNTARY_SECTOR_TYPES, "community_safety_partnership"] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

const LABELS: Record<OrganisationType, string> = {
  registered_charity: "Registered charity",
  cio: "Charitable incorporated organisation (CIO)",
  cic: "Community interest company (CIC)",
  company_limited_by_guarantee: "Company limited by guarantee",
  unincorporated_group: "Unincorporated community group",
  social_enterprise: "Social enterprise",
  community_safety_partnership: "Community Safety Partnership",
};

export function organisationTypeLabel(type: string): string {
  return isOrganisationType(type) ? LABELS[type] : type;
}

export function isOrganisationType(value: unknown): value is OrganisationType {
  return typeof value === "string" && (ORGANISATION_TYPES as readonly string[]).includes(value);
}

/** Types registered with the Charity Commission, so they have a charity number. */
export const NEEDS_CHARITY_NUMBER: readonly OrganisationType[] = ["registered_charity", "cio"];

/** Types registered at Companies House, so they have a company number. */
export const NEEDS_COMPANY_NUMBER: readonly OrganisationType[] = ["cic", "company_limited_by_guarantee"];
