import { describe, expect, it } from "vitest";
import { checkInvitationCap, stagePhase } from "./invitation-cap";

describe("the invitation cap", () => {
  it("allows a total equal to the cap and refuses a penny more", () => {
    expect(checkInvitationCap([60_000_00, 40_000_00], 100_000_00)).toEqual({ totalPence: 100_000_00, capPence: 100_000_00, withinCap: true, overByPence: 0 });
    expect(checkInvitationCap([60_000_00, 40_000_01], 100_000_00)).toMatchObject({ withinCap: false, overByPence: 1 });
  });
  it("treats nothing chosen as within any cap", () => {
    expect(checkInvitationCap([], 0).withinCap).toBe(true);
  });
});

describe("the stage of a two-stage round", () => {
  const round = { opensAt: new Date("2026-01-01T00:00Z"), eoiClosesAt: new Date("2026-02-01T00:00Z"), closesAt: new Date("2026-04-01T00:00Z") };
  it("moves from upcoming to expressions of interest, to full bids, to closed", () => {
    expect(stagePhase(round, new Date("2025-12-31T23:59Z"))).toBe("upcoming");
    expect(stagePhase(round, new Date("2026-01-15T00:00Z"))).toBe("eoi_open");
    expect(stagePhase(round, new Date("2026-02-01T00:00Z"))).toBe("eoi_closed");
    expect(stagePhase(round, new Date("2026-04-01T00:00Z"))).toBe("closed");
  });
});
