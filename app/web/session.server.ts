// The session cookie: it holds only the session id; the Session row decides whether it is still
// valid (app/domain/auth/session.server.ts).
import { createCookie } from "@remix-run/node";
import { createSession, findSessionUser, revokeSession, SESSION_TTL_MS, type SessionUser } from "~/domain/auth/session.server";
import { env } from "~/lib/env.server";

export const sessionCookie = createCookie("csf_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env().NODE_ENV === "production",
  secrets: [env().SESSION_SECRET],
  maxAge: SESSION_TTL_MS / 1000,
});

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in user, or null when there is no valid session (expired, revoked, disabled). */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  return sessionId ? findSessionUser(sessionId) : null;
}

/** Starts a new session for the user (revoking the one the browser sent) and returns the Set-Cookie header. */
export async function startSession(request: Request, userId: string): Promise<string> {
  const id = await createSession(userId, await readSessionId(request));
  return sessionCookie.serialize(id);
}

/** Revokes the session in the database and returns a Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await revokeSession(id);
  return sessionCookie.serialize("", { maxAge: 0 });
}
