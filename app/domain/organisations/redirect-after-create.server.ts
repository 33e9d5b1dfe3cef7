import { safeRedirectPath } from "~/lib/safe-redirect.server";

/**
 * Where to go after creating an organisation: back into the applicant's pages the person came
 * from (e.g. /applicant/bids/new?round=…), never anywhere else (the site's one redirect rule,
 * narrowed to the applicant's pages).
 */
export function redirectAfterCreate(to: unknown): string {
  return safeRedirectPath(to, "/applicant", { within: "/applicant/" });
}
