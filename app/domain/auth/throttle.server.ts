// Throttling held in the database (ADR 0016), so that a limit holds however many web instances
// there are. A request first writes its hit, then counts the hits in the window including its own:
// two requests at once both see each other, so at most `max` of them get through, never more.
// Windows slide (nothing is ever locked for good): a hit stops counting `windowMs` after it was made.
import { createHash } from "node:crypto";
import { recordAudit } from "~/domain/audit/audit.server";
import { db } from "~/lib/db.server";
import { throttleAddressFactor } from "~/lib/env.server";
import { startCountingJob, type JobOptions } from "~/lib/repeat.server";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type ThrottleLimit = {
  /** Stored with each hit, e.g. "sign-in:account". */
  scope: string;
  max: number;
  windowMs: number;
  /** Per-address limits can be raised for test suites that send everything from one address. */
  perAddress?: boolean;
};

export const THROTTLE_LIMITS = {
  // Guessing a password: 5 wrong tries per account per 15 minutes keeps online guessing to a few
  // hundred a day per account while a person who mistypes waits at most 15 minutes.
  signInAccount: { scope: "sign-in:account", max: 5, windowMs: 15 * MINUTE },
  // One address trying many accounts (credential stuffing); high enough for an office behind one NAT.
  signInAddress: { scope: "sign-in:address", max: 30, windowMs: 15 * MINUTE, perAddress: true },
  // Registration sends an email to an address the sender chooses: a handful an hour is plenty.
  registerAddress: { scope: "register:address", max: 5, windowMs: HOUR, perAddress: true },
  // Registration emails to one address, whoever asks: a lost email and a retry, not a mail bomb.
  registerAccount: { scope: "register:account", max: 3, windowMs: HOUR },
  // Reset links: three an hour per account (a lost email, a retry), more from one address is a scan.
  resetAccount: { scope: "reset:account", max: 3, windowMs: HOUR },
  resetAddress: { scope: "reset:address", max: 20, windowMs: HOUR, perAddress: true },
  // Invitations send email with a name the sender chooses: a large organisation's day of
  // invitations, not a spam run.
  organisationInvitation: { scope: "invitation:user", max: 20, windowMs: DAY },
  staffInvitation: { scope: "staff-invitation:user", max: 20, windowMs: DAY },
  // Someone at an unlocked screen guessing the current password: the same allowance as sign-in.
  passwordChange: { scope: "password-change:user", max: 5, windowMs: 15 * MINUTE },
  // Guessing the second factor's code (ADR 0020): with 3 codes valid at a time, 5 tries per 15
  // minutes gives a guesser about 1 chance in 700 a day, a person who mistypes a short wait.
  secondFactor: { scope: "second-factor:user", max: 5, windowMs: 15 * MINUTE },
} as const satisfies Record<string, ThrottleLimit>;

/** Hits older than this are no use to any limit above and are pruned. */
export const THROTTLE_RETENTION_MS = DAY;

/** Keys are stored hashed: the table holds no email addresses or client addresses. */
export function throttleKey(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase(), "utf8").digest("hex");
}

/** `actorId`: the signed-in person whose action is throttled, for the audit trail. */
export type HitOptions = { now?: Date; actorId?: string | null };

export type ThrottleOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

function effectiveMax(limit: ThrottleLimit) {
  return limit.perAddress ? limit.max * throttleAddressFactor() : limit.max;
}

/**
 * Records one hit for `value` (an email, a client address, a user id) under `limit` and says
 * whether it is within the limit. When it is not, the retry time is when the oldest hit that
 * counted leaves the window, and the refusal is audited (scope and hashed key only).
 */
export function hit(limit: ThrottleLimit, value: string, { now = new Date(), actorId = null }: HitOptions = {}): Promise<ThrottleOutcome> {
  return hitAll([[limit, value]], { now, actorId });
}

/**
 * Records a hit under each limit, then checks each; the longest wait wins. A refused request
 * takes its hits back, so that retrying while refused does not push the retry time further
 * away. Requests racing each other may each be refused, but never more than `max` let in.
 */
export async function hitAll(
  checks: readonly (readonly [ThrottleLimit, string])[],
  { now = new Date(), actorId = null }: HitOptions = {},
): Promise<ThrottleOutcome> {
  const ids: string[] = [];
  for (const [limit, value] of checks) {
    const own = await db.rateLimitHit.create({ data: { scope: limit.scope, key: throttleKey(value), createdAt: now }, select: { id: true } });
    ids.push(own.id);
  }
  let wait = 0;
  for (const [limit, value] of checks) {
    const outcome = await check(limit, throttleKey(value), now, actorId);
    if (!outcome.ok) wait = Math.max(wait, outcome.retryAfterSeconds);
  }
  if (wait === 0) return { ok: true };
  await db.rateLimitHit.deleteMany({ where: { id: { in: ids } } });
  return { ok: false, retryAfterSeconds: wait };
}

async function check(limit: ThrottleLimit, key: string, now: Date, actorId: string | null): Promise<ThrottleOutcome> {
  const since = new Date(now.getTime() - limit.windowMs);
  const max = effectiveMax(limit);
  const hits = await db.rateLimitHit.findMany({
    where: { scope: limit.scope, key, createdAt: { gt: since } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { createdAt: true },
  });
  if (hits.length <= max) return { ok: true };
  // Over by n: the hits that must leave first are the n oldest; the last of them sets the wait.
  const oldestCounted = hits[hits.length - max - 1]!.createdAt;
  return refuse(limit, key, oldestCounted, now, actorId);
}

async function refuse(limit: ThrottleLimit, key: string, oldestCounted: Date, now: Date, actorId: string | null): Promise<ThrottleOutcome> {
  const retryAfterMs = Math.max(1_000, oldestCounted.getTime() + limit.windowMs - now.getTime());
  await recordAudit({ actorId, action: "throttle.refused", outcome: "refused", subjectType: "throttle", details: { scope: limit.scope, key } });
  return { ok: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
}

/** A successful sign-in clears the account's failures (its owner knows the password); the per-address count stays. */
export async function clearHits(limit: ThrottleLimit, value: string) {
  await db.rateLimitHit.deleteMany({ where: { scope: limit.scope, key: throttleKey(value) } });
}

/** Deletes hits older than THROTTLE_RETENTION_MS; returns how many went. */
export async function pruneThrottleHits(now = new Date()): Promise<number> {
  const deleted = await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_RETENTION_MS) } } });
  return deleted.count;
}

/** Prunes old hits now and then every hour until stopped (beside the other background jobs). */
export function startThrottlePruning(options: JobOptions = {}) {
  return startCountingJob("throttle pruning", "old hits deleted", pruneThrottleHits, { intervalMs: HOUR, ...options });
}
