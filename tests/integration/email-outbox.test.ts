// Queueing: an email is written in the same transaction as the change that causes it, once per
// idempotency key, on the database under test.
import { describe, expect, it } from "vitest";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db } from "~/lib/db.server";
import { EMAIL_TEMPLATES } from "../../emails";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

async function submittedBid() {
  const user = await db.user.create({ data: { email: "applicant@example.org", name: "Nia Brown", role: "applicant", passwordHash: "not-used" } });
  const fund = await db.fund.create({ data: { slug: "csf", code: "CSF", name: "Community Safety Fund", description: "" } });
  const round = await db.round.create({
    data: {
      fundId: fund.id,
      slug: "r1",
      code: "2526-R1",
      name: "2025 to 2026, round 1",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      baseAllocationPence: 10_000_000,
      remainingPotPence: 10_000_000,
      minAwardPence: 100_000,
      maxAwardPence: 2_500_000,
    },
  });
  const organisation = await db.organisation.create({
    data: {
      name: "Darlington Youth Outreach",
      type: "registered_charity",
      addressLine1: "12 Bondgate",
      town: "Darlington",
      postcode: "DL3 7JJ",
      contactName: "Nia Brown",
      contactEmail: user.email,
    },
  });
  return db.bid.create({
    data: {
      roundId: round.id,
      organisationId: organisation.id,
      createdById: user.id,
      reference: "CSF-2526-R1-0001",
      status: "submitted",
      title: "Street safe",
      amountRequestedPence: 500_000,
      submittedAt: new Date(),
    },
  });
}

/** Releases a decline decision the way the outcome code must: the change and its email together. */
function releaseDecline(bidId: string, rendered: Awaited<ReturnType<(typeof EMAIL_TEMPLATES)["outcome-decline"]["renderSample"]>>, failAfterInsert = false) {
  return db.$transaction(async (tx) => {
    const bid = await tx.bid.update({
      where: { id: bidId },
      data: { status: "declined", feedback: "Outcomes were hard to measure.", decidedAt: new Date(), decisionVersion: { increment: 1 } },
    });
    const queued = await queueEmail(tx, { idempotencyKey: emailKeys.outcome(bid.id, bid.decisionVersion), to: "applicant@example.org", rendered });
    if (failAfterInsert) throw new Error("injected failure after the decision and its email were written");
    return queued;
  });
}

describe("queueing an email with the change that causes it", () => {
  it("writes neither the decision nor the email when the transaction fails after both inserts", async () => {
    const bid = await submittedBid();
    const rendered = await EMAIL_TEMPLATES["outcome-decline"].renderSample();
    await expect(releaseDecline(bid.id, rendered, true)).rejects.toThrow("injected failure");

    const after = await db.bid.findUniqueOrThrow({ where: { id: bid.id } });
    expect(after).toMatchObject({ status: "submitted", feedback: null, decisionVersion: 0, decidedAt: null });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("writes both when the transaction commits, as a pending email with a stable Message-ID", async () => {
    const bid = await submittedBid();
    const rendered = await EMAIL_TEMPLATES["outcome-decline"].renderSample();
    expect(await releaseDecline(bid.id, rendered)).toBe(true);

    expect((await db.bid.findUniqueOrThrow({ where: { id: bid.id } })).status).toBe("declined");
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `outcome:${bid.id}:1` } });
    expect(row).toMatchObject({
      status: "pending",
      attempts: 0,
      template: "outcome-decline",
      toAddress: "applicant@example.org",
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
    });
    expect(row.messageId).toMatch(/^<[0-9a-f]{32}@localhost>$/);
  });

  it("adds no second email for the same key", async () => {
    const rendered = await EMAIL_TEMPLATES["submission-receipt"].renderSample();
    const key = emailKeys.submissionReceipt("bid-1");
    expect(await queueEmail(db, { idempotencyKey: key, to: "nia@example.org", rendered })).toBe(true);
    expect(await queueEmail(db, { idempotencyKey: key, to: "nia@example.org", rendered })).toBe(false);
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("queues a new email for a new decision version", async () => {
    const bid = await submittedBid();
    const rendered = await EMAIL_TEMPLATES["outcome-decline"].renderSample();
    await releaseDecline(bid.id, rendered);
    await releaseDecline(bid.id, rendered);
    expect((await db.outboxEmail.findMany({ orderBy: { idempotencyKey: "asc" } })).map((e) => e.idempotencyKey)).toEqual([
      `outcome:${bid.id}:1`,
      `outcome:${bid.id}:2`,
    ]);
  });
});
