// Sends what the outbox holds (ADR 0005). Each email is claimed by one conditional UPDATE, so
// any number of senders can run against one database and none sends a row another has claimed.
// Delivery is at least once: a sender that stops between sending and marking leaves the row to
// be claimed again when its claim runs out; the stable Message-ID lets the receiving side
// recognise the repeat.
import { createTransport, type Transporter } from "nodemailer";
import { db as defaultDb, type Db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { singleLine } from "./header-safety";
import { afterFailure, MAX_ATTEMPTS } from "./retry";
import { repeatUntilStopped } from "~/lib/repeat.server";

/** Longer than one SMTP conversation can take (see the transport's timeouts below). */
export const CLAIM_MS = 5 * 60_000;

const ERROR_LIMIT = 1_000;

/** What a secret-carrying email's row holds once it has been sent. */
export const CLEARED_BODY_TEXT = "This email contained a one-time link. Its body was cleared after sending.\n";
export const CLEARED_BODY_HTML = "<p>This email contained a one-time link. Its body was cleared after sending.</p>";

export type OutboxSenderOptions = {
  db?: Db;
  /** Where mail goes: an smtp(s):// URL, or null for the built-in mailbox. Defaults to SMTP_URL. */
  smtpUrl?: string | null;
  /** The From header. Defaults to MAIL_FROM. */
  from?: string;
  /** The sender's clock; tests move it forward instead of waiting. */
  now?: () => Date;
  maxAttempts?: number;
  claimMs?: number;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number };

export type OutboxSender = {
  via: "smtp" | "mailbox";
  /**
   * Sends every email that is due now (including claims left behind by a stopped sender). Once
   * `signal` is aborted it claims nothing more and returns after the email in hand.
   */
  deliverDue(options?: { limit?: number; signal?: AbortSignal }): Promise<DeliveryReport>;
  /**
   * Hands back the emails this sender has claimed and not finished, so that another sender takes
   * them at once rather than when the claim runs out. For a shutdown that cannot wait any longer.
   */
  releaseClaims(): Promise<number>;
  close(): void;
};

type Claimed = { id: string; toAddress: string; subject: string; html: string; text: string; messageId: string; attempts: number; carriesSecret: boolean };

export function createOutboxSender(options: OutboxSenderOptions = {}): OutboxSender {
  const db = options.db ?? defaultDb;
  const smtpUrl = options.smtpUrl === undefined ? (env().SMTP_URL ?? null) : options.smtpUrl;
  const from = singleLine(options.from ?? env().MAIL_FROM);
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const claimMs = options.claimMs ?? CLAIM_MS;

  const transport: Transporter | null = smtpUrl
    ? createTransport({
        url: smtpUrl,
        // nodemailer waits minutes by default; a stuck server must not outlast the claim.
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
        // Our messages have no attachments; never let content make the sender read files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      })
    : null;

  const due = (at: Date) => ({
    OR: [
      { status: "pending", nextAttemptAt: { lte: at } },
      // A claim that ran out: its sender stopped (crash, restart) before marking the row.
      { status: "sending", lockedUntil: { lt: at } },
    ],
  });

  /** Rows claimed by this sender and not yet marked sent or failed. */
  const held = new Set<string>();

  /** Takes one row for this sender, or null if another sender got there first. */
  async function claim(id: string, at: Date): Promise<Claimed | null> {
    // One UPDATE whose WHERE re-checks that the row is still due. PostgreSQL re-evaluates it
    // against the latest committed row when two senders race (READ COMMITTED), and SQLite has
    // one writer at a time, so exactly one of them sees count 1.
    const { count } = await db.outboxEmail.updateMany({
      where: { id, ...due(at) },
      data: { status: "sending", lockedUntil: new Date(at.getTime() + claimMs), attempts: { increment: 1 } },
    });
    if (count !== 1) return null;
    held.add(id);
    return db.outboxEmail.findUniqueOrThrow({
      where: { id },
      select: { id: true, toAddress: true, subject: true, html: true, text: true, messageId: true, attempts: true, carriesSecret: true },
    });
  }

  async function send(email: Claimed) {
    if (!transport) return "mailbox" as const;
    await transport.sendMail({
      from,
      to: email.toAddress,
      // Also made one line when queued; checked again here for rows written some other way.
      subject: singleLine(email.subject),
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: { "Auto-Submitted": "auto-generated" },
    });
    return "smtp" as const;
  }

  async function markSent(email: Claimed, via: "smtp" | "mailbox") {
    const at = now();
    // A live link (reset, invitation) leaves the database once it has left by SMTP: the body is
    // replaced in the same update that marks the row sent (ADR 0018). In the demo mailbox the
    // row is the delivery, so it keeps its body.
    const cleared = email.carriesSecret && via === "smtp" ? { html: CLEARED_BODY_HTML, text: CLEARED_BODY_TEXT, bodyClearedAt: at } : {};
    await db.outboxEmail.updateMany({
      where: { id: email.id, status: "sending" },
      data: { status: "sent", sentAt: at, deliveredVia: via, lockedUntil: null, lastError: null, ...cleared },
    });
  }

  async function markFailed(email: Claimed, error: unknown): Promise<"retrying" | "failed"> {
    const next = afterFailure(email.attempts, now(), maxAttempts);
    await db.outboxEmail.updateMany({
      where: { id: email.id, status: "sending" },
      data:
        next.status === "failed"
          ? { status: "failed", lockedUntil: null, lastError: describeError(error) }
          : { status: "pending", nextAttemptAt: next.nextAttemptAt, lockedUntil: null, lastError: describeError(error) },
    });
    return next.status === "failed" ? "failed" : "retrying";
  }

  async function giveUpOnAbandonedClaims(at: Date) {
    // A row whose sender kept stopping mid-send (the process crashing on it) would otherwise be
    // claimed for ever; after the last attempt it waits for a person like any other failure.
    await db.outboxEmail.updateMany({
      where: { status: "sending", lockedUntil: { lt: at }, attempts: { gte: maxAttempts } },
      data: { status: "failed", lockedUntil: null, lastError: "The sender stopped while sending this email. It may have been delivered." },
    });
  }

  return {
    via: transport ? "smtp" : "mailbox",
    async deliverDue({ limit = 100, signal } = {}) {
      const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
      const at = now();
      await giveUpOnAbandonedClaims(at);
      const candidates = await db.outboxEmail.findMany({
        where: due(at),
        orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
        take: limit,
        select: { id: true },
      });
      for (const { id } of candidates) {
        if (signal?.aborted) break;
        const email = await claim(id, at);
        if (!email) continue;
        let via: "smtp" | "mailbox";
        try {
          via = await send(email);
        } catch (error) {
          report[await markFailed(email, error)] += 1;
          held.delete(email.id);
          continue;
        }
        await markSent(email, via);
        held.delete(email.id);
        report.sent += 1;
      }
      return report;
    },
    async releaseClaims() {
      if (held.size === 0) return 0;
      const ids = [...held];
      held.clear();
      // The attempt is given back too: it did not run to an answer. Should the mail server have
      // accepted the message after all, the next sender repeats it (at least once, ADR 0005).
      const { count } = await db.outboxEmail.updateMany({
        where: { id: { in: ids }, status: "sending" },
        data: { status: "pending", nextAttemptAt: now(), lockedUntil: null, attempts: { decrement: 1 } },
      });
      return count;
    },
    close() {
      transport?.close();
    },
  };
}

/** What an admin needs to see: the SMTP reply when there was one, kept short. */
function describeError(error: unknown): string {
  const { message, code, responseCode, response } = (error ?? {}) as { message?: string; code?: string; responseCode?: number; response?: string };
  const parts = [code, responseCode ? String(responseCode) : null, response ?? message ?? String(error)].filter(Boolean);
  return singleLine(parts.join(" ")).slice(0, ERROR_LIMIT);
}

export type OutboxWorkerOptions = {
  sender?: OutboxSender;
  intervalMs?: number;
  /** Keep the process alive for the worker alone (the standalone command); the web server does not. */
  keepAlive?: boolean;
  log?: Pick<Console, "error" | "info">;
};

/** How long a shutting-down process waits for the email in hand before handing its claim back. */
export const STOP_GRACE_MS = 20_000;

/**
 * Runs the sender every `intervalMs` until stopped. Inside the web server the timer is unref'd
 * so it never holds the process open. `stop()` waits for a round in progress to finish. For a
 * process shutting down, `stop({ graceMs })` claims nothing new, waits up to `graceMs` for the
 * email being sent, then releases any claim still held so another sender takes it at once.
 */
export function startOutboxWorker({ sender = createOutboxSender(), intervalMs = 2_000, keepAlive = false, log = console }: OutboxWorkerOptions = {}) {
  const stop = repeatUntilStopped(
    async (signal) => {
      const report = await sender.deliverDue({ signal });
      if (report.sent + report.retrying + report.failed > 0)
        log.info(`outbox: ${report.sent} sent (${sender.via}), ${report.retrying} to retry, ${report.failed} failed`);
    },
    // A database or network hiccup must not stop the loop: the rows are still there next time.
    { intervalMs, keepAlive, onError: (error) => log.error("outbox: delivery round failed", error) },
  );
  return async function stopOutboxWorker({ graceMs }: { graceMs?: number } = {}) {
    if (graceMs === undefined) {
      await stop();
      sender.close();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      stop({ abortRun: true }).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      const released = await sender.releaseClaims();
      log.info(`outbox: stopped while sending; ${released} claimed email(s) handed back`);
    }
    sender.close();
  };
}
