// The addresses emails after a decision link to: each goes straight to the page the applicant or
// the administrator acts on.
import { env } from "~/lib/env.server";

const at = (path: string) => new URL(path, env().APP_URL).href;

export const decisionLinks = {
  /** The applicant's outcome page: decision, award, feedback, what happens next. */
  outcome: (bidId: string) => at(`/applicant/bids/${bidId}/outcome`),
  /** Where the applicant accepts or declines an award. */
  respondToAward: (bidId: string) => at(`/applicant/bids/${bidId}/award`),
  /** The applicant's monitoring report form. */
  report: (bidId: string, reportId: string) => at(`/applicant/bids/${bidId}/reports/${reportId}`),
  /** The administrator's awards page for a round (acceptance, returned money). */
  roundAwards: (roundId: string) => at(`/administrator/rounds/${roundId}/awards`),
  /** The administrator's review of a monitoring report. */
  reportReview: (roundId: string, reportId: string) => at(`/administrator/rounds/${roundId}/reports/${reportId}`),
};
