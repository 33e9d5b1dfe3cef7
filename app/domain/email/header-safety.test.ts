import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPlainAddress, singleLine } from "./header-safety";

describe("singleLine", () => {
  it.each([
    ["Bid received\r\nBcc: attacker@example.org", "Bid received Bcc: attacker@example.org"],
    ["Line one\nline two", "Line one line two"],
    ["Carriage\rreturn", "Carriage return"],
    ["Unicode\u2028line\u2029separators\u0085too", "Unicode line separators too"],
    ["Tabs\tand\u0000nulls", "Tabs and nulls"],
    ["  Plain title  ", "Plain title"],
    ["Café – £1,000 ✓", "Café – £1,000 ✓"],
  ])("makes %j one line", (input, expected) => {
    expect(singleLine(input)).toBe(expected);
  });

  it("never leaves a line break, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (input) => {
        expect(singleLine(input)).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
      }),
    );
  });
});

describe("isPlainAddress", () => {
  it.each(["nia@example.org", "first.last+csf@sub.example.co.uk"])("accepts %s", (address) => {
    expect(isPlainAddress(address)).toBe(true);
  });

  it.each([
    "nia@example.org\r\nBcc: attacker@example.org",
    "Nia <nia@example.org>",
    "nia@example.org, attacker@example.org",
    "nia @example.org",
    "not-an-address",
    "",
  ])("refuses %j", (address) => {
    expect(isPlainAddress(address)).toBe(false);
  });
});
