import { describe, expect, it } from "vitest";
import { formatDateTime } from "~/lib/dates";
import { acceptanceDeadline } from "./acceptance";

describe("acceptanceDeadline", () => {
  it("gives the whole of the last day in UK winter time (GMT)", () => {
    expect(acceptanceDeadline(new Date("2027-01-20T10:30:00Z"), 14).toISOString()).toBe("2027-02-03T23:59:59.999Z");
  });
  it("gives the whole of the last day in British Summer Time", () => {
    const deadline = acceptanceDeadline(new Date("2027-06-01T10:30:00Z"), 28);
    expect(deadline.toISOString()).toBe("2027-06-29T22:59:59.999Z");
    expect(formatDateTime(deadline)).toBe("29 June 2027 at 11:59pm");
  });
  it("counts from the UK day: just after midnight in summer is already the next day", () => {
    // 23:30 UTC on 1 June is 00:30 on 2 June in London.
    expect(acceptanceDeadline(new Date("2027-06-01T23:30:00Z"), 1).toISOString()).toBe("2027-06-03T22:59:59.999Z");
  });
  it("keeps the day across the change of clocks", () => {
    // Clocks go forward on 28 March 2027.
    expect(acceptanceDeadline(new Date("2027-03-20T12:00:00Z"), 9).toISOString()).toBe("2027-03-29T22:59:59.999Z");
  });
});
