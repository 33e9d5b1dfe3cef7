import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates";

describe("UK dates", () => {
  it("shows winter times in GMT and summer times in BST", () => {
    expect(formatDateTime("2026-01-15T17:00:00Z")).toBe("15 January 2026 at 5pm");
    expect(formatDateTime("2026-07-15T17:00:00Z")).toBe("15 July 2026 at 6pm");
  });

  it("names midday and midnight", () => {
    expect(formatDateTime("2026-01-15T12:00:00Z")).toBe("15 January 2026 at midday");
    expect(formatDateTime("2026-01-15T00:00:00Z")).toBe("15 January 2026 at midnight");
    expect(formatDateTime("2026-01-15T09:30:00Z")).toBe("15 January 2026 at 9:30am");
  });

  it("uses the London date near midnight", () => {
    expect(formatDate("2026-06-30T23:30:00Z")).toBe("1 July 2026");
  });
});
