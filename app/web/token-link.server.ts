// Pages opened from a link whose address holds a token (finishing registration, resetting a password).

/**
 * Never send the token to another site in a Referer header. (Not "no-referrer": that makes the
 * browser send "Origin: null" with the form, which the CSRF check refuses.)
 */
export const REFERRER_POLICY = { "Referrer-Policy": "same-origin" };

/** An unknown link was never there; an expired or used one is gone for good. */
export function linkProblemStatus(problem: "unknown" | "expired" | "used") {
  return problem === "unknown" ? 404 : 410;
}
