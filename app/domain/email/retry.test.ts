import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterFailure, FIRST_RETRY_DELAY_MS, MAX_ATTEMPTS, MAX_RETRY_DELAY_MS, retryDelayMs } from "./retry";

const MINUTE = 60_000;

describe("retryDelayMs", () => {
  it.each([
    [1, 1 * MINUTE],
    [2, 2 * MINUTE],
    [3, 4 * MINUTE],
    [4, 8 * MINUTE],
    [5, 16 * MINUTE],
    [6, 32 * MINUTE],
    [7, 60 * MINUTE],
    [8, 60 * MINUTE],
    [1000, 60 * MINUTE],
  ])("waits after %i failed attempts %i ms", (attempts, expected) => {
    expect(retryDelayMs(attempts)).toBe(expected);
  });

  it("never shrinks and stays between the first delay and the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (attempts) => {
        const delay = retryDelayMs(attempts);
        expect(delay).toBeGreaterThanOrEqual(FIRST_RETRY_DELAY_MS);
        expect(delay).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
        expect(retryDelayMs(attempts + 1)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses %s attempts", (attempts) => {
    expect(() => retryDelayMs(attempts)).toThrow(RangeError);
  });
});

describe("afterFailure", () => {
  const now = new Date("2026-03-05T12:00:00Z");

  it("schedules the next try by the back-off", () => {
    expect(afterFailure(3, now)).toEqual({ status: "pending", nextAttemptAt: new Date(now.getTime() + 4 * MINUTE) });
  });

  it("gives up at the last attempt", () => {
    expect(afterFailure(MAX_ATTEMPTS - 1, now).status).toBe("pending");
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
    expect(afterFailure(2, now, 2)).toEqual({ status: "failed" });
  });

  it("rides out a few hours of outage before giving up", () => {
    let waited = 0;
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) waited += retryDelayMs(attempt);
    expect(waited).toBeGreaterThanOrEqual(3 * 60 * MINUTE);
  });
});
