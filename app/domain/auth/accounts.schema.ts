import * as z from "zod/mini";
import { ROLES, STAFF_ROLES } from "./roles";

// One schema per form, used by the browser (react-hook-form) and parsed again on the server;
// zod/mini, so the pages' bundles carry only the checks used (ADR 0027).

const email = z.pipe(
  z.pipe(
    z
      .string({ error: "Enter your email address" })
      .check(z.trim(), z.minLength(1, "Enter your email address"), z.maxLength(254, "Email address must be 254 characters or fewer")),
    z.email({ error: "Enter an email address in the correct format, like name@example.org" }),
  ),
  z.transform((v: string) => v.toLowerCase()),
);

const name = z.string({ error: "Enter your full name" }).check(
  z.trim(),
  z.minLength(1, "Enter your full name"),
  z.maxLength(100, "Full name must be 100 characters or fewer"),
  z.refine((v) => !/[\r\n]/.test(v), "Full name must be on one line"),
);

export const newPassword = z
  .string({ error: "Enter a password" })
  .check(
    z.minLength(1, "Enter a password"),
    z.minLength(12, "Password must be 12 characters or more"),
    z.maxLength(200, "Password must be 200 characters or fewer"),
  );

/** The new password typed a second time, to catch a slip of the keyboard. */
const confirmedPassword = (message: string) => z.string({ error: message }).check(z.minLength(1, message));

/** The check that goes with confirmedPassword: both typings must be the same. */
const passwordsMatch = () =>
  z.refine<{ password: string; confirmPassword: string }>((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Passwords do not match",
  });

export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password" }).check(z.minLength(1, "Enter your password"), z.maxLength(200, "Enter your password")),
  redirectTo: z.optional(z.string()),
});

/** Registration, step one: only the address, so the answer can be the same whoever asks (ADR 0021). */
export const registerSchema = z.object({ email, redirectTo: z.optional(z.string()) });

/** Registration, step two, from the emailed link: the address is the link's. */
export const finishRegistrationSchema = z
  .object({
    name,
    password: newPassword,
    confirmPassword: confirmedPassword("Confirm your password"),
  })
  .check(passwordsMatch());

export const staffAccountSchema = z.object({
  name,
  email,
  role: z.enum(STAFF_ROLES, { error: "Select the person's role" }),
  password: newPassword,
});

export type SignInInput = z.infer<typeof signInSchema>;
export type FinishRegistrationInput = z.infer<typeof finishRegistrationSchema>;
export type StaffAccountInput = z.infer<typeof staffAccountSchema>;

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({
    password: newPassword,
    confirmPassword: confirmedPassword("Confirm your new password"),
  })
  .check(passwordsMatch());

/** Changing one's own password: the current one proves it is the account's owner at the keyboard. */
export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "Enter your current password" })
      .check(z.minLength(1, "Enter your current password"), z.maxLength(200, "Enter your current password")),
    password: newPassword,
    confirmPassword: confirmedPassword("Confirm your new password"),
  })
  .check(passwordsMatch());

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The first admin, made from the command line (scripts/create-admin.ts). */
export const createAdminSchema = z.object({ name, email });

/** An admin's change to another account (/admin/users/:userId). */
export const accountChangeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("disable") }),
  z.object({ intent: z.literal("enable") }),
  z.object({ intent: z.literal("role"), role: z.enum(ROLES, { error: "Select a role" }) }),
  // Turning off the account's second factor (ADR 0020): app/domain/auth/second-factor.server.ts.
  z.object({ intent: z.literal("second-factor") }),
]);
