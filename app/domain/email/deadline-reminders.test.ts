import { describe, expect, it } from "vitest";
import { dueReminders, reminderDueFor, type ReminderRound } from "./deadline-reminders";

const DAY = 24 * 60 * 60 * 1000;
const closesAt = new Date("2026-03-31T12:00:00Z");
const opensAt = new Date("2026-01-01T09:00:00Z");
const before = (ms: number) => new Date(closesAt.getTime() - ms);

describe("reminderDueFor", () => {
  it("is due 7 days before closing, then 1 day before", () => {
    expect(reminderDueFor({ opensAt, closesAt }, before(8 * DAY))).toBeNull();
    expect(reminderDueFor({ opensAt, closesAt }, before(7 * DAY + 1))).toBeNull();
    expect(reminderDueFor({ opensAt, closesAt }, before(7 * DAY))).toBe(7);
    expect(reminderDueFor({ opensAt, closesAt }, before(3 * DAY))).toBe(7);
    expect(reminderDueFor({ opensAt, closesAt }, before(DAY))).toBe(1);
    expect(reminderDueFor({ opensAt, closesAt }, before(60_000))).toBe(1);
  });

  it("is never due once the round has closed, or before it opens", () => {
    expect(reminderDueFor({ opensAt, closesAt }, closesAt)).toBeNull();
    expect(reminderDueFor({ opensAt, closesAt }, new Date(closesAt.getTime() + DAY))).toBeNull();
    const lateOpening = { opensAt: before(2 * DAY), closesAt };
    expect(reminderDueFor(lateOpening, before(3 * DAY))).toBeNull();
    expect(reminderDueFor(lateOpening, before(2 * DAY))).toBe(7);
  });
});

describe("dueReminders", () => {
  const member = (userId: string, disabled = false) => ({ userId, email: `${userId}@example.org`, name: userId, disabled });
  const round = (bids: ReminderRound["bids"]): ReminderRound => ({ id: "r1", opensAt, closesAt, bids });

  it("reminds every member of an organisation with a draft, once each, about their oldest draft", () => {
    const rounds = [
      round([
        { id: "b2", title: "Newer", status: "draft", createdAt: new Date("2026-02-02"), members: [member("asha"), member("ben")] },
        { id: "b1", title: "Older", status: "draft", createdAt: new Date("2026-02-01"), members: [member("asha")] },
      ]),
    ];
    const due = dueReminders(rounds, before(DAY));
    expect(due).toEqual([
      { roundId: "r1", userId: "asha", email: "asha@example.org", name: "asha", daysBefore: 1, bidId: "b1", bidTitle: "Older" },
      { roundId: "r1", userId: "ben", email: "ben@example.org", name: "ben", daysBefore: 1, bidId: "b2", bidTitle: "Newer" },
    ]);
  });

  it("leaves out submitted bids, disabled accounts and rounds with nothing due", () => {
    const rounds = [
      round([
        { id: "b1", title: "Sent", status: "submitted", createdAt: opensAt, members: [member("asha")] },
        { id: "b2", title: "Draft", status: "draft", createdAt: opensAt, members: [member("ben", true)] },
      ]),
    ];
    expect(dueReminders(rounds, before(DAY))).toEqual([]);
    const draft = [round([{ id: "b3", title: "Draft", status: "draft", createdAt: opensAt, members: [member("cal")] }])];
    expect(dueReminders(draft, before(10 * DAY))).toEqual([]);
    expect(dueReminders(draft, closesAt)).toEqual([]);
    expect(dueReminders(draft, before(5 * DAY))).toHaveLength(1);
  });
});
