import { redirect } from "@remix-run/node";
import { recordAudit } from "~/domain/audit/audit.server";
import { can, type Permission, type Role } from "~/domain/auth/roles";
import type { SessionUser } from "~/domain/auth/session.server";
import { getSessionUser } from "./session.server";

/** Only same-site paths are followed after sign-in (no open redirects; app/lib/safe-redirect.server.ts). */
export { safeRedirectPath } from "~/lib/safe-redirect.server";

/** Where a user with a one-time password must go before anything else (ADR 0018). */
export const CHANGE_PASSWORD_PATH = "/account/password";

/** A user holding a one-time password is sent to choose their own before any other page. */
export function requirePasswordChosen(request: Request, user: Pick<SessionUser, "mustChangePassword"> | null) {
  if (user?.mustChangePassword && new URL(request.url).pathname !== CHANGE_PASSWORD_PATH) throw redirect(CHANGE_PASSWORD_PATH);
}

/** The second step of signing in, and the set-up page for staff who have no authenticator app yet (ADR 0020). */
export const SECOND_FACTOR_PATH = "/sign-in/code";
export const SECOND_FACTOR_SET_UP_PATH = "/account/two-factor/set-up";

/** The page a session that has not passed the second factor must go to, or null when it has. */
export function secondFactorPath(user: Pick<SessionUser, "secondFactor">): string | null {
  return user.secondFactor === "code" ? SECOND_FACTOR_PATH : user.secondFactor === "enrol" ? SECOND_FACTOR_SET_UP_PATH : null;
}

/**
 * Sign-in is finished before any other page: the second factor first (a password alone opens
 * nothing for the roles that need one), then a one-time password is changed. Checked on every
 * request, from the session row, so skipping the code page by typing an address gets nowhere.
 */
export function requireSignInFinished(request: Request, user: Pick<SessionUser, "mustChangePassword" | "secondFactor"> | null) {
  if (!user) return;
  const pending = secondFactorPath(user);
  const url = new URL(request.url);
  if (pending) {
    if (url.pathname === pending) return;
    // From one second-factor page to the other, the page first asked for goes along.
    const onSecondFactorPage = url.pathname === SECOND_FACTOR_PATH || url.pathname === SECOND_FACTOR_SET_UP_PATH;
    const back = onSecondFactorPage ? (url.searchParams.get("redirectTo") ?? "") : url.pathname === "/" ? "" : `${url.pathname}${url.search}`;
    throw redirect(back ? `${pending}?${new URLSearchParams({ redirectTo: back })}` : pending);
  }
  // The recovery codes just made are shown there once: a one-time password waits until they are seen.
  if (url.pathname === SECOND_FACTOR_SET_UP_PATH) return;
  requirePasswordChosen(request, user);
}

/**
 * The signed-in user, or a redirect to sign in that comes back here afterwards (also after the
 * idle time-out: the user signs in again and is returned to the page).
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: back })}`);
  }
  requireSignInFinished(request, user);
  return user;
}

async function refuse(request: Request, user: SessionUser, wanted: string): Promise<never> {
  await recordAudit({
    actorId: user.id,
    action: "access.refused",
    outcome: "refused",
    subjectType: "route",
    subjectId: new URL(request.url).pathname,
    details: { method: request.method, wanted, role: user.role },
  });
  throw new Response("You do not have permission to see or do this.", { status: 403, statusText: "Forbidden" });
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) await refuse(request, user, `role:${roles.join("|")}`);
  return user;
}

export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) await refuse(request, user, permission);
  return user;
}
