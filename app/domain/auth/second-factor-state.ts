// Who needs the second factor and where a session stands with it (ADR 0020). Kept apart from
// second-factor.server.ts so the session lookup, which runs on every request, needs nothing more.
import type { Role } from "./roles";

/** Roles that move or sign off money, or manage accounts: a stolen password alone must not be enough. */
export const SECOND_FACTOR_ROLES = ["fund_administrator", "opcc_sign_off", "admin"] as const satisfies readonly Role[];

export function needsSecondFactor(role: Role): boolean {
  return (SECOND_FACTOR_ROLES as readonly Role[]).includes(role);
}

/** Where a session stands with the second factor: done (or not needed), a code to give, or the app to set up first. */
export type SecondFactorState = "done" | "code" | "enrol";

export function secondFactorState(role: Role, user: { totpEnabledAt: Date | null }, session: { secondFactorAt: Date | null }): SecondFactorState {
  if (!needsSecondFactor(role) || session.secondFactorAt) return "done";
  return user.totpEnabledAt ? "code" : "enrol";
}

/** Recovery codes made at a time. */
export const RECOVERY_CODE_COUNT = 10;
