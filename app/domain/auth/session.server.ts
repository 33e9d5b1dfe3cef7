// Sessions as rows: the Session row decides whether a session is still valid. How its id travels
// (a signed cookie) is the HTTP edge's business (app/web/session.server.ts, ADR 0012).
import { randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";
import { isRole, type Role } from "./roles";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type SessionUser = { id: string; email: string; name: string; role: Role; sessionId: string };

/** The session's user, or null when the session is not valid (expired, revoked, disabled). */
export async function findSessionUser(sessionId: string): Promise<SessionUser | null> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt <= new Date() || session.user.disabledAt || !isRole(session.user.role)) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role, sessionId };
}

/**
 * Starts a new session for the user and returns its id. A fresh id every time (never reusing one
 * the browser sent) prevents session fixation; the previous one is revoked.
 */
export async function createSession(userId: string, previousId: string | null): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.$transaction([
    ...(previousId ? [db.session.deleteMany({ where: { id: previousId } })] : []),
    db.session.deleteMany({ where: { userId, expiresAt: { lte: new Date() } } }),
    db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } }),
  ]);
  return id;
}

export async function revokeSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}
