// The eligibility rules a round applies before anyone makes an account: an organisation of a
// type its fund gives money to (the fund's "who may apply", ADR 0025), working in an eligible
// area, on at least one PCC priority, asking for an amount within the award limits, while the
// round is open. Pure: every failing reason is listed, never just the first.
import {
  APPLICANT_TYPES,
  applicantTypeHint,
  applicantTypeLabel,
  describeApplicantTypes,
  VOLUNTARY_SECTOR_TYPES,
  type ApplicantType,
} from "~/domain/funds/applicant-types";
import { roundPhase } from "~/domain/rounds/pot";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import type { EligibilityAnswers } from "./answers";

/** Every answer the eligibility check accepts to "What type of organisation is applying?". */
export const ELIGIBILITY_ORGANISATION_TYPES = APPLICANT_TYPES;

export const eligibilityOrganisationTypeLabel = applicantTypeLabel;
export const eligibilityOrganisationTypeHint = applicantTypeHint;

/**
 * The question's choices for a fund: the types it gives money to first, then, after an "or",
 * the others, so that anyone can answer honestly and learn why they cannot apply.
 */
export function organisationTypeChoices(applicantTypes: readonly ApplicantType[]) {
  const eligible = APPLICANT_TYPES.filter((t) => applicantTypes.includes(t));
  const others = APPLICANT_TYPES.filter((t) => !applicantTypes.includes(t));
  return [
    ...eligible.map((type) => ({ type, dividerBefore: undefined as string | undefined })),
    ...others.map((type, index) => ({ type, dividerBefore: index === 0 && eligible.length > 0 ? "or" : undefined })),
  ];
}

function isVoluntarySectorOnly(types: readonly ApplicantType[]) {
  return types.length === VOLUNTARY_SECTOR_TYPES.length && VOLUNTARY_SECTOR_TYPES.every((t) => types.includes(t));
}

export type EligibilityRound = {
  /** The fund's "who may apply". */
  applicantTypes: readonly ApplicantType[];
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
  if (!(round.applicantTypes as readonly string[]).includes(answers.organisationType)) {
    reasons.push({
      code: "organisation_type",
      message:
        round.applicantTypes.length === 0
          ? "the fund is not taking bids from any type of organisation at the moment"
          : isVoluntarySectorOnly(round.applicantTypes)
            ? "the fund only gives money to voluntary and community sector organisations, not to public bodies, private companies or individuals"
            : `the fund only gives money to ${describeApplicantTypes(round.applicantTypes)}`,
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
