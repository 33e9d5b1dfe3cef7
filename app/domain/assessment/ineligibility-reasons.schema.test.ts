import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { isReasonIntent, reasonField, reasonSchemaFor } from "./ineligibility-reasons.schema";

const errors = (schema: ReturnType<typeof reasonSchemaFor>, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error);
};

describe("the ineligibility reason forms", () => {
  it("adds a reason with its spaces tidied", () => {
    expect(reasonSchemaFor("add", "").parse({ text: "  Not in   the area " })).toEqual({ text: "Not in the area" });
    expect(errors(reasonSchemaFor("add", ""), { text: "   " })).toEqual({ text: "Enter the reason" });
    expect(errors(reasonSchemaFor("add", ""), { text: "x".repeat(201) })).toEqual({ text: "The reason must be 200 characters or fewer" });
  });

  it("renames a reason from its own field, and puts the message there", () => {
    expect(reasonSchemaFor("rename", "r1").parse({ reasons: { r1: "Late", r2: "" } })).toEqual({ text: "Late" });
    expect(errors(reasonSchemaFor("rename", "r1"), { reasons: { r1: "" } })).toEqual({ [reasonField("r1")]: "Enter the reason" });
  });

  it("has nothing to check when a reason is stopped or started", () => {
    expect(reasonSchemaFor("deactivate", "r1").safeParse({}).success).toBe(true);
    expect(isReasonIntent("reactivate")).toBe(true);
    expect(isReasonIntent("delete")).toBe(false);
  });
});
