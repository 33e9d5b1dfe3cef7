// Which bids have an outcome the applicant may read: decided at (or after) the round's release.
// Shared by the outcome page and the links to it, so a link never points at a page that 404s.

export const OUTCOME_STATUSES = ["awarded", "reserve", "declined", "ineligible"] as const;
export type OutcomeKind = (typeof OUTCOME_STATUSES)[number];

export function isOutcomeKind(status: string): status is OutcomeKind {
  return (OUTCOME_STATUSES as readonly string[]).includes(status);
}

/** The bid has a released decision: it was decided, in a round whose outcomes were released. */
export function hasReleasedOutcome(bid: { status: string; decidedAt: Date | string | null; round: { allocationStatus: string } }): boolean {
  return isOutcomeKind(bid.status) && bid.decidedAt !== null && bid.round.allocationStatus === "released";
}

/** The outcome page of a bid. */
export const outcomePath = (bidId: string) => `/applicant/bids/${bidId}/outcome`;

/** How an award's state reads to the applicant. */
export const APPLICANT_AWARD_STATUS: Record<string, string> = {
  released: "Waiting for you to accept",
  accepted: "Accepted",
  declined_by_applicant: "Declined by you",
  lapsed: "Lapsed: not accepted in time",
  withdrawn: "Withdrawn by the fund",
  closed: "Closed",
};

/** How a monitoring report's state reads to the applicant. */
export const APPLICANT_REPORT_STATUS: Record<string, string> = {
  due: "Not started",
  draft: "Draft",
  submitted: "Submitted",
  changes_requested: "Changes asked for",
  accepted: "Accepted",
};
