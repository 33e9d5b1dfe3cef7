import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "./form-errors";
import { moneyField, optionalMoneyField, readPounds } from "./money-field";

const messages = { empty: "Enter the amount", format: "The amount must be in pounds", tooLarge: "The amount must be £10,000,000 or less" };

const errorOf = (result: { success: boolean; error?: Parameters<typeof fieldErrorsFrom>[0] }) => (result.success ? null : fieldErrorsFrom(result.error!).form);

describe("moneyField", () => {
  it("gives integer pence for pounds as people type them", () => {
    expect(moneyField(messages).parse("£12,500")).toBe(1_250_000);
    expect(moneyField(messages).parse(" 1234.5 ")).toBe(123_450);
    expect(moneyField(messages).parse("0.01")).toBe(1);
  });

  it("refuses nothing, a missing field, words, three decimals and too much, each with its own message", () => {
    const field = moneyField(messages);
    expect(errorOf(field.safeParse(""))).toBe(messages.empty);
    expect(errorOf(field.safeParse(undefined))).toBe(messages.empty);
    expect(errorOf(field.safeParse("twelve"))).toBe(messages.format);
    expect(errorOf(field.safeParse("1.005"))).toBe(messages.format);
    expect(errorOf(field.safeParse("-5"))).toBe(messages.format);
    expect(errorOf(field.safeParse("10000000.01"))).toBe(messages.tooLarge);
    expect(errorOf(field.safeParse("1".repeat(31)))).toBe(messages.format);
  });

  it("refuses £0 only when told the amount must be more than that", () => {
    expect(moneyField(messages).parse("0")).toBe(0);
    expect(errorOf(moneyField({ ...messages, notPositive: "More than £0" }).safeParse("0.00"))).toBe("More than £0");
  });
});

describe("optionalMoneyField", () => {
  it("gives null for nothing typed or a missing field, and pence otherwise", () => {
    expect(optionalMoneyField(messages).parse("  ")).toBeNull();
    expect(optionalMoneyField(messages).parse(undefined)).toBeNull();
    expect(optionalMoneyField(messages).parse("5")).toBe(500);
    expect(errorOf(optionalMoneyField(messages).safeParse("5p"))).toBe(messages.format);
  });
});

describe("readPounds", () => {
  it("is the same reading for checks that are not zod fields", () => {
    expect(readPounds("12", messages)).toEqual({ ok: true, pence: 1200 });
    expect(readPounds("", messages)).toEqual({ ok: true, pence: null });
    expect(readPounds("12.345", messages)).toEqual({ ok: false, message: messages.format });
  });
});
