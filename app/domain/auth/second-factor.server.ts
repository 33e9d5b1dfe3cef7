// The staff second factor (ADR 0020): a TOTP authenticator app, with one-use recovery codes.
// A session starts with the password; for the roles below it is not "second-factor verified"
// (Session.secondFactorAt) until a code is given, and the guards (app/web/guards.server.ts)
// refuse every other page until then. A code is accepted once: User.totpLastStep holds the
// last step accepted and is moved only forward by a conditional update.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, notFound, refusalReason, type Refused, type Result } from "~/lib/refusal";
import { renderAccountChange } from "../../../emails";
import { RECOVERY_CODE_COUNT } from "./second-factor-state";
import { matchTotp, newTotpSecret, totpAuthUri } from "./totp.server";

export { RECOVERY_CODE_COUNT };

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/**
 * Ten characters from 31 (about 50 random bits), shown as two groups of five. They are random,
 * not chosen by a person, so a plain SHA-256 is enough to store them: nothing to guess offline
 * that would not take 2^49 tries, and online guessing is throttled like codes.
 */
export function newRecoveryCode(): string {
  const bytes = randomBytes(RECOVERY_ALPHABET.length * 2);
  let code = "";
  for (const byte of bytes) {
    // Rejection sampling keeps every character equally likely.
    if (byte >= 256 - (256 % RECOVERY_ALPHABET.length)) continue;
    code += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
    if (code.length === 10) break;
  }
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : newRecoveryCode();
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase(), "utf8").digest("hex");
}

/** Audits a refused change to a user's second factor, and hands the refusal back. */
async function refuseSecondFactorChange(actorId: string, action: string, userId: string, refused: Refused): Promise<Refused> {
  await recordAudit({
    actorId,
    action,
    outcome: "refused",
    subjectType: "user",
    subjectId: userId,
    details: { reason: refusalReason(refused.refusal) },
  });
  return refused;
}

async function replaceRecoveryCodes(tx: Tx, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })) });
  return codes;
}

/** What the account page shows: whether the app is set up, since when, and recovery codes left. */
export async function secondFactorStatus(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  return { enabledAt: user?.totpEnabledAt ?? null, recoveryCodesLeft };
}

export const TOTP_ISSUER = "Community Safety Fund";

/**
 * The secret to show on the set-up page. It is made once and kept (unconfirmed) until a code
 * confirms it, so reloading the page shows the same QR code as the app already scanned.
 */
export async function enrolmentSecret(userId: string): Promise<Result<{ secret: string; uri: string }>> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, totpSecret: true, totpEnabledAt: true } });
  if (!user) return notFound();
  if (user.totpEnabledAt) return conflict("Your authenticator app is already set up");
  let secret = user.totpSecret;
  if (!secret) {
    // Conditional, so two tabs opening the page at once end up showing the same secret.
    await db.user.updateMany({ where: { id: userId, totpSecret: null }, data: { totpSecret: newTotpSecret() } });
    secret = (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } })).totpSecret!;
  }
  return { ok: true, secret, uri: totpAuthUri(secret, user.email, TOTP_ISSUER) };
}

const WRONG_CODE = "Enter the 6-digit code your authenticator app shows now";
const REPLAYED_CODE = "That code has already been used. Wait for your app to show a new code and enter that";

/**
 * Confirms the set-up with a code from the app: the second factor is on, this session counts as
 * verified, and the ten recovery codes are returned to be shown once (only their hashes are kept).
 */
export async function confirmEnrolment(userId: string, sessionId: string, code: string, now = new Date()): Promise<Result<{ recoveryCodes: string[] }>> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user) return notFound();
  if (user.totpEnabledAt) return conflict("Your authenticator app is already set up");
  if (!user.totpSecret) return conflict("Start the set-up again: reload this page to see a QR code");
  const match = matchTotp(user.totpSecret, code, user.totpLastStep, now);
  if (!match || "replayed" in match) {
    return refuseSecondFactorChange(userId, "user.second_factor_enrolled", userId, invalid({ code: match ? REPLAYED_CODE : WRONG_CODE }));
  }
  const secret = user.totpSecret;
  return db.$transaction(async (tx): Promise<Result<{ recoveryCodes: string[] }>> => {
    // Matched on the secret the code was checked against, so a reset meanwhile is not undone.
    const enabled = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null, totpSecret: secret },
      data: { totpEnabledAt: now, totpLastStep: match.step },
    });
    if (enabled.count !== 1) return conflict("Your second factor changed while you were setting it up. Reload this page");
    const recoveryCodes = await replaceRecoveryCodes(tx, userId, now);
    await tx.session.updateMany({ where: { id: sessionId, userId }, data: { secondFactorAt: now } });
    await recordAudit(
      { actorId: userId, action: "user.second_factor_enrolled", subjectType: "user", subjectId: userId, details: { recoveryCodes: RECOVERY_CODE_COUNT } },
      tx,
    );
    return { ok: true, recoveryCodes };
  });
}

/**
 * The second step of signing in: a 6-digit code from the app (accepted once, within a step
 * either side of now) or an unused recovery code (then marked used). Either way this session is
 * marked verified; success and failure are audited.
 */
export async function verifySecondFactor(
  userId: string,
  sessionId: string,
  code: string,
  now = new Date(),
): Promise<Result<{ method: "totp" | "recovery_code"; recoveryCodesLeft: number }>> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user) return notFound();
  if (!user.totpEnabledAt || !user.totpSecret) return conflict("Set up your authenticator app first");
  let method: "totp" | "recovery_code" | null = null;
  let replayed = false;
  if (/^\d{6}$/.test(code)) {
    const match = matchTotp(user.totpSecret, code, user.totpLastStep, now);
    if (match && "step" in match) {
      // Only forward, and only if no other request took this step first: a code counts once.
      const moved = await db.user.updateMany({
        where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: match.step } }] },
        data: { totpLastStep: match.step },
      });
      if (moved.count === 1) method = "totp";
      else replayed = true;
    } else if (match) replayed = true;
  } else {
    const found = await db.recoveryCode.findFirst({ where: { userId, codeHash: hashRecoveryCode(code), usedAt: null }, select: { id: true } });
    if (found) {
      const used = await db.recoveryCode.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
      if (used.count === 1) method = "recovery_code";
    }
  }
  if (!method) {
    await recordAudit({
      actorId: userId,
      action: "user.second_factor_failed",
      outcome: "refused",
      subjectType: "user",
      subjectId: userId,
      details: { reason: replayed ? "replayed" : "wrong_code" },
    });
    return invalid({ code: replayed ? REPLAYED_CODE : "Enter a correct code from your authenticator app or an unused recovery code" });
  }
  await db.session.updateMany({ where: { id: sessionId, userId }, data: { secondFactorAt: now } });
  const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId, usedAt: null } });
  await recordAudit({ actorId: userId, action: "user.second_factor_verified", subjectType: "user", subjectId: userId, details: { method, recoveryCodesLeft } });
  return { ok: true, method, recoveryCodesLeft };
}

/** New recovery codes for the signed-in user; the old ones stop working. Returned to be shown once. */
export async function regenerateRecoveryCodes(userId: string, now = new Date()): Promise<Result<{ recoveryCodes: string[] }>> {
  return db.$transaction(async (tx): Promise<Result<{ recoveryCodes: string[] }>> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user) return notFound();
    if (!user.totpEnabledAt) return conflict("Set up your authenticator app first");
    const recoveryCodes = await replaceRecoveryCodes(tx, userId, now);
    await recordAudit({ actorId: userId, action: "user.recovery_codes_regenerated", subjectType: "user", subjectId: userId }, tx);
    return { ok: true, recoveryCodes };
  });
}

/**
 * An admin turns off another account's second factor (a lost phone and no recovery codes): the
 * secret and recovery codes go, every session of the account ends, and at the next sign-in the
 * owner must set up an app again. Never one's own: a stolen admin session must not be able to
 * swap in the thief's app (ADR 0020). The owner is emailed.
 */
export async function resetSecondFactor(actorId: string, userId: string, now = new Date()): Promise<Result> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, totpSecret: true, totpEnabledAt: true } });
  if (!user) return notFound();
  const refuse = (refused: Refused) => refuseSecondFactorChange(actorId, "user.second_factor_reset", userId, refused);
  if (userId === actorId) return refuse(forbidden("You cannot reset your own second factor. Ask another admin"));
  if (!user.totpSecret && !user.totpEnabledAt) return refuse(conflict("This account has no second factor to reset"));
  const rendered = await renderAccountChange({ recipientName: user.name, change: { kind: "second_factor_reset" } });
  return db.$transaction(async (tx): Promise<Result> => {
    const reset = await tx.user.updateMany({
      where: { id: userId, totpSecret: user.totpSecret },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    if (reset.count !== 1) return conflict("The account changed while you were looking at it. Try again");
    await tx.recoveryCode.deleteMany({ where: { userId } });
    const sessions = await tx.session.deleteMany({ where: { userId } });
    await recordAudit(
      {
        actorId,
        action: "user.second_factor_reset",
        subjectType: "user",
        subjectId: userId,
        before: { totpEnabledAt: user.totpEnabledAt },
        after: { totpEnabledAt: null },
        details: { sessionsRevoked: sessions.count },
      },
      tx,
    );
    await queueEmail(tx, { idempotencyKey: emailKeys.accountChange(userId, "second_factor_reset", now), to: user.email, rendered });
    return { ok: true };
  });
}
