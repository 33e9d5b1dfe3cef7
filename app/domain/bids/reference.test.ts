import { describe, expect, it } from "vitest";
import { formatBidReference } from "./reference";

describe("bid references", () => {
  it("joins the fund code, round code and a 4-digit sequence", () => {
    expect(formatBidReference("CSF", "2526-R1", 42)).toBe("CSF-2526-R1-0042");
    expect(formatBidReference("CSF", "2526-R1", 1)).toBe("CSF-2526-R1-0001");
  });

  it("grows past 9999 rather than wrapping", () => {
    expect(formatBidReference("CSF", "2526-R1", 10_000)).toBe("CSF-2526-R1-10000");
  });

  it("refuses a sequence that is not a positive whole number", () => {
    expect(() => formatBidReference("CSF", "R1", 0)).toThrow(RangeError);
    expect(() => formatBidReference("CSF", "R1", 1.5)).toThrow(RangeError);
  });
});
