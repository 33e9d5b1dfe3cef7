// A round's code (e.g. 2526-R1) is part of every bid reference in the round (CSF-2526-R1-0042)
// and its public slug is made from it. It may change only while no reference can carry it: before
// the round opens and before any bid in it has a reference. Pure: the caller loads the facts.

export type RoundCodeLock = { reason: "referenced"; reference: string } | { reason: "opened" } | null;

/** Why the code can no longer change, or null while it still can. A reference is the stronger reason. */
export function roundCodeLock(round: { opensAt: Date }, firstReference: string | null, now: Date): RoundCodeLock {
  if (firstReference) return { reason: "referenced", reference: firstReference };
  if (now >= round.opensAt) return { reason: "opened" };
  return null;
}

/** The code as stored: trimmed and in capitals, as the form's schema leaves it. */
export function normaliseRoundCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** The public slug of a round with this code, e.g. 2627-R1 → 2627-r1 (/rounds/2627-r1). */
export function roundSlugFor(code: string): string {
  return normaliseRoundCode(code).toLowerCase();
}

/** The message for an administrator who tries to change a locked code. */
export function roundCodeLockedMessage(lock: NonNullable<RoundCodeLock>): string {
  return lock.reason === "referenced"
    ? `The round code cannot be changed because bids in this round already have references made from it, like ${lock.reference}`
    : "The round has opened, so the round code cannot be changed";
}
