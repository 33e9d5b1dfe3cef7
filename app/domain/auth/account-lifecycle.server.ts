// An account's life after it is made (ADR 0018): changing one's own password, an admin disabling,
// re-enabling or changing the role of an account, and the first admin made from the command line.
// Each change is audited and the account's owner is told by email (outbox, ADR 0005).
import { randomBytes } from "node:crypto";
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db, isPostgresUrl, type Tx } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { conflict, forbidden, invalid, notFound, refusalReason, type Refusal, type Result } from "~/lib/refusal";
import { renderAccountChange, renderPasswordChanged, type AccountChangeProps } from "../../../emails";
import type { ChangePasswordInput } from "./accounts.schema";
import { hashPassword, verifyPassword } from "./password.server";
import { isRole, roleLabel, type Role } from "./roles";

async function auditRefusal(actorId: string, action: string, subjectId: string, refusal: Refusal, details?: object) {
  await recordAudit({ actorId, action, outcome: "refused", subjectType: "user", subjectId, details: { ...details, reason: refusalReason(refusal) } });
}

/**
 * Changes the signed-in user's own password. The current password must be right; on success the
 * user's other sessions end (the one in use stays), a one-time password stops being one, unused
 * reset links stop working, and the owner is emailed.
 */
export async function changeOwnPassword(userId: string, currentSessionId: string, input: ChangePasswordInput, now = new Date()): Promise<Result> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, passwordHash: true } });
  if (!user) return notFound();
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    const refused = invalid({ currentPassword: "Your current password is not right" });
    await auditRefusal(userId, "user.password_changed", userId, refused.refusal);
    return refused;
  }
  const passwordHash = await hashPassword(input.password);
  const rendered = await renderPasswordChanged({ recipientName: user.name, forgotPasswordUrl: new URL("/forgot-password", env().APP_URL).toString() });
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now, mustChangePassword: false } });
    const sessions = await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await queueEmail(tx, { idempotencyKey: emailKeys.passwordChanged(userId, now), to: user.email, rendered });
    await recordAudit(
      { actorId: userId, action: "user.password_changed", subjectType: "user", subjectId: userId, details: { otherSessionsRevoked: sessions.count } },
      tx,
    );
  });
  return { ok: true };
}

export type AccountChange = { intent: "disable" } | { intent: "enable" } | { intent: "role"; role: Role };

/**
 * Admins are counted after locking every enabled admin row (a write to each), so two admins
 * disabling each other at once take turns and the second sees the first's change: the portal is
 * never left with no enabled admin.
 */
async function otherEnabledAdmins(tx: Tx, exceptUserId: string, now: Date) {
  await tx.user.updateMany({ where: { role: "admin", disabledAt: null }, data: { updatedAt: now } });
  return tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: exceptUserId } } });
}

const LAST_ADMIN = "This is the last enabled admin account. Make another admin first";

/** An admin disables, re-enables or changes the role of another account. */
export async function changeAccount(actorId: string, userId: string, change: AccountChange, now = new Date()): Promise<Result> {
  const action = change.intent === "role" ? "user.role_changed" : change.intent === "disable" ? "user.disabled" : "user.enabled";
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, disabledAt: true } });
  if (!user || !isRole(user.role)) return notFound();
  if (userId === actorId) {
    const refused = forbidden("You cannot change your own account here. Ask another admin");
    await auditRefusal(actorId, action, userId, refused.refusal, { change });
    return refused;
  }
  const from = user.role;
  const outcome = await db.$transaction(async (tx): Promise<Result> => {
    const losesAdmin = user.role === "admin" && !user.disabledAt && (change.intent === "disable" || (change.intent === "role" && change.role !== "admin"));
    if (losesAdmin && (await otherEnabledAdmins(tx, userId, now)) === 0) return conflict(LAST_ADMIN);
    let email: AccountChangeProps["change"];
    if (change.intent === "disable") {
      // Conditional on the state the admin saw, so a double submit disables (and emails) once.
      const updated = await tx.user.updateMany({ where: { id: userId, disabledAt: null }, data: { disabledAt: now } });
      if (updated.count !== 1) return conflict("This account is already disabled");
      // Every session ends at once, not at its next request.
      const sessions = await tx.session.deleteMany({ where: { userId } });
      await recordAudit(
        {
          actorId,
          action,
          subjectType: "user",
          subjectId: userId,
          before: { disabledAt: null },
          after: { disabledAt: now },
          details: { sessionsRevoked: sessions.count },
        },
        tx,
      );
      email = { kind: "disabled" };
    } else if (change.intent === "enable") {
      const updated = await tx.user.updateMany({ where: { id: userId, disabledAt: { not: null } }, data: { disabledAt: null } });
      if (updated.count !== 1) return conflict("This account is already enabled");
      await recordAudit({ actorId, action, subjectType: "user", subjectId: userId, before: { disabledAt: user.disabledAt }, after: { disabledAt: null } }, tx);
      email = { kind: "enabled" };
    } else {
      if (change.role === from) return invalid({ role: `This account is already ${roleLabel(from)}` });
      const updated = await tx.user.updateMany({ where: { id: userId, role: from }, data: { role: change.role } });
      if (updated.count !== 1) return conflict("The account changed while you were looking at it. Check its role and try again");
      // A different role is different access: sessions made under the old one end.
      await tx.session.deleteMany({ where: { userId } });
      await recordAudit({ actorId, action, subjectType: "user", subjectId: userId, before: { role: from }, after: { role: change.role } }, tx);
      email = { kind: "role", from: roleLabel(from), to: roleLabel(change.role) };
    }
    const rendered = await renderAccountChange({ recipientName: user.name, change: email });
    await queueEmail(tx, { idempotencyKey: emailKeys.accountChange(userId, email.kind, now), to: user.email, rendered });
    return { ok: true };
  });
  if (!outcome.ok) await auditRefusal(actorId, action, userId, outcome.refusal, { change });
  return outcome;
}

export const USERS_PAGE_SIZE = 25;

export type UserFilters = { search?: string; role?: Role; status?: "enabled" | "disabled"; page?: number };

/** Accounts for the admin's list: newest first, one page at a time. */
export async function listUsers({ search, role, status, page = 1 }: UserFilters) {
  const term = search?.trim().slice(0, 100);
  // PostgreSQL's LIKE is case-sensitive and SQLite's is not: ask PostgreSQL for the same answer.
  const mode = isPostgresUrl(env().DATABASE_URL) ? { mode: "insensitive" as const } : {};
  const where = {
    ...(term ? { OR: [{ email: { contains: term.toLowerCase(), ...mode } }, { name: { contains: term, ...mode } }] } : {}),
    ...(role ? { role } : {}),
    ...(status === "disabled" ? { disabledAt: { not: null } } : status === "enabled" ? { disabledAt: null } : {}),
  };
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const users = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * USERS_PAGE_SIZE,
    take: USERS_PAGE_SIZE,
    select: { id: true, name: true, email: true, role: true, disabledAt: true },
  });
  return { users, total, page: current, pageCount };
}

export function findAccount(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      createdAt: true,
      passwordChangedAt: true,
      mustChangePassword: true,
      totpSecret: true,
      totpEnabledAt: true,
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
}

/** A random one-time password: 24 characters from 18 random bytes. */
export function oneTimePassword() {
  return randomBytes(18).toString("base64url");
}

/**
 * The first admin (or another one) from the command line: an admin account with a random one-time
 * password, shown once to whoever ran the command, that must be changed at first sign-in.
 */
export async function createAdminAccount(input: { name: string; email: string }): Promise<Result<{ userId: string; password: string }>> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "admin", mustChangePassword: true } });
      await recordAudit(
        {
          actorId: null,
          action: "user.created",
          subjectType: "user",
          subjectId: created.id,
          after: { email: created.email, role: "admin" },
          details: { via: "create-admin" },
        },
        tx,
      );
      return created;
    });
    return { ok: true, userId: user.id, password };
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ email: "An account with this email address already exists" });
    throw error;
  }
}
