import type { Role } from "./roles";

/**
 * Who may use each route, declared next to nothing else so the access-control matrix test can
 * check every route in the manifest against it. A route missing here fails that test.
 *  - public: anyone, signed in or not
 *  - signed-out: pages for signing in or registering (signed-in users are sent home)
 *  - roles: only these roles; others get 403, anonymous visitors are sent to sign in
 *  - post-only: an action without a page (GET answers 405)
 *  - second-step: only a session that has its password but still owes its second factor's code;
 *    anonymous visitors are sent to sign in, everyone else home (ADR 0020)
 */
export type RouteAccess =
  | { kind: "public" }
  | { kind: "signed-out" }
  | { kind: "roles"; roles: readonly Role[] }
  | { kind: "post-only"; roles: readonly Role[] | "any" }
  | { kind: "second-step" };

export const ROUTE_ACCESS: Record<string, RouteAccess & { samplePath?: string }> = {
  root: { kind: "public" },
  "routes/_index": { kind: "public" },
  "routes/healthz": { kind: "public" },
  "routes/livez": { kind: "public" },
  "routes/readyz": { kind: "public" },
  "routes/accessibility": { kind: "public" },
  "routes/privacy": { kind: "public" },
  // Shown by the Node server when a request body is over the limit (404 otherwise).
  "routes/request-too-large": { kind: "public" },
  "routes/rounds._index": { kind: "public" },
  "routes/rounds.$roundSlug._index": { kind: "public" },
  "routes/rounds.$roundSlug.eligibility._index": { kind: "public" },
  "routes/rounds.$roundSlug.eligibility.result": { kind: "public" },
  // Grants awarded in released rounds, and their 360Giving file: public (ADR 0015); other rounds 404.
  "routes/awards._index": { kind: "public" },
  "routes/awards.$roundSlug._index": { kind: "public" },
  "routes/awards.$roundSlug.360giving[.]json": { kind: "public" },
  "routes/invitations.$token": { kind: "public" },
  "routes/sign-in": { kind: "signed-out" },
  "routes/register": { kind: "signed-out" },
  // The emailed link that finishes registering (ADR 0021); signed-in users are sent home.
  "routes/register_.$token": { kind: "signed-out" },
  "routes/forgot-password": { kind: "signed-out" },
  // A reset link works whoever is signed in: the token, not the session, says whose password it is.
  "routes/reset-password.$token": { kind: "public" },
  "routes/sign-out": { kind: "post-only", roles: "any" },
  // Any signed-in user: their own password, and "Stay signed in" from the time-out warning.
  "routes/account.password": { kind: "roles", roles: ["applicant", "assessor", "fund_administrator", "opcc_sign_off", "admin"] },
  "routes/account.session": { kind: "post-only", roles: "any" },
  // The staff second factor (ADR 0020): the code asked for after the password, the app's set-up
  // and the account's own second-factor page (recovery codes).
  "routes/sign-in_.code": { kind: "second-step" },
  "routes/account.two-factor.set-up": { kind: "roles", roles: ["fund_administrator", "opcc_sign_off", "admin"] },
  "routes/account.two-factor._index": { kind: "roles", roles: ["fund_administrator", "opcc_sign_off", "admin"] },
  // Where a withheld document's download lands (quarantined, or its virus check not finished): ADR 0022.
  "routes/documents.unavailable": { kind: "roles", roles: ["applicant", "assessor", "fund_administrator", "opcc_sign_off", "admin"] },
  "routes/applicant._index": { kind: "roles", roles: ["applicant"] },
  // Bids: applicants only; each route also scopes the bid to the applicant's organisations (404 otherwise).
  "routes/applicant.bids.new": { kind: "roles", roles: ["applicant"] },
  // Expressions of interest: applicants only, scoped to their organisations (404 otherwise).
  "routes/applicant.expressions-of-interest.new": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.expressions-of-interest.$eoiId": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId._index": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.about": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.priorities": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.areas": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.outcomes": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.budget": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.beneficiaries": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.safeguarding-and-equality": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.documents": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.documents_.$documentId": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.declarations": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.check-answers": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.confirmation": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.withdraw": { kind: "roles", roles: ["applicant"] },
  // The decision, once released: members of the bid's organisation only (others 404; before release, back to the bid).
  "routes/applicant.bids.$bidId.outcome": { kind: "roles", roles: ["applicant"] },
  // Monitoring reports: members of the bid's organisation only (404 otherwise), documents checked on every download.
  "routes/applicant.bids.$bidId.reports.$reportId": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.bids.$bidId.reports.$reportId_.documents.$reportDocumentId": { kind: "roles", roles: ["applicant"] },
  // Answering an award: only members of the bid's organisation (404 otherwise).
  "routes/applicant.bids.$bidId.award": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.organisation.new": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.organisations.$organisationId._index": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.organisations.$organisationId.invite": { kind: "roles", roles: ["applicant"] },
  "routes/assessor._index": { kind: "roles", roles: ["assessor"] },
  // Assessment: assessors see only bids assigned to them (404 otherwise) and not those they are conflicted on (403).
  "routes/assessor.bids.$bidId._index": { kind: "roles", roles: ["assessor"] },
  "routes/assessor.bids.$bidId.score": { kind: "roles", roles: ["assessor"] },
  "routes/assessor.bids.$bidId.documents.$documentId": { kind: "roles", roles: ["assessor"] },
  "routes/administrator._index": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.assignments": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.allocation": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.results": { kind: "roles", roles: ["fund_administrator"] },
  // Acceptance, reminders and returned money: the fund administrator only (OPCC signs off allocations, nothing after).
  "routes/administrator.rounds.$roundId.awards": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.publishing": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.bids.$bidId._index": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.bids.$bidId.history": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.bids.$bidId.documents.$documentId": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.screening": { kind: "roles", roles: ["fund_administrator"] },
  // Two-stage rounds (ADR 0026): the round's stages, the expressions of interest and their light review.
  "routes/administrator.rounds.$roundId.stages": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.expressions-of-interest._index": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.expressions-of-interest.$eoiId": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.rules": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.criteria": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.new": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.details": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.descriptors": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.funds.$fundId.ineligibility-reasons": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.funds._index": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.funds.new": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.funds.$fundId.edit": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.form": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.bids.$bidId.screen": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.monitoring": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.reports._index": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.reports.$reportId": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.reports.$reportId_.documents.$reportDocumentId": { kind: "roles", roles: ["fund_administrator"] },
  // Exports (docs/decisions/0017-csv-exports-and-audit-log.md): the page and the scores and monitoring files are the fund
  // administrator's; OPCC sign-off may also take the bids and awards files, the money it answers for to the Panel.
  "routes/administrator.rounds.$roundId.exports._index": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.exports.bids": { kind: "roles", roles: ["fund_administrator", "opcc_sign_off"] },
  "routes/administrator.rounds.$roundId.exports.awards": { kind: "roles", roles: ["fund_administrator", "opcc_sign_off"] },
  "routes/administrator.rounds.$roundId.exports.scores": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.exports.monitoring": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.rounds.$roundId.exports.expressions-of-interest": { kind: "roles", roles: ["fund_administrator"] },
  // The audit log and its CSV: whoever holds read:audit (fund administrators for rounds, admins for accounts).
  "routes/administrator.audit._index": { kind: "roles", roles: ["fund_administrator", "admin"] },
  "routes/administrator.audit.export": { kind: "roles", roles: ["fund_administrator", "admin"] },
  // Dashboards (read-only figures and charts): each role has its own copy under its own path.
  "routes/administrator.rounds.$roundId.dashboard": { kind: "roles", roles: ["fund_administrator"] },
  "routes/administrator.funds.$fundId.dashboard": { kind: "roles", roles: ["fund_administrator"] },
  "routes/opcc.rounds.$roundId_.dashboard": { kind: "roles", roles: ["opcc_sign_off"] },
  "routes/opcc.funds.$fundId.dashboard": { kind: "roles", roles: ["opcc_sign_off"] },
  "routes/opcc._index": { kind: "roles", roles: ["opcc_sign_off"] },
  "routes/opcc.rounds.$roundId": { kind: "roles", roles: ["opcc_sign_off"] },
  "routes/admin._index": { kind: "roles", roles: ["admin"] },
  "routes/admin.staff.new": { kind: "roles", roles: ["admin"] },
  "routes/admin.users._index": { kind: "roles", roles: ["admin"] },
  "routes/admin.users.$userId": { kind: "roles", roles: ["admin"] },
  "routes/admin.outbox._index": { kind: "roles", roles: ["admin"] },
  "routes/admin.outbox.$emailId": { kind: "roles", roles: ["admin"] },
  "routes/admin.outbox.$emailId_.html": { kind: "roles", roles: ["admin"] },
  "routes/admin.mailbox._index": { kind: "roles", roles: ["admin"] },
  // Malware scanning: whether it is on, and the quarantined files (ADR 0022).
  "routes/admin.documents._index": { kind: "roles", roles: ["admin"] },
  "routes/admin.emails._index": { kind: "roles", roles: ["admin"] },
  "routes/admin.emails.$template": { kind: "roles", roles: ["admin"] },
  "routes/admin.emails.$template_.html": { kind: "roles", roles: ["admin"] },
};
