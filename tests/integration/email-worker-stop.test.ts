// Stopping the outbox sender (a deploy, a scale-in): it claims nothing more, finishes the email in
// hand when it can, and otherwise hands the claim back so another sender takes it at once
// instead of after the claim runs out (ADR 0005, ADR 0013).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueEmail } from "~/domain/email/outbox.server";
import { createOutboxSender, startOutboxWorker } from "~/domain/email/sender.server";
import { db } from "~/lib/db.server";
import { startEachTestEmpty } from "../support/database";
import { startMailServer, type TestMailServer } from "../support/mail-server";

startEachTestEmpty();

let mail: TestMailServer;
beforeEach(async () => {
  mail = await startMailServer();
});
afterEach(async () => {
  await mail.stop();
});

async function queueSome(count: number) {
  for (let i = 0; i < count; i += 1) {
    await queueEmail(db, {
      idempotencyKey: `stop-test:${i}`,
      to: `person${i}@example.org`,
      rendered: { template: "test", subject: `Email ${i}`, html: `<p>${i}</p>`, text: `${i}` },
    });
  }
}

const until = async (check: () => boolean | Promise<boolean>) => {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

const statuses = async () =>
  (await db.outboxEmail.findMany({ orderBy: { idempotencyKey: "asc" }, select: { status: true, attempts: true, lockedUntil: true } })).map((r) => r.status);

describe("stopping the sender", () => {
  it("finishes the email in hand, claims no more, and leaves the rest pending for the next sender", async () => {
    await queueSome(5);
    mail.slowDown(300);
    const log = { info: () => {}, error: () => {} };
    const stop = startOutboxWorker({ sender: createOutboxSender({ smtpUrl: mail.url }), log });
    await until(async () => (await db.outboxEmail.count({ where: { status: "sending" } })) === 1);
    await stop({ graceMs: 10_000 });
    expect(mail.received).toHaveLength(1);
    expect((await statuses()).sort()).toEqual(["pending", "pending", "pending", "pending", "sent"]);
  });

  it("hands back an email whose send outlasts the grace period, with its attempt, free for another sender now", async () => {
    await queueSome(1);
    mail.slowDown(3_000);
    const log = { info: () => {}, error: () => {} };
    const stop = startOutboxWorker({ sender: createOutboxSender({ smtpUrl: mail.url }), log });
    await until(async () => (await db.outboxEmail.count({ where: { status: "sending" } })) === 1);
    await stop({ graceMs: 200 });
    const row = await db.outboxEmail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 0, lockedUntil: null });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    // Another sender takes it at once, not when the old claim would have run out.
    const report = await createOutboxSender({ smtpUrl: mail.url }).deliverDue();
    expect(report.sent).toBe(1);
    expect(await statuses()).toEqual(["sent"]);
  });
});
