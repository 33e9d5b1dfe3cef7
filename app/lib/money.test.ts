import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatPounds, parsePounds, penceToInput } from "./money";

describe("parsePounds", () => {
  it.each([
    ["£12,500", 1_250_000],
    ["12500.50", 1_250_050],
    ["12500.5", 1_250_050],
    [" £ 1,234.05 ", 123_405],
    ["0", 0],
    ["0.01", 1],
  ])("reads %s as %i pence", (input, expected) => {
    expect(parsePounds(input)).toEqual({ ok: true, pence: expected });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["12a", "format"],
    ["-5", "format"],
    ["1.234", "format"],
    ["1,23", "format"],
    ["£", "empty"],
    ["1e5", "format"],
    ["10000000.01", "too_large"],
    ["99999999999", "too_large"],
  ])("refuses %j (%s)", (input, reason) => {
    expect(parsePounds(input)).toEqual({ ok: false, reason });
  });

  it("round-trips every amount through the form value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (amount) => {
        expect(parsePounds(penceToInput(amount))).toEqual({ ok: true, pence: amount });
      }),
    );
  });
});

describe("formatPounds", () => {
  it("shows pounds with separators and pence", () => {
    expect(formatPounds(1_234_567)).toBe("£12,345.67");
    expect(formatPounds(0)).toBe("£0.00");
  });
});
