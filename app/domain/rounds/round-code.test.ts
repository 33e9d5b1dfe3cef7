import { describe, expect, it } from "vitest";
import { normaliseRoundCode, roundCodeLock, roundCodeLockedMessage, roundSlugFor } from "./round-code";

describe("roundCodeLock", () => {
  const round = { opensAt: new Date("2026-04-01T08:00:00Z") };

  it("leaves the code free before the round opens while no bid has a reference", () => {
    expect(roundCodeLock(round, null, new Date("2026-04-01T07:59:59.999Z"))).toBeNull();
  });

  it("locks the code from the moment the round opens", () => {
    expect(roundCodeLock(round, null, new Date("2026-04-01T08:00:00Z"))).toEqual({ reason: "opened" });
  });

  it("locks the code once any bid has a reference, even before the opening time, and names the reference", () => {
    expect(roundCodeLock(round, "CSF-2627-R1-0001", new Date("2026-03-01T00:00:00Z"))).toEqual({ reason: "referenced", reference: "CSF-2627-R1-0001" });
    expect(roundCodeLock(round, "CSF-2627-R1-0001", new Date("2026-05-01T00:00:00Z"))).toMatchObject({ reason: "referenced" });
  });
});

describe("round codes and slugs", () => {
  it("compares codes as the form stores them", () => {
    expect(normaliseRoundCode(" 2627-r1 ")).toBe("2627-R1");
  });

  it("makes the slug from the code, as creating a round does", () => {
    expect(roundSlugFor("2627-R2")).toBe("2627-r2");
    expect(roundSlugFor(" 2627-r2")).toBe("2627-r2");
  });

  it("says why the code is locked", () => {
    expect(roundCodeLockedMessage({ reason: "referenced", reference: "CSF-2627-R1-0003" })).toContain("like CSF-2627-R1-0003");
    expect(roundCodeLockedMessage({ reason: "opened" })).toBe("The round has opened, so the round code cannot be changed");
  });
});
