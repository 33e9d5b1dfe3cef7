// Whether an invitation link can still be used. Pure, so the page and the accept action agree.

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationStatus = "valid" | "accepted" | "expired";

export function invitationStatus(invitation: { acceptedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (now >= invitation.expiresAt) return "expired";
  return "valid";
}

/** Tokens are 32 random bytes in base64url: anything else cannot be one of ours. */
export function looksLikeInvitationToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
