import { createCookie } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { isRole, type Role } from "./roles";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

// The cookie holds only the session id; the Session row decides whether it is still valid.
export const sessionCookie = createCookie("csf_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env().NODE_ENV === "production",
  secrets: [env().SESSION_SECRET],
  maxAge: SESSION_TTL_MS / 1000,
});

export type SessionUser = { id: string; email: string; name: string; role: Role; sessionId: string };

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The signed-in user, or null when there is no valid session (expired, revoked, disabled). */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt <= new Date() || session.user.disabledAt || !isRole(session.user.role)) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role, sessionId };
}

/**
 * Starts a new session for the user and returns the Set-Cookie header. A fresh id every
 * time (never reusing one the browser sent) prevents session fixation; the old one is revoked.
 */
export async function startSession(request: Request, userId: string): Promise<string> {
  const previous = await readSessionId(request);
  const id = randomBytes(32).toString("base64url");
  await db.$transaction([
    ...(previous ? [db.session.deleteMany({ where: { id: previous } })] : []),
    db.session.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } }),
    db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } }),
  ]);
  return sessionCookie.serialize(id);
}

/** Revokes the session in the database and returns a Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await db.session.deleteMany({ where: { id } });
  return sessionCookie.serialize("", { maxAge: 0 });
}
