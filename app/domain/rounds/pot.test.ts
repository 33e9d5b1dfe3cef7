import { describe, expect, it } from "vitest";
import { potPence, roundPhase } from "./pot";

describe("pot", () => {
  it("adds base allocation, money rolled forward and match funding", () => {
    // The report's Durham figures: £485,577 allocation + £27,150 rolled forward.
    expect(potPence({ baseAllocationPence: 48_557_700, rolledForwardPence: 2_715_000, matchFundingPence: 5_000_000 })).toBe(56_272_700);
  });
});

describe("roundPhase", () => {
  const round = { opensAt: new Date("2026-01-01T09:00:00Z"), closesAt: new Date("2026-02-01T12:00:00Z") };
  it("is open from the opening moment until just before the deadline", () => {
    expect(roundPhase(round, new Date("2026-01-01T08:59:59Z"))).toBe("upcoming");
    expect(roundPhase(round, new Date("2026-01-01T09:00:00Z"))).toBe("open");
    expect(roundPhase(round, new Date("2026-02-01T11:59:59.999Z"))).toBe("open");
    expect(roundPhase(round, new Date("2026-02-01T12:00:00Z"))).toBe("closed");
  });
});
