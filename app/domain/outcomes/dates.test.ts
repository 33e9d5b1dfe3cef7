import { describe, expect, it } from "vitest";
import { acceptanceDeadline } from "~/domain/awards/acceptance";
import { formatAcceptBy } from "./dates";

describe("formatAcceptBy", () => {
  it("names the deadline's own day, in summer time as in winter", () => {
    // Released at 10am on 1 July (BST) with 28 days: the deadline is the end of 29 July in London.
    expect(formatAcceptBy(acceptanceDeadline(new Date("2026-07-01T09:00:00Z"), 28))).toBe("29 July 2026");
    expect(formatAcceptBy(acceptanceDeadline(new Date("2026-01-10T23:30:00Z"), 1))).toBe("11 January 2026");
  });
});
