// The 360Giving data package for a released round (ADR 0015): what is published, the identifiers,
// and the checks of our own that the official schema does not make. Pure: the queries are in
// public-awards.server.ts and the schema validation in validate-package.ts.
import { formatPounds } from "~/lib/money";

/** Who publishes, and where the site lives (app/lib/env.server.ts). */
export type PublishingConfig = {
  /** The publisher's 360Giving prefix, e.g. 360G-example; every grant id starts with it. */
  prefix: string;
  funderId: string;
  funderName: string;
  siteUrl: string;
};

export type PublishableRound = {
  slug: string;
  name: string;
  code: string;
  fund: { name: string; code: string };
  outcomesReleasedAt: Date;
};

export type PublishableAward = {
  id: string;
  status: string;
  amountPence: number;
  returnedPence: number;
  offeredFromReserve: boolean;
  approvedAt: Date | null;
  updatedAt: Date;
  bid: {
    reference: string | null;
    status: string;
    title: string;
    summary: string;
    amountRequestedPence: number | null;
    projectStartDate: Date | null;
    projectEndDate: Date | null;
    areas: string[];
    priorities: string[];
  };
  organisation: { id: string; name: string; charityNumber: string | null; companyNumber: string | null; postcode: string };
};

/** Awards made and standing. */
const STANDING = ["released", "accepted", "closed"];

/**
 * Whether an award is a grant the fund made, and so is public. A declined or lapsed offer was
 * never taken up, and an award withdrawn while its bid left the running (withdrawn by the
 * applicant, screened out) was never announced: neither is published. An award the fund withdrew
 * after release (its bid stays "awarded") was announced, so it stays public, marked withdrawn.
 */
export function isPublishedAward(award: { status: string; bid: { status: string } }): boolean {
  return STANDING.includes(award.status) || (award.status === "withdrawn" && award.bid.status === "awarded");
}

export type PublicAwardStatus =
  { kind: "awarded" } | { kind: "withdrawn" } | { kind: "part_returned"; returnedPence: number } | { kind: "returned"; returnedPence: number };

export function publicAwardStatus(award: { status: string; amountPence: number; returnedPence: number }): PublicAwardStatus {
  if (award.status === "withdrawn") return { kind: "withdrawn" };
  if (award.returnedPence > 0 && award.returnedPence >= award.amountPence) return { kind: "returned", returnedPence: award.returnedPence };
  if (award.returnedPence > 0) return { kind: "part_returned", returnedPence: award.returnedPence };
  return { kind: "awarded" };
}

export function publicAwardStatusLabel(status: PublicAwardStatus): string {
  switch (status.kind) {
    case "awarded":
      return "Awarded";
    case "withdrawn":
      return "Withdrawn";
    case "part_returned":
      return `Part returned: ${formatPounds(status.returnedPence)}`;
    case "returned":
      return `Returned in full: ${formatPounds(status.returnedPence)}`;
  }
}

/** What a standing award still gives the organisation (a withdrawn one gives nothing). */
export function standingPence(award: { status: string; amountPence: number; returnedPence: number }): number {
  return STANDING.includes(award.status) ? award.amountPence - award.returnedPence : 0;
}

/** A publisher prefix as 360Giving issues them: "360G-" and then letters, digits or dashes. */
export const PREFIX_PATTERN = /^360G-[A-Za-z0-9-]+$/;
/** What a grant or local organisation identifier may contain: no spaces, slashes or other punctuation. */
const IDENTIFIER_PATTERN = /^[A-Za-z0-9._-]+$/;

/** The grant's identifier: the publisher prefix, the round's code and the bid's reference. */
export function grantIdentifier(prefix: string, roundCode: string, reference: string): string {
  return `${prefix}-${roundCode}-${reference}`;
}

const compact = (value: string) => value.replace(/\s+/g, "").toUpperCase();

/**
 * The recipient's organisation identifier (org-id.guide lists): the charity number first
 * (GB-CHC for England and Wales, GB-SC for Scottish "SC" numbers, GB-NIC for Northern Irish ones
 * entered with their "NIC" prefix), then the Companies House number (GB-COH, eight characters),
 * otherwise a local identifier under the publisher's own prefix.
 */
export function recipientIdentifier(prefix: string, organisation: { id: string; charityNumber: string | null; companyNumber: string | null }): string {
  const charity = compact(organisation.charityNumber ?? "");
  const scottish = /^SC(\d{6})$/.exec(charity);
  if (scottish) return `GB-SC-SC${scottish[1]}`;
  const northernIrish = /^NIC(\d{5,6})$/.exec(charity);
  if (northernIrish) return `GB-NIC-${northernIrish[1]}`;
  if (/^\d{6,8}(-\d{1,2})?$/.test(charity)) return `GB-CHC-${charity}`;
  const company = compact(organisation.companyNumber ?? "");
  if (/^\d{1,8}$/.test(company)) return `GB-COH-${company.padStart(8, "0")}`;
  if (/^[A-Z]{2}\d{6}$/.test(company)) return `GB-COH-${company}`;
  return `${prefix}-ORG-${organisation.id}`;
}

/** A date as YYYY-MM-DD on the UK calendar. */
export function londonDate(value: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(value);
}

const pounds = (pence: number) => pence / 100;

/** When the decision to award was made: release, or the later offer to a reserve bid. */
export function awardDecisionDate(round: PublishableRound, award: PublishableAward): Date {
  return award.offeredFromReserve && award.approvedAt ? award.approvedAt : round.outcomesReleasedAt;
}

function grantDescription(award: PublishableAward): string {
  const parts = [award.bid.summary.trim() || award.bid.title.trim()];
  if (award.bid.priorities.length > 0) parts.push(`Police and Crime Commissioner priorities: ${award.bid.priorities.join("; ")}.`);
  const status = publicAwardStatus(award);
  if (status.kind === "withdrawn") parts.push("The fund withdrew this award after it was announced.");
  if (status.kind === "part_returned" || status.kind === "returned")
    parts.push(`${formatPounds(status.returnedPence)} of this award was returned to the fund.`);
  return parts.join(" ");
}

export type Grant = Record<string, unknown> & { id: string; title: string; description: string; amountAwarded: number };
export type GrantPackage = Record<string, unknown> & { grants: Grant[] };

export function buildGrant(config: PublishingConfig, round: PublishableRound, award: PublishableAward): Grant {
  const organisation = award.organisation;
  const registered = Boolean(organisation.charityNumber?.trim() || organisation.companyNumber?.trim());
  const grant: Grant = {
    id: grantIdentifier(config.prefix, round.code, award.bid.reference ?? award.id),
    title: award.bid.title,
    description: grantDescription(award),
    currency: "GBP",
    amountAwarded: pounds(award.amountPence),
    awardDate: londonDate(awardDecisionDate(round, award)),
    fromOpenCall: "Yes",
    recipientOrganization: [
      {
        id: recipientIdentifier(config.prefix, organisation),
        name: organisation.name,
        ...(organisation.charityNumber?.trim() ? { charityNumber: compact(organisation.charityNumber) } : {}),
        ...(organisation.companyNumber?.trim() ? { companyNumber: compact(organisation.companyNumber) } : {}),
        // A registered office is on the public register; an unregistered group's address may be someone's home.
        ...(registered && organisation.postcode.trim() ? { postalCode: organisation.postcode.trim().toUpperCase() } : {}),
      },
    ],
    fundingOrganization: [{ id: config.funderId, name: config.funderName }],
    grantProgramme: [{ code: `${round.fund.code}-${round.code}`, title: `${round.fund.name}: ${round.name}`, url: `${config.siteUrl}/rounds/${round.slug}` }],
    dateModified: award.updatedAt.toISOString(),
  };
  if (award.bid.amountRequestedPence !== null) grant.amountAppliedFor = pounds(award.bid.amountRequestedPence);
  if (award.bid.projectStartDate || award.bid.projectEndDate) {
    grant.plannedDates = [
      {
        ...(award.bid.projectStartDate ? { startDate: londonDate(award.bid.projectStartDate) } : {}),
        ...(award.bid.projectEndDate ? { endDate: londonDate(award.bid.projectEndDate) } : {}),
      },
    ];
  }
  if (award.bid.areas.length > 0) grant.beneficiaryLocation = award.bid.areas.map((name) => ({ name, countryCode: "GB" }));
  return grant;
}

/** The round's package: every published award, oldest reference first, with the package's metadata. */
export function buildPackage(config: PublishingConfig, round: PublishableRound, awards: PublishableAward[]): GrantPackage {
  const published = awards.filter(isPublishedAward).sort((a, b) => (a.bid.reference ?? a.id).localeCompare(b.bid.reference ?? b.id));
  const modified = published.reduce((latest, a) => (a.updatedAt > latest ? a.updatedAt : latest), round.outcomesReleasedAt);
  const pageUrl = `${config.siteUrl}/awards/${round.slug}`;
  return {
    version: "1.4",
    title: `${round.fund.name}: ${round.name}, grants awarded`,
    description: `Grants awarded by ${config.funderName} from the ${round.fund.name}, ${round.name}.`,
    identifier: `${config.prefix}-${round.fund.code}-${round.code}`,
    issued: londonDate(round.outcomesReleasedAt),
    modified: modified.toISOString(),
    publisher: { identifier: config.funderId, name: config.funderName },
    // 360Giving asks for an open licence; this is the one it recommends.
    license: "https://creativecommons.org/licenses/by/4.0/",
    accessURL: pageUrl,
    downloadURL: `${pageUrl}/360giving.json`,
    grants: published.map((award) => buildGrant(config, round, award)),
  };
}

/**
 * What the official schema does not check but 360Giving asks of a publisher: the prefix, ids made
 * of safe characters and unique, names and titles that say something, amounts above nothing.
 */
export function publisherProblems(config: PublishingConfig, pkg: GrantPackage): string[] {
  const problems: string[] = [];
  if (!PREFIX_PATTERN.test(config.prefix))
    problems.push(`The publisher prefix "${config.prefix}" must start with "360G-" followed by letters, digits or dashes.`);
  if (!config.funderId.trim() || !IDENTIFIER_PATTERN.test(config.funderId))
    problems.push(`The funding organisation identifier "${config.funderId}" is missing or has spaces or punctuation.`);
  if (!config.funderName.trim()) problems.push("The funding organisation has no name.");
  if (pkg.grants.length === 0) problems.push("There are no awards to publish.");
  const seen = new Set<string>();
  for (const grant of pkg.grants) {
    const label = `Grant ${grant.id}`;
    if (!grant.id.startsWith(`${config.prefix}-`) || !IDENTIFIER_PATTERN.test(grant.id))
      problems.push(`${label}: the identifier must start with "${config.prefix}-" and use only letters, digits, dots, dashes and underscores.`);
    if (seen.has(grant.id)) problems.push(`${label}: the identifier is used twice.`);
    seen.add(grant.id);
    if (!grant.title.trim()) problems.push(`${label}: the title is empty.`);
    if (!grant.description.trim()) problems.push(`${label}: the description is empty.`);
    if (!(grant.amountAwarded > 0)) problems.push(`${label}: the amount awarded must be more than £0.`);
    for (const org of (grant.recipientOrganization as { id: string; name: string }[] | undefined) ?? []) {
      if (!org.name.trim()) problems.push(`${label}: the recipient organisation (${org.id}) has no name.`);
      if (!IDENTIFIER_PATTERN.test(org.id)) problems.push(`${label}: the recipient organisation identifier "${org.id}" has spaces or punctuation.`);
    }
  }
  return problems;
}
