// The transactional outbox (DESIGN.md "Email", ADR 0005): an email is a row written in the same
// transaction as the change that causes it; a worker sends it later. Render first (async),
// then queue inside the transaction.
import { randomBytes } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { isPlainAddress, singleLine } from "./header-safety";

type Tx = Pick<Db, "outboxEmail">;

export type RenderedEmail = { template: string; subject: string; html: string; text: string };

/**
 * Queues an email once: a second call with the same idempotency key adds nothing.
 * Returns true when a row was written.
 *
 * The unique index on idempotencyKey is the real guarantee: if two transactions race past the
 * lookup, the second one's insert fails and its whole change rolls back with it.
 */
export type QueuedEmail = {
  idempotencyKey: string;
  to: string;
  rendered: RenderedEmail;
  /** The body holds a live one-time link (reset, invitation): it is cleared once sent (ADR 0018). */
  carriesSecret?: boolean;
};

export async function queueEmail(tx: Tx, email: QueuedEmail): Promise<boolean> {
  const to = email.to.trim();
  // A bad address is a bug in the caller (addresses are validated when they are saved); failing
  // here rolls back the change rather than queueing mail that can never go.
  if (!isPlainAddress(to)) throw new Error(`queueEmail: "${singleLine(to)}" is not a single plain email address`);
  const existing = await tx.outboxEmail.findUnique({ where: { idempotencyKey: email.idempotencyKey }, select: { id: true } });
  if (existing) return false;
  await tx.outboxEmail.create({ data: outboxEmailData(email) });
  return true;
}

/**
 * The outbox row for an email, for a batch transaction (`$transaction([...])`) that cannot look
 * the key up first: there a taken idempotency key fails the insert (P2002) and rolls back the batch.
 */
export function outboxEmailData(email: QueuedEmail) {
  const to = email.to.trim();
  if (!isPlainAddress(to)) throw new Error(`outbox: "${singleLine(to)}" is not a single plain email address`);
  const domain = new URL(env().APP_URL).hostname || "community-safety-fund.localhost";
  return {
    idempotencyKey: email.idempotencyKey,
    template: email.rendered.template,
    toAddress: to,
    subject: singleLine(email.rendered.subject),
    html: email.rendered.html,
    text: email.rendered.text,
    messageId: `<${randomBytes(16).toString("hex")}@${domain}>`,
    carriesSecret: email.carriesSecret ?? false,
  };
}
