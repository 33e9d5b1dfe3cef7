import type { Role } from "./roles";

/**
 * Who may use each route, declared next to nothing else so the access-control matrix test can
 * check every route in the manifest against it. A route missing here fails that test.
 *  - public: anyone, signed in or not
 *  - signed-out: pages for signing in or registering (signed-in users are sent home)
 *  - roles: only these roles; others get 403, anonymous visitors are sent to sign in
 *  - post-only: an action without a page (GET answers 405)
 */
export type RouteAccess =
  | { kind: "public" }
  | { kind: "signed-out" }
  | { kind: "roles"; roles: readonly Role[] }
  | { kind: "post-only"; roles: readonly Role[] | "any" };

export const ROUTE_ACCESS: Record<string, RouteAccess & { samplePath?: string }> = {
  root: { kind: "public" },
  "routes/_index": { kind: "public" },
  "routes/healthz": { kind: "public" },
  "routes/accessibility": { kind: "public" },
  "routes/privacy": { kind: "public" },
  "routes/rounds._index": { kind: "public" },
  "routes/rounds.$roundSlug._index": { kind: "public" },
  "routes/rounds.$roundSlug.eligibility._index": { kind: "public" },
  "routes/rounds.$roundSlug.eligibility.result": { kind: "public" },
  "routes/invitations.$token": { kind: "public" },
  "routes/sign-in": { kind: "signed-out" },
  "routes/register": { kind: "signed-out" },
  "routes/sign-out": { kind: "post-only", roles: "any" },
  "routes/applicant._index": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.organisation.new": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.organisations.$organisationId._index": { kind: "roles", roles: ["applicant"] },
  "routes/applicant.organisations.$organisationId.invite": { kind: "roles", roles: ["applicant"] },
  "routes/assessor._index": { kind: "roles", roles: ["assessor"] },
  "routes/administrator._index": { kind: "roles", roles: ["fund_administrator"] },
  "routes/opcc._index": { kind: "roles", roles: ["opcc_sign_off"] },
  "routes/admin._index": { kind: "roles", roles: ["admin"] },
  "routes/admin.staff.new": { kind: "roles", roles: ["admin"] },
};
