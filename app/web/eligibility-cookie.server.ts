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

/**
 * Set-Cookie header value that remembers the answers (once given) and the id of this visitor's
 * eligibility check for the round, so that one visitor's check is counted once on the dashboard.
 */
export function saveEligibilityAnswers(answers: EligibilityAnswers, checkId?: string) {
  return cookie.serialize(checkId ? { ...answers, checkId } : answers);
}

/** The id of the eligibility check this browser started for the round, if any. */
export async function readEligibilityCheckId(request: Request, roundSlug: string): Promise<string | null> {
  const value: unknown = await cookie.parse(request.headers.get("Cookie"));
  if (!value || typeof value !== "object") return null;
  const { roundSlug: slug, checkId } = value as { roundSlug?: unknown; checkId?: unknown };
  return slug === roundSlug && typeof checkId === "string" ? checkId : null;
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
