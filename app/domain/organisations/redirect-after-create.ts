/**
 * Where to go after creating an organisation: back into the applicant's pages the person came
 * from (e.g. /applicant/bids/new?round=…), never anywhere else.
 */
export function redirectAfterCreate(to: unknown): string {
  if (typeof to !== "string" || !to.startsWith("/applicant/") || to.length > 500) return "/applicant";
  // A backslash or control character could be read by a browser as the start of another host.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(to)) return "/applicant";
  return to;
}
