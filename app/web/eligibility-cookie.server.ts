// Eligibility answers travel from the check (no account needed) to the new bid in a signed,
// short-lived cookie, so nothing is stored for people who never apply.
import { createCookie } from "@remix-run/node";
import { env } from "~/lib/env.server";
import { eligibilityAnswersSchema, type EligibilityAnswers } from "~/domain/eligibility/answers";

const cookie = createCookie("csf_eligibility", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env().NODE_ENV === "production",
  secrets: [env().SESSION_SECRET],
  maxAge: 24 * 60 * 60,
});

/** Set-Cookie header value that remembers the answers. */
export function saveEligibilityAnswers(answers: EligibilityAnswers) {
  return cookie.serialize(answers);
}

/** The answers given for this round, if the person checked eligibility in this browser. */
export async function readEligibilityAnswers(request: Request, roundSlug: string): Promise<EligibilityAnswers | null> {
  const value = await cookie.parse(request.headers.get("Cookie"));
  const parsed = eligibilityAnswersSchema.safeParse(value);
  return parsed.success && parsed.data.roundSlug === roundSlug ? parsed.data : null;
}

export function clearEligibilityAnswers() {
  return cookie.serialize("", { maxAge: 0 });
}
