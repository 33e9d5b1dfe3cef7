// Invitations to join an organisation. The link carries a random token; only its SHA-256 hash
// is stored, so a copy of the database cannot be used to join anyone's organisation.
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { formatDateTime } from "~/lib/dates";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { invalid, notFound, type Result } from "~/lib/refusal";
import { renderOrganisationInvitation } from "../../../emails";
import { INVITATION_LIFETIME_MS, invitationStatus, looksLikeInvitationToken, type InvitationStatus } from "./invitation-status";

export function hashInvitationToken(token: string) {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type InviteResult = Result<{ invitationId: string }>;

/**
 * A member invites a colleague by email: the invitation and its email are written in one
 * transaction, so there is never an invitation nobody was told about (or the reverse).
 */
export async function inviteColleague(input: {
  organisationId: string;
  inviter: { id: string; name: string };
  email: string;
  now?: Date;
}): Promise<InviteResult> {
  const now = input.now ?? new Date();
  const { organisationId, inviter, email } = input;
  const organisation = await db.organisation.findFirst({
    where: { id: organisationId, members: { some: { userId: inviter.id } } },
    select: { id: true, name: true },
  });
  if (!organisation) return notFound();

  const member = await db.membership.findFirst({ where: { organisationId, user: { email } }, select: { id: true } });
  if (member) return invalid({ email: `${email} is already a member of ${organisation.name}` });
  const pending = await db.organisationInvitation.findFirst({
    where: { organisationId, email, acceptedAt: null, expiresAt: { gt: now } },
    orderBy: { expiresAt: "desc" },
    select: { expiresAt: true },
  });
  if (pending) {
    return invalid({ email: `You have already invited ${email}. The invitation works until ${formatDateTime(pending.expiresAt)}` });
  }

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  // Rendered before the transaction: React Email's render is asynchronous.
  const rendered = await renderOrganisationInvitation({
    organisationName: organisation.name,
    inviterName: inviter.name,
    acceptUrl: new URL(`/invitations/${token}`, env().APP_URL).toString(),
    expiresAt,
  });
  return db.$transaction(async (tx): Promise<InviteResult> => {
    const stillMember = await tx.membership.count({ where: { organisationId, userId: inviter.id } });
    if (stillMember === 0) return notFound();
    const invitation = await tx.organisationInvitation.create({
      data: { organisationId, email, tokenHash: hashInvitationToken(token), invitedById: inviter.id, expiresAt },
      select: { id: true },
    });
    await queueEmail(tx, { idempotencyKey: emailKeys.organisationInvitation(invitation.id), to: email, rendered, carriesSecret: true });
    await recordAudit(
      {
        actorId: inviter.id,
        action: "organisation.invitation_sent",
        subjectType: "organisation",
        subjectId: organisationId,
        details: { invitationId: invitation.id, email },
      },
      tx,
    );
    return { ok: true, invitationId: invitation.id };
  });
}

/** The invitation a link's token stands for, or null for a token we never issued. */
export async function findInvitationByToken(token: string) {
  if (!looksLikeInvitationToken(token)) return null;
  return db.organisationInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      email: true,
      expiresAt: true,
      acceptedAt: true,
      organisation: { select: { id: true, name: true } },
      invitedBy: { select: { name: true } },
    },
  });
}

export type AcceptResult = { ok: true; organisationId: string } | { ok: false; reason: "unknown" | Exclude<InvitationStatus, "valid"> | "wrong_account" };

/**
 * Accepts an invitation for the signed-in applicant whose email it was sent to. Marking it
 * accepted is conditional (still unaccepted and unexpired), so a double submit or two tabs
 * accept it once.
 */
export async function acceptInvitation(token: string, user: { id: string; email: string }, now = new Date()): Promise<AcceptResult> {
  const invitation = await findInvitationByToken(token);
  if (!invitation) return { ok: false, reason: "unknown" };
  const status = invitationStatus(invitation, now);
  if (status !== "valid") return { ok: false, reason: status };
  if (invitation.email !== user.email.toLowerCase()) {
    await recordAudit({
      actorId: user.id,
      action: "organisation.invitation_refused",
      outcome: "refused",
      subjectType: "organisation",
      subjectId: invitation.organisation.id,
      details: { invitationId: invitation.id, reason: "signed in with a different email address" },
    });
    return { ok: false, reason: "wrong_account" };
  }
  const organisationId = invitation.organisation.id;
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.organisationInvitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (count !== 1) return { ok: false, reason: "accepted" } as const;
      const existing = await tx.membership.findUnique({ where: { organisationId_userId: { organisationId, userId: user.id } }, select: { id: true } });
      if (!existing) await tx.membership.create({ data: { organisationId, userId: user.id, role: "member" } });
      await recordAudit(
        {
          actorId: user.id,
          action: "organisation.invitation_accepted",
          subjectType: "organisation",
          subjectId: organisationId,
          details: { invitationId: invitation.id },
        },
        tx,
      );
      return { ok: true, organisationId } as const;
    });
  } catch (error) {
    // Joined at the same moment through another invitation: already a member is the goal.
    if (isUniqueViolation(error)) return { ok: true, organisationId };
    throw error;
  }
}
