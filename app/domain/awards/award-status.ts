// The award's states (prisma/schema.prisma, model Award) and which of them hold money (ADR 0010).
// proposed -> approved -> released -> accepted -> closed; released -> declined_by_applicant | lapsed;
// approved | released -> withdrawn.

export const AWARD_STATUSES = ["proposed", "approved", "released", "accepted", "declined_by_applicant", "lapsed", "withdrawn", "closed"] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

/** States in which the award's amount, less what it has returned, has left the pot. */
export const MONEY_HOLDING_AWARD_STATUSES = ["approved", "released", "accepted", "closed"] as const satisfies readonly AwardStatus[];

/** States of a decision the applicant has been told about and has not turned down. */
export const LIVE_AWARD_STATUSES = ["released", "accepted", "closed"] as const satisfies readonly AwardStatus[];

/** States of a released award turned down or taken back: what it held has gone back to the pot. */
export const GIVEN_BACK_AWARD_STATUSES = ["declined_by_applicant", "lapsed", "withdrawn"] as const satisfies readonly AwardStatus[];

/** What one award holds of the pot. */
export function heldByAward(award: { status: string; amountPence: number; returnedPence: number }): number {
  return (MONEY_HOLDING_AWARD_STATUSES as readonly string[]).includes(award.status) ? award.amountPence - award.returnedPence : 0;
}

export const AWARD_STATUS_LABELS: Record<AwardStatus, string> = {
  proposed: "Proposed",
  approved: "Approved",
  released: "Waiting for acceptance",
  accepted: "Accepted",
  declined_by_applicant: "Declined by the applicant",
  lapsed: "Lapsed (not accepted in time)",
  withdrawn: "Withdrawn",
  closed: "Closed",
};
