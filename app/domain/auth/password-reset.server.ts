// Password reset by email link. The link carries a random 32-byte token; only its SHA-256 hash is
// stored, so a copy of the database cannot be used to reset anyone's password. The token and its
// email are written in one transaction (the outbox), and using a token is a conditional update
// (still unused, unexpired), so a double submit or two tabs change the password once.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { renderPasswordReset } from "../../../emails";
import { hashPassword } from "./password.server";

/** How long a reset link works. */
export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000;
/** At most this many links per account in RESET_TOKEN_LIFETIME_MS: more requests send nothing. */
export const MAX_RESET_TOKENS_PER_HOUR = 3;

export function hashResetToken(token: string) {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are 32 random bytes in base64url: anything else cannot be one of ours. */
export function looksLikeResetToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export type ResetRequestOutcome = "queued" | "no_account" | "rate_limited";

/**
 * Someone asks for a reset link for `email`. The caller must answer the same whatever the
 * outcome (no account enumeration); the outcome is returned for tests and the audit trail only.
 */
export async function requestPasswordReset(email: string, now = new Date()): Promise<ResetRequestOutcome> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true, disabledAt: true } });
  const active = user && !user.disabledAt ? user : null;
  // The same work whatever the address (ADR 0016): a token is made, hashed and its email
  // rendered even when there is no account, so the answer takes as long either way; only the
  // writes differ, and they are a handful of rows in one transaction.
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashResetToken(token);
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS);
  // Rendered before the transaction: React Email's render is asynchronous.
  const rendered = await renderPasswordReset({
    recipientName: active?.name ?? "Applicant",
    resetUrl: new URL(`/reset-password/${token}`, env().APP_URL).toString(),
    expiresInMinutes: RESET_TOKEN_LIFETIME_MS / 60_000,
  });
  if (!active) {
    await db.$transaction(async (tx) => {
      await recordAudit(
        { actorId: null, action: "user.password_reset_requested", outcome: "refused", subjectType: "user", details: { email, reason: "no active account" } },
        tx,
      );
    });
    return "no_account";
  }
  return db.$transaction(async (tx) => {
    // Writing the account's row first makes requests for one account take turns (PostgreSQL holds
    // the row lock to commit; SQLite takes its write lock), so the count below sees every link
    // issued before this one and the limit holds however many requests arrive at once.
    await tx.user.update({ where: { id: active.id }, data: { updatedAt: now }, select: { id: true } });
    const recent = await tx.passwordResetToken.count({
      where: { userId: active.id, createdAt: { gt: new Date(now.getTime() - RESET_TOKEN_LIFETIME_MS) } },
    });
    if (recent >= MAX_RESET_TOKENS_PER_HOUR) {
      await recordAudit(
        {
          actorId: null,
          action: "user.password_reset_requested",
          outcome: "refused",
          subjectType: "user",
          subjectId: active.id,
          details: { reason: "rate limited" },
        },
        tx,
      );
      return "rate_limited" as const;
    }
    const created = await tx.passwordResetToken.create({
      data: { userId: active.id, tokenHash, expiresAt, createdAt: now },
      select: { id: true },
    });
    await queueEmail(tx, { idempotencyKey: emailKeys.passwordReset(created.id), to: active.email, rendered, carriesSecret: true });
    await recordAudit(
      { actorId: null, action: "user.password_reset_requested", subjectType: "user", subjectId: active.id, details: { resetTokenId: created.id } },
      tx,
    );
    return "queued" as const;
  });
}

export type ResetTokenStatus = "valid" | "used" | "expired" | "unknown";

export function resetTokenStatus(token: { usedAt: Date | null; expiresAt: Date } | null, now: Date): ResetTokenStatus {
  if (!token) return "unknown";
  if (token.usedAt) return "used";
  if (now >= token.expiresAt) return "expired";
  return "valid";
}

/** Whether a link's token can still be used (for the page, before the form is sent). */
export async function checkResetToken(token: string, now = new Date()): Promise<ResetTokenStatus> {
  if (!looksLikeResetToken(token)) return "unknown";
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { disabledAt: true } } },
  });
  if (row?.user.disabledAt) return "unknown";
  return resetTokenStatus(row, now);
}

export type ResetResult = { ok: true; userId: string } | { ok: false; reason: Exclude<ResetTokenStatus, "valid"> };

/**
 * Sets a new password with a reset link's token: marks the token used (only if it still is
 * unused and unexpired, so it works once however many requests race), stores the new argon2id
 * hash, and deletes every session of the account so anyone signed in as it is signed out.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<ResetResult> {
  const status = await checkResetToken(token, now);
  if (status !== "valid") return { ok: false, reason: status };
  const passwordHash = await hashPassword(newPassword);
  const tokenHash = hashResetToken(token);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false, reason: "used" } as const;
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, userId: true } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    // The account's other links stop working too: the password they would replace is gone.
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    const sessions = await tx.session.deleteMany({ where: { userId: row.userId } });
    await recordAudit(
      {
        actorId: row.userId,
        action: "user.password_reset",
        subjectType: "user",
        subjectId: row.userId,
        details: { resetTokenId: row.id, sessionsRevoked: sessions.count },
      },
      tx,
    );
    return { ok: true, userId: row.userId } as const;
  });
}
