import { describe, expect, it } from "vitest";
import { acceptanceDeadline } from "./acceptance";

describe("acceptanceDeadline", () => {
  it("gives the whole of the last day", () => {
    expect(acceptanceDeadline(new Date("2027-03-01T10:30:00Z"), 28).toISOString()).toBe("2027-03-29T23:59:59.999Z");
  });
  it("counts across a month end", () => {
    expect(acceptanceDeadline(new Date("2027-01-20T00:00:00Z"), 14).toISOString()).toBe("2027-02-03T23:59:59.999Z");
  });
});
