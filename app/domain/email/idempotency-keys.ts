// One idempotency key per email that should exist once (OutboxEmail.idempotencyKey is unique):
// repeating the action that causes an email finds the key taken and queues nothing.

export const emailKeys = {
  /** The applicant's receipt; a bid is submitted once (its reference is assigned then). */
  submissionReceipt: (bidId: string) => `receipt:${bidId}`,
  /** One per assessor per bid; a removed and re-made assignment gets a new assignment id. */
  assessorAssignment: (assignmentId: string) => `assessor-assignment:${assignmentId}`,
  /** The assignment's removal: an assignment is removed at most once. */
  assessorRemoval: (assignmentId: string) => `assessor-removal:${assignmentId}`,
  /** Award, reserve and decline share one key: each released decision version is emailed once. */
  outcome: (bidId: string, decisionVersion: number) => `outcome:${bidId}:${decisionVersion}`,
  organisationInvitation: (invitationId: string) => `invitation:${invitationId}`,
  passwordReset: (resetTokenId: string) => `password-reset:${resetTokenId}`,
  /** Each request to register sends its own email (a link, or word that the account exists). */
  registration: (requestId: string) => `registration:${requestId}`,
  /** e.g. daysBefore 7 and 1: one reminder of each kind per person per round. */
  deadlineReminder: (roundId: string, userId: string, daysBefore: number) => `deadline-reminder:${roundId}:${userId}:${daysBefore}`,
  /** The administrator's nth reminder to accept an award (Award.acceptanceReminders counts them). */
  acceptanceReminder: (awardId: string, reminderNumber: number) => `acceptance-reminder:${awardId}:${reminderNumber}`,
  /** The applicant's answer to an award (accepted or declined), or its lapse: an award is answered once. */
  awardResponse: (awardId: string) => `award-response:${awardId}`,
  /** An award declined or lapsed, to one fund administrator: an award is answered or lapses once. */
  awardMoneyBack: (awardId: string, userId: string) => `award-money-back:${awardId}:${userId}`,
  /** Money returned or clawed back: one email per recorded return. */
  awardReturn: (returnId: string) => `award-return:${returnId}`,
  /** A monitoring report's reminders: e.g. "before-14", "overdue-1"; each sent once. */
  reportReminder: (reportId: string, kind: string) => `report-reminder:${reportId}:${kind}`,
  /** A report submitted (or submitted again after changes), to one fund administrator: once per submission. */
  reportSubmitted: (reportId: string, submittedAt: Date, userId: string) => `report-submitted:${reportId}:${submittedAt.getTime()}:${userId}`,
  /** The administrator's review of a report (accepted or changes asked for), once per review. */
  reportReview: (reportId: string, reviewedAt: Date) => `report-review:${reportId}:${reviewedAt.getTime()}`,
  /** One per password change (its time tells changes apart). */
  passwordChanged: (userId: string, changedAt: Date) => `password-changed:${userId}:${changedAt.getTime()}`,
  /** Two-stage rounds (ADR 0026): an expression of interest is submitted once, and invited or told "not invited" once. */
  eoiReceipt: (eoiId: string) => `eoi-receipt:${eoiId}`,
  eoiInvitation: (eoiId: string) => `eoi-invitation:${eoiId}`,
  eoiNotInvited: (eoiId: string) => `eoi-not-invited:${eoiId}`,
  /** One per admin change to an account: "disabled", "enabled" or "role", at the time of the change. */
  accountChange: (userId: string, kind: string, at: Date) => `account-change:${userId}:${kind}:${at.getTime()}`,
};
