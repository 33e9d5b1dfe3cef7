// Registration in two steps (ADR 0021). Step one takes only an email address and always answers
// "check your email", after the same work whatever the address: an email is rendered, queued in
// the outbox and audited. A new address gets a sealed link to finish registering; an address with
// an account gets word that it already has one. Step two, from the link, takes a name and a
// password and creates the account, so an account only ever exists for an address whose owner
// read the email.
import { randomUUID } from "node:crypto";
import { recordAudit } from "~/domain/audit/audit.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { renderRegistrationAccountExists, renderRegistrationLink, type RenderedEmail } from "../../../emails";
import type { FinishRegistrationInput } from "./accounts.schema";
import { hashPassword } from "./password.server";
import { openRegistrationLink, REGISTRATION_LINK_LIFETIME_MS, sealRegistrationLink } from "./registration-link.server";

export type RegistrationRequestOutcome = "link_sent" | "account_exists";

/**
 * Someone asks to register `email`. The caller answers the same whatever the outcome; it is
 * returned for tests only. `redirectTo` (already checked as a same-site path) rides in the link,
 * e.g. back to an organisation invitation.
 */
export async function requestRegistration(email: string, redirectTo: string, now = new Date()): Promise<RegistrationRequestOutcome> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  const url = (path: string, query?: Record<string, string>) => {
    const link = new URL(path, env().APP_URL);
    if (query) link.search = new URLSearchParams(query).toString();
    return link.toString();
  };
  // Rendered before the transaction: React Email's render is asynchronous.
  let rendered: RenderedEmail;
  if (user) {
    rendered = await renderRegistrationAccountExists({
      recipientName: user.name,
      signInUrl: url("/sign-in", redirectTo ? { redirectTo } : undefined),
      forgotPasswordUrl: url("/forgot-password"),
    });
  } else {
    const token = sealRegistrationLink({ email, redirectTo, expiresAt: new Date(now.getTime() + REGISTRATION_LINK_LIFETIME_MS) });
    rendered = await renderRegistrationLink({ finishUrl: url(`/register/${token}`), expiresInHours: REGISTRATION_LINK_LIFETIME_MS / 3_600_000 });
  }
  const outcome: RegistrationRequestOutcome = user ? "account_exists" : "link_sent";
  await db.$transaction(async (tx) => {
    // The link-bearing email is cleared after sending (ADR 0018); word that an account exists
    // carries nothing secret.
    await queueEmail(tx, { idempotencyKey: emailKeys.registration(randomUUID()), to: email, rendered, carriesSecret: !user });
    await recordAudit(
      {
        actorId: null,
        action: "user.registration_requested",
        subjectType: "user",
        subjectId: user?.id ?? null,
        details: user ? { accountExists: true } : { email },
      },
      tx,
    );
  });
  return outcome;
}

export type RegistrationLinkStatus = "valid" | "used" | "expired" | "unknown";

export type RegistrationLinkCheck = { status: "valid"; email: string; redirectTo: string } | { status: Exclude<RegistrationLinkStatus, "valid"> };

/** What a link is worth now: an account already made with it makes it "used". */
export async function checkRegistrationLink(token: string, now = new Date()): Promise<RegistrationLinkCheck> {
  const link = openRegistrationLink(token);
  if (!link) return { status: "unknown" };
  if ((await db.user.count({ where: { email: link.email } })) > 0) return { status: "used" };
  if (now >= link.expiresAt) return { status: "expired" };
  return { status: "valid", email: link.email, redirectTo: link.redirectTo };
}

export type FinishRegistrationResult = { ok: true; userId: string; redirectTo: string } | { ok: false; reason: Exclude<RegistrationLinkStatus, "valid"> };

/** Creates the applicant account the link was sent for; a second use (or a race) finds it "used". */
export async function finishRegistration(token: string, input: FinishRegistrationInput, now = new Date()): Promise<FinishRegistrationResult> {
  const check = await checkRegistrationLink(token, now);
  if (check.status !== "valid") return { ok: false, reason: check.status };
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: check.email, name: input.name, passwordHash, role: "applicant" } });
      await recordAudit(
        { actorId: created.id, action: "user.registered", subjectType: "user", subjectId: created.id, after: { email: created.email, role: "applicant" } },
        tx,
      );
      return created;
    });
    return { ok: true, userId: user.id, redirectTo: check.redirectTo };
  } catch (error) {
    // Two tabs finishing at once: the unique email lets one account through.
    if (isUniqueViolation(error)) return { ok: false, reason: "used" };
    throw error;
  }
}
