// When the sender tries an email again after a failure (ADR 0005). Pure arithmetic, no I/O.

/** Tries before an email is marked failed and left for an admin to retry. */
export const MAX_ATTEMPTS = 10;

/** First wait after a failure; each further failure doubles it, up to the cap. */
export const FIRST_RETRY_DELAY_MS = 60_000;
export const MAX_RETRY_DELAY_MS = 60 * 60_000;

/**
 * How long to wait after the given number of failed attempts (1 → 1 minute, 2 → 2 minutes,
 * 3 → 4 minutes … capped at an hour). With MAX_ATTEMPTS this rides out about four hours of mail
 * server outage before anything needs a person.
 */
export function retryDelayMs(failedAttempts: number): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) throw new RangeError(`failedAttempts must be a whole number from 1, got ${failedAttempts}`);
  // Past the cap the doubling no longer matters; stopping early also avoids 2 ** 1000.
  const doublings = Math.min(failedAttempts - 1, 32);
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** doublings, MAX_RETRY_DELAY_MS);
}

export type AfterFailure = { status: "pending"; nextAttemptAt: Date } | { status: "failed" };

/** What happens to an email whose attempt number `attempts` (counting this one) has just failed. */
export function afterFailure(attempts: number, now: Date, maxAttempts = MAX_ATTEMPTS): AfterFailure {
  if (attempts >= maxAttempts) return { status: "failed" };
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}
