// Every email the portal sends: its name (OutboxEmail.template), a title for people, how to
// render it, and sample props for the admin preview page.
import { acceptanceReminderSample, renderAcceptanceReminder } from "./acceptance-reminder";
import { accountChangeSample, renderAccountChange } from "./account-change";
import { assessorAssignmentSample, renderAssessorAssignment } from "./assessor-assignment";
import { assessorRemovalSample, renderAssessorRemoval } from "./assessor-removal";
import { awardResponseSample, renderAwardResponse } from "./award-response";
import { awardMoneyBackSample, renderAwardMoneyBack } from "./award-money-back";
import { awardReturnSample, renderAwardReturn } from "./award-return";
import { deadlineReminderSample, renderDeadlineReminder } from "./deadline-reminder";
import {
  eoiInvitationSample,
  eoiNotInvitedSample,
  eoiReceiptSample,
  renderEoiInvitation,
  renderEoiNotInvited,
  renderEoiReceipt,
} from "./expression-of-interest";
import { organisationInvitationSample, renderOrganisationInvitation } from "./organisation-invitation";
import { outcomeAwardSample, renderOutcomeAward } from "./outcome-award";
import { outcomeDeclineSample, renderOutcomeDecline } from "./outcome-decline";
import { outcomeIneligibleSample, renderOutcomeIneligible } from "./outcome-ineligible";
import { outcomeReserveSample, renderOutcomeReserve } from "./outcome-reserve";
import { passwordChangedSample, renderPasswordChanged } from "./password-changed";
import { passwordResetSample, renderPasswordReset } from "./password-reset";
import { registrationAccountExistsSample, renderRegistrationAccountExists } from "./registration-account-exists";
import { registrationLinkSample, renderRegistrationLink } from "./registration-link";
import type { RenderedEmail } from "./render";
import { renderReportReminder, reportReminderSample } from "./report-reminder";
import { renderReportReview, reportReviewSample } from "./report-review";
import { renderReportSubmitted, reportSubmittedSample } from "./report-submitted";
import { renderSubmissionReceipt, submissionReceiptSample } from "./submission-receipt";

export type { RenderedEmail };
export * from "./acceptance-reminder";
export * from "./account-change";
export * from "./assessor-assignment";
export * from "./assessor-removal";
export * from "./award-response";
export * from "./award-money-back";
export * from "./award-return";
export * from "./deadline-reminder";
export * from "./expression-of-interest";
export * from "./organisation-invitation";
export * from "./outcome-award";
export * from "./outcome-decline";
export * from "./outcome-ineligible";
export * from "./outcome-reserve";
export * from "./password-changed";
export * from "./password-reset";
export * from "./registration-account-exists";
export * from "./registration-link";
export * from "./report-reminder";
export * from "./report-review";
export * from "./report-submitted";
export * from "./submission-receipt";

type EmailTemplate = { title: string; sentWhen: string; renderSample: () => Promise<RenderedEmail> };

function template<P>(title: string, sentWhen: string, render: (props: P) => Promise<RenderedEmail>, sample: P): EmailTemplate {
  return { title, sentWhen, renderSample: () => render(sample) };
}

export const EMAIL_TEMPLATES = {
  "eoi-receipt": template(
    "Expression of interest received",
    "An applicant submits an expression of interest (two-stage rounds).",
    renderEoiReceipt,
    eoiReceiptSample,
  ),
  "eoi-invitation": template(
    "Invitation to make a full bid",
    "The fund administrator sends the stage-one decision, or invites one more later, and the expression of interest is invited.",
    renderEoiInvitation,
    eoiInvitationSample,
  ),
  "eoi-not-invited": template(
    "Expression of interest not invited",
    "The fund administrator sends the stage-one decision and the expression of interest is not invited.",
    renderEoiNotInvited,
    eoiNotInvitedSample,
  ),
  "submission-receipt": template("Submission receipt", "An applicant submits a bid.", renderSubmissionReceipt, submissionReceiptSample),
  "assessor-assignment": template(
    "Assessor assignment",
    "The fund administrator assigns an assessor to a bid.",
    renderAssessorAssignment,
    assessorAssignmentSample,
  ),
  "assessor-removal": template(
    "Assessor removed from a bid",
    "The fund administrator takes an assessor off a bid.",
    renderAssessorRemoval,
    assessorRemovalSample,
  ),
  "outcome-award": template("Outcome: award", "Outcomes are released and the bid is awarded funding.", renderOutcomeAward, outcomeAwardSample),
  "outcome-reserve": template("Outcome: reserve", "Outcomes are released and the bid is on the reserve list.", renderOutcomeReserve, outcomeReserveSample),
  "outcome-decline": template("Outcome: decline", "Outcomes are released and the bid is not funded.", renderOutcomeDecline, outcomeDeclineSample),
  "outcome-ineligible": template(
    "Outcome: not eligible",
    "Outcomes are released and the bid was screened out as not eligible.",
    renderOutcomeIneligible,
    outcomeIneligibleSample,
  ),
  "organisation-invitation": template(
    "Organisation invitation",
    "A member invites someone to join their organisation.",
    renderOrganisationInvitation,
    organisationInvitationSample,
  ),
  "password-reset": template("Password reset", "Someone asks to reset their password.", renderPasswordReset, passwordResetSample),
  "registration-link": template(
    "Registration link",
    "Someone asks to create an account with an address that has none.",
    renderRegistrationLink,
    registrationLinkSample,
  ),
  "registration-account-exists": template(
    "Registration: account already exists",
    "Someone asks to create an account with an address that already has one.",
    renderRegistrationAccountExists,
    registrationAccountExistsSample,
  ),
  "password-changed": template("Password changed", "Someone changes their own password.", renderPasswordChanged, passwordChangedSample),
  "account-change": template(
    "Account disabled, enabled or role changed",
    "An admin disables or re-enables an account, or changes its role.",
    renderAccountChange,
    accountChangeSample,
  ),
  "award-response": template(
    "Award accepted, declined or lapsed",
    "An applicant accepts or declines an award, or it lapses at its accept-by date.",
    renderAwardResponse,
    awardResponseSample,
  ),
  "acceptance-reminder": template(
    "Reminder to accept an award",
    "The fund administrator reminds an organisation to accept or decline its award.",
    renderAcceptanceReminder,
    acceptanceReminderSample,
  ),
  "award-money-back": template(
    "Award money back in the pot",
    "To each fund administrator: an organisation declines its award, or the offer lapses unanswered.",
    renderAwardMoneyBack,
    awardMoneyBackSample,
  ),
  "award-return": template(
    "Money returned or clawed back",
    "The fund administrator records money returned unspent or clawed back on an award.",
    renderAwardReturn,
    awardReturnSample,
  ),
  "deadline-reminder": template("Deadline reminder", "A round is about to close and a bid is still a draft.", renderDeadlineReminder, deadlineReminderSample),
  "report-reminder": template(
    "Monitoring report reminder",
    "A monitoring report is due in 14 days or in 1 day, or is 1 or 7 days overdue.",
    renderReportReminder,
    reportReminderSample,
  ),
  "report-review": template(
    "Monitoring report reviewed",
    "The fund administrator accepts a monitoring report or asks for changes.",
    renderReportReview,
    reportReviewSample,
  ),
  "report-submitted": template(
    "Monitoring report to review",
    "An organisation submits a monitoring report (or submits it again after changes were asked for).",
    renderReportSubmitted,
    reportSubmittedSample,
  ),
} as const satisfies Record<string, EmailTemplate>;

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;

export function isEmailTemplateName(value: unknown): value is EmailTemplateName {
  return typeof value === "string" && Object.hasOwn(EMAIL_TEMPLATES, value);
}
