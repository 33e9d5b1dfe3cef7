// Deadline reminders queued into the outbox, on the database under test.
import { describe, expect, it } from "vitest";
import { queueDeadlineReminders } from "~/domain/email/deadline-reminders.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { db } from "~/lib/db.server";
import { signedInAs } from "../support/app";
import { applicantWithOrganisation, createDraft, createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const DAY = 24 * 60 * 60 * 1000;

/** A round closing `closesIn` from now, with an organisation of two members and a draft bid in it. */
async function draftInRoundClosingIn(closesIn: number) {
  const now = new Date();
  const round = await createRound({ closesAt: new Date(now.getTime() + closesIn) });
  const { user, organisation } = await applicantWithOrganisation();
  const { user: colleague } = await signedInAs("applicant");
  await db.membership.create({ data: { organisationId: organisation.id, userId: colleague.id } });
  const bid = await createDraft(round.id, organisation.id, user.id);
  await db.bid.update({ where: { id: bid.id }, data: { title: "Friday night detached youth work" } });
  return { now, round, bid, users: [user, colleague] };
}

describe("queueing deadline reminders", () => {
  it("queues one reminder for each member of the organisation, with the round and a link to the bid", async () => {
    const { now, round, bid, users } = await draftInRoundClosingIn(3 * DAY);
    expect(await queueDeadlineReminders(now)).toBe(2);
    const emails = await db.outboxEmail.findMany({ orderBy: { toAddress: "asc" } });
    expect(emails.map((e) => e.toAddress).sort()).toEqual(users.map((u) => u.email).sort());
    for (const user of users) {
      const email = emails.find((e) => e.toAddress === user.email)!;
      expect(email).toMatchObject({ template: "deadline-reminder", status: "pending", idempotencyKey: emailKeys.deadlineReminder(round.id, user.id, 7) });
      expect(email.subject).toContain(`Reminder: ${round.name} closes on`);
      expect(email.text).toContain("Friday night detached youth work");
      expect(email.text).toContain(`http://localhost:3000/applicant/bids/${bid.id}`);
    }
  });

  it("adds nothing when run again, however often, even by two workers at once", async () => {
    const { now } = await draftInRoundClosingIn(3 * DAY);
    const racing = await Promise.all([queueDeadlineReminders(now), queueDeadlineReminders(now)]);
    expect(racing[0]! + racing[1]!).toBe(2);
    for (let i = 1; i <= 3; i++) expect(await queueDeadlineReminders(new Date(now.getTime() + i * 5_000))).toBe(0);
    expect(await db.outboxEmail.count()).toBe(2);
  });

  it("sends the 1-day reminder as a second email when the round is a day from closing", async () => {
    const { now, round, users } = await draftInRoundClosingIn(3 * DAY);
    await queueDeadlineReminders(now);
    const dayBefore = new Date(round.closesAt.getTime() - DAY + 60_000);
    expect(await queueDeadlineReminders(dayBefore)).toBe(2);
    expect(await db.outboxEmail.count({ where: { idempotencyKey: emailKeys.deadlineReminder(round.id, users[0]!.id, 1) } })).toBe(1);
    expect(await db.outboxEmail.count()).toBe(4);
  });

  it("sends nothing more than a week before closing", async () => {
    const { now } = await draftInRoundClosingIn(10 * DAY);
    expect(await queueDeadlineReminders(now)).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("sends nothing for a submitted bid", async () => {
    const { now, bid } = await draftInRoundClosingIn(3 * DAY);
    await db.bid.update({ where: { id: bid.id }, data: { status: "submitted", submittedAt: now, reference: "CSF-2526-R1-0001" } });
    expect(await queueDeadlineReminders(now)).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("sends nothing once the round has closed", async () => {
    const { round } = await draftInRoundClosingIn(3 * DAY);
    expect(await queueDeadlineReminders(new Date(round.closesAt.getTime() + 1))).toBe(0);
    expect(await queueDeadlineReminders(round.closesAt)).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
  });
});
