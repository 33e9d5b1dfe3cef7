// How a bid's status reads to an applicant.
export const BID_STATUS_LABEL: Record<string, string> = {
  draft: "Draft",
  submitted: "Submitted",
  ineligible: "Not eligible",
  in_assessment: "Being assessed",
  awarded: "Awarded",
  reserve: "Reserve",
  declined: "Not funded",
  withdrawn: "Withdrawn",
};

const TAG_CLASS: Record<string, string> = {
  draft: "govuk-tag--grey",
  submitted: "govuk-tag--blue",
  ineligible: "govuk-tag--red",
  in_assessment: "govuk-tag--light-blue",
  awarded: "govuk-tag--green",
  reserve: "govuk-tag--yellow",
  declined: "govuk-tag--red",
  withdrawn: "govuk-tag--grey",
};

export function bidStatusLabel(status: string): string {
  return BID_STATUS_LABEL[status] ?? status;
}

export function bidStatusTagClass(status: string): string {
  return `govuk-tag ${TAG_CLASS[status] ?? ""}`.trim();
}
