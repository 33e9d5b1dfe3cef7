import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { looksLikeFormula, neutraliseCell } from "./csv-cell";

describe("neutraliseCell", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+44 191 000 0000", "'+44 191 000 0000"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tTabbed", "'\tTabbed"],
    ["\r=1", "'\r=1"],
  ])("quotes %j", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(["", "Darlington Youth Outreach", "'already quoted", " =leading space is text", "12.50", "a=b", "CSF-2526-R1-0001"])("leaves %j alone", (input) => {
    expect(neutraliseCell(input)).toBe(input);
  });

  it("never returns text a spreadsheet would read as a formula", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(looksLikeFormula(neutraliseCell(text))).toBe(false);
      }),
    );
  });

  it("changes only formula-like text, and only by one leading quote", () => {
    const risky = fc.tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string()).map(([first, rest]) => first + rest);
    fc.assert(
      fc.property(fc.oneof(risky, fc.string()), (text) => {
        const out = neutraliseCell(text);
        if (looksLikeFormula(text)) expect(out).toBe(`'${text}`);
        else expect(out).toBe(text);
      }),
    );
  });
});
