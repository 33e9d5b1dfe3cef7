import { describe, expect, it } from "vitest";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { accountChangeSchema, changePasswordSchema, finishRegistrationSchema, signInSchema, staffAccountSchema } from "./accounts.schema";

const errors = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error as never);
};

describe("the account forms", () => {
  it("signs in with a trimmed, lower-cased address", () => {
    expect(signInSchema.parse({ email: "  Ada@Example.ORG ", password: "secret" })).toEqual({ email: "ada@example.org", password: "secret" });
  });

  it("names what is missing or wrong in the sign-in form", () => {
    expect(errors(signInSchema, {})).toEqual({ email: "Enter your email address", password: "Enter your password" });
    expect(errors(signInSchema, { email: "  ", password: "" })).toEqual({ email: "Enter your email address", password: "Enter your password" });
    expect(errors(signInSchema, { email: "not-an-address", password: "x" })).toEqual({
      email: "Enter an email address in the correct format, like name@example.org",
    });
    expect(errors(signInSchema, { email: `${"a".repeat(250)}@example.org`, password: "x" })).toEqual({
      email: "Email address must be 254 characters or fewer",
    });
  });

  it("finishes a registration only with a one-line name and matching passwords of 12 characters or more", () => {
    const good = { name: " Ada Lovelace ", password: "correct horse battery", confirmPassword: "correct horse battery" };
    expect(finishRegistrationSchema.parse(good)).toEqual({ ...good, name: "Ada Lovelace" });
    expect(errors(finishRegistrationSchema, { name: "Ada\nLovelace", password: "short", confirmPassword: "" })).toEqual({
      name: "Full name must be on one line",
      password: "Password must be 12 characters or more",
      confirmPassword: "Confirm your password",
    });
    expect(errors(finishRegistrationSchema, { ...good, confirmPassword: "something else" })).toEqual({ confirmPassword: "Passwords do not match" });
  });

  it("needs a staff role from the list and the current password to change one's own", () => {
    expect(errors(staffAccountSchema, { name: "Bo", email: "bo@example.org", role: "applicant", password: "long enough password" })).toEqual({
      role: "Select the person's role",
    });
    expect(errors(changePasswordSchema, { currentPassword: "", password: "long enough password", confirmPassword: "long enough password" })).toEqual({
      currentPassword: "Enter your current password",
    });
  });

  it("reads an administrator's change to an account by its intent", () => {
    expect(accountChangeSchema.parse({ intent: "role", role: "assessor" })).toEqual({ intent: "role", role: "assessor" });
    expect(errors(accountChangeSchema, { intent: "role", role: "owner" })).toEqual({ role: "Select a role" });
    expect(accountChangeSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });
});
