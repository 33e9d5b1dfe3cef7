import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { enrolSecondFactorSchema, regenerateRecoveryCodesSchema, secondFactorSchema } from "./second-factor.schema";

describe("the second-factor forms", () => {
  it("reads a code without the spaces and hyphens it is shown with", () => {
    expect(secondFactorSchema.parse({ code: " 123 456 " })).toEqual({ code: "123456" });
    expect(secondFactorSchema.parse({ code: "abcde-fghij", redirectTo: "/applicant" })).toEqual({ code: "abcdefghij", redirectTo: "/applicant" });
    expect(enrolSecondFactorSchema.parse({ code: "123-456" })).toEqual({ code: "123456" });
  });

  it("names a missing, too long or malformed code", () => {
    const errors = (parsed: ReturnType<typeof secondFactorSchema.safeParse> | ReturnType<typeof enrolSecondFactorSchema.safeParse>) =>
      parsed.success ? {} : fieldErrorsFrom(parsed.error);
    expect(errors(secondFactorSchema.safeParse({}))).toEqual({ code: "Enter the code from your authenticator app or a recovery code" });
    expect(errors(secondFactorSchema.safeParse({ code: " - " }))).toEqual({ code: "Enter the code from your authenticator app or a recovery code" });
    expect(errors(secondFactorSchema.safeParse({ code: "x".repeat(41) }))).toEqual({
      code: "Enter the 6-digit code from your authenticator app or a 10-character recovery code",
    });
    expect(errors(enrolSecondFactorSchema.safeParse({ code: "" }))).toEqual({ code: "Enter the 6-digit code from your authenticator app" });
    expect(errors(enrolSecondFactorSchema.safeParse({ code: "12345a" }))).toEqual({ code: "Enter the 6-digit code from your authenticator app, like 123456" });
  });

  it("takes only the regenerate button for new recovery codes", () => {
    expect(regenerateRecoveryCodesSchema.safeParse({ intent: "regenerate" }).success).toBe(true);
    expect(regenerateRecoveryCodesSchema.safeParse({ intent: "other" }).success).toBe(false);
  });
});
