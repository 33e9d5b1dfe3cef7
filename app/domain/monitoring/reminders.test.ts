import { describe, expect, it } from "vitest";
import { dueReportReminder } from "./reminders";

const DAY = 24 * 60 * 60 * 1000;
const due = new Date("2027-10-01T00:00:00Z");
const at = (days: number) => new Date(due.getTime() + days * DAY);

describe("dueReportReminder", () => {
  it("owes nothing more than 14 days before the due date", () => {
    expect(dueReportReminder(due, at(-14.01))).toBeNull();
  });

  it("owes the latest reminder whose time has come", () => {
    expect(dueReportReminder(due, at(-14))).toBe("before-14");
    expect(dueReportReminder(due, at(-2))).toBe("before-14");
    expect(dueReportReminder(due, at(-1))).toBe("before-1");
    expect(dueReportReminder(due, at(0.5))).toBe("before-1");
    expect(dueReportReminder(due, at(1))).toBe("overdue-1");
    expect(dueReportReminder(due, at(6.9))).toBe("overdue-1");
    expect(dueReportReminder(due, at(7))).toBe("overdue-7");
    expect(dueReportReminder(due, at(400))).toBe("overdue-7");
  });
});
