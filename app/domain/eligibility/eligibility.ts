// The eligibility rules a round applies before anyone makes an account: a voluntary
// or community sector organisation, working in an eligible area, on at least one PCC priority,
// asking for an amount within the award limits, while the round is open. Pure: every failing
// reason is listed, never just the first.
import { ORGANISATION_TYPES, organisationTypeLabel, type OrganisationType } from "~/domain/organisations/organisation-types";
import { roundPhase } from "~/domain/rounds/pot";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import type { EligibilityAnswers } from "./answers";

/** Kinds of applicant the fund does not give money to; offered so people can say so honestly. */
export const NOT_ELIGIBLE_ORGANISATION_TYPES = ["public_body", "private_company", "individual"] as const;

export const ELIGIBILITY_ORGANISATION_TYPES = [...ORGANISATION_TYPES, ...NOT_ELIGIBLE_ORGANISATION_TYPES] as const;

const NOT_ELIGIBLE_LABELS: Record<(typeof NOT_ELIGIBLE_ORGANISATION_TYPES)[number], { label: string; hint: string }> = {
  public_body: { label: "Public body", hint: "For example a council, school, NHS trust or police force" },
  private_company: { label: "Private company", hint: "A business that can pay profits to its owners" },
  individual: { label: "Individual", hint: "Applying as a person, not for an organisation" },
};

export function eligibilityOrganisationTypeLabel(type: string): string {
  if (type in NOT_ELIGIBLE_LABELS) return NOT_ELIGIBLE_LABELS[type as keyof typeof NOT_ELIGIBLE_LABELS].label;
  return organisationTypeLabel(type);
}

export function eligibilityOrganisationTypeHint(type: string): string | undefined {
  return type in NOT_ELIGIBLE_LABELS ? NOT_ELIGIBLE_LABELS[type as keyof typeof NOT_ELIGIBLE_LABELS].hint : undefined;
}

export function isVoluntaryOrCommunitySector(type: string): type is OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(type);
}

export type EligibilityRound = {
  opensAt: Date;
  closesAt: Date;
  minAwardPence: number;
  maxAwardPence: number;
  areas: readonly { id: string; name: string }[];
  priorities: readonly { id: string; title: string }[];
};

export type IneligibleReason = {
  code: "organisation_type" | "area" | "priority" | "amount_below_minimum" | "amount_above_maximum" | "round_not_open_yet" | "round_closed";
  /** Completes "You cannot apply because…" */
  message: string;
};

export type EligibilityResult = { eligible: true; reasons: [] } | { eligible: false; reasons: IneligibleReason[] };

function orList(names: readonly string[]) {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}

export function checkEligibility(
  answers: Pick<EligibilityAnswers, "organisationType" | "areaIds" | "priorityIds" | "amountRequestedPence">,
  round: EligibilityRound,
  now: Date,
): EligibilityResult {
  const reasons: IneligibleReason[] = [];
  if (!isVoluntaryOrCommunitySector(answers.organisationType)) {
    reasons.push({
      code: "organisation_type",
      message: "the fund only gives money to voluntary and community sector organisations, not to public bodies, private companies or individuals",
    });
  }
  const areaIds = new Set(round.areas.map((a) => a.id));
  if (!answers.areaIds.some((id) => areaIds.has(id))) {
    reasons.push({ code: "area", message: `your project must work in ${orList(round.areas.map((a) => a.name))}` });
  }
  const priorityIds = new Set(round.priorities.map((p) => p.id));
  if (!answers.priorityIds.some((id) => priorityIds.has(id))) {
    reasons.push({ code: "priority", message: "your project must address at least one of the Police and Crime Commissioner's priorities" });
  }
  if (answers.amountRequestedPence < round.minAwardPence) {
    reasons.push({
      code: "amount_below_minimum",
      message: `you are asking for ${formatPounds(answers.amountRequestedPence)} and the smallest award in this round is ${formatPounds(round.minAwardPence)}`,
    });
  }
  if (answers.amountRequestedPence > round.maxAwardPence) {
    reasons.push({
      code: "amount_above_maximum",
      message: `you are asking for ${formatPounds(answers.amountRequestedPence)} and the largest award in this round is ${formatPounds(round.maxAwardPence)}`,
    });
  }
  const phase = roundPhase(round, now);
  if (phase === "upcoming") {
    reasons.push({ code: "round_not_open_yet", message: `the round is not open yet: it opens on ${formatDateTime(round.opensAt)}` });
  } else if (phase === "closed") {
    reasons.push({ code: "round_closed", message: `the round closed on ${formatDateTime(round.closesAt)}` });
  }
  return reasons.length === 0 ? { eligible: true, reasons: [] } : { eligible: false, reasons };
}
