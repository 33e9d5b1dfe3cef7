// The session cookie: it holds only the session token; the Session row (keyed by the token's
// hash) decides whether it is still valid (app/domain/auth/session.server.ts, ADR 0018).
import { createCookie } from "@remix-run/node";
import { createSession, findSessionUser, revokeSession, SESSION_TTL_MS, type SessionUser } from "~/domain/auth/session.server";
import { env } from "~/lib/env.server";

const production = env().NODE_ENV === "production";

/**
 * In production the `__Host-` prefix makes the browser refuse the cookie unless it is Secure,
 * has Path=/ and no Domain, so no other host (a subdomain) can set or overwrite it.
 */
export const SESSION_COOKIE_NAME = production ? "__Host-csf_session" : "csf_session";

export const sessionCookie = createCookie(SESSION_COOKIE_NAME, {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: production,
  secrets: [env().SESSION_SECRET],
  maxAge: SESSION_TTL_MS / 1000,
});

/** The session token the browser sent, if any (not yet checked against the database). */
export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in user, or null when there is no valid session (expired, idle, revoked, disabled). */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readSessionToken(request);
  return token ? findSessionUser(token) : null;
}

/** Starts a new session for the user (revoking the one the browser sent) and returns the Set-Cookie header. */
export async function startSession(request: Request, userId: string): Promise<string> {
  const token = await createSession(userId, await readSessionToken(request));
  return sessionCookie.serialize(token);
}

/** Revokes the session in the database and returns a Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const token = await readSessionToken(request);
  if (token) await revokeSession(token);
  return sessionCookie.serialize("", { maxAge: 0 });
}
