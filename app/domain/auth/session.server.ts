// Sessions as rows: the Session row decides whether a session is still valid. How its token
// travels (a signed cookie) is the HTTP edge's business (app/web/session.server.ts, ADR 0012).
// The cookie carries a random token; the row's id is the token's SHA-256, so a copy of the
// database holds nothing a browser could present (ADR 0018).
import { createHash, randomBytes } from "node:crypto";
import { db } from "~/lib/db.server";
import { isRole, type Role } from "./roles";
import { secondFactorState, type SecondFactorState } from "./second-factor-state";

/** The absolute limit: a session ends this long after sign-in, however busy. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** The idle limit: a session with no request for this long is over. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** lastSeenAt is written at most this often per session, so a page view is not always a write. */
export const LAST_SEEN_GRANULARITY_MS = 60 * 1000;

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  mustChangePassword: boolean;
  idleExpiresAt: Date;
  /** Whether this session has passed the second factor, or must still (ADR 0020). */
  secondFactor: SecondFactorState;
};

export function hashSessionToken(token: string) {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The session's user, or null when the session is not valid (expired, idle too long, revoked, disabled). */
export async function findSessionUser(token: string, now = new Date()): Promise<SessionUser | null> {
  const id = hashSessionToken(token);
  const session = await db.session.findUnique({
    where: { id },
    select: {
      expiresAt: true,
      lastSeenAt: true,
      secondFactorAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, mustChangePassword: true, totpEnabledAt: true } },
    },
  });
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince >= SESSION_IDLE_MS || session.user.disabledAt) {
    // A dead session is removed as soon as it is presented: it can never come back to life.
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (!isRole(session.user.role)) return null;
  let lastSeenAt = session.lastSeenAt;
  if (idleSince >= LAST_SEEN_GRANULARITY_MS) {
    await touchSession(id, now);
    lastSeenAt = now;
  }
  const { email, name, role, mustChangePassword } = session.user;
  return {
    id: session.user.id,
    email,
    name,
    role,
    mustChangePassword,
    sessionId: id,
    idleExpiresAt: new Date(lastSeenAt.getTime() + SESSION_IDLE_MS),
    secondFactor: secondFactorState(role, session.user, session),
  };
}

/** Marks the session as used now (the time-out warning's "Stay signed in" calls this too). */
export async function touchSession(sessionId: string, now = new Date()) {
  await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
}

/**
 * Starts a new session for the user and returns its token (for the cookie). A fresh token every
 * time (never reusing one the browser sent) prevents session fixation; the previous one is revoked.
 */
export async function createSession(userId: string, previousToken: string | null, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    ...(previousToken ? [db.session.deleteMany({ where: { id: hashSessionToken(previousToken) } })] : []),
    db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.session.create({ data: { id: hashSessionToken(token), userId, expiresAt: new Date(now.getTime() + SESSION_TTL_MS), lastSeenAt: now } }),
  ]);
  return token;
}

export async function revokeSession(token: string) {
  await db.session.deleteMany({ where: { id: hashSessionToken(token) } });
}
