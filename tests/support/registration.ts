// Registering as a person does (ADR 0021): ask for a link at /register, read it from the email in
// the outbox, and finish at the link.
import { db } from "~/lib/db.server";
import { send } from "./app";

/** The path of the newest registration link emailed to `email` (the outbox body, before sending). */
export async function registrationLinkFor(email: string): Promise<string> {
  const row = await db.outboxEmail.findFirstOrThrow({
    where: { toAddress: email.toLowerCase(), template: "registration-link" },
    orderBy: { createdAt: "desc" },
  });
  const path = /\/register\/[A-Za-z0-9_-]+/.exec(row.text)?.[0];
  if (!path) throw new Error(`no registration link in the email to ${email}`);
  return path;
}

export type Registration = { name: string; email: string; password: string; redirectTo?: string; clientAddress?: string };

/** Both steps; returns the response to the second (a redirect with the session cookie when it worked). */
export async function registerThroughLink({ name, email, password, redirectTo = "", clientAddress }: Registration) {
  const asked = await send(redirectTo ? `/register?${new URLSearchParams({ redirectTo })}` : "/register", {
    form: { email, redirectTo },
    clientAddress,
  });
  if (asked.status !== 200) throw new Error(`asking for a registration link answered ${asked.status}`);
  const link = await registrationLinkFor(email);
  return send(link, { form: { name, password, confirmPassword: password }, clientAddress });
}
