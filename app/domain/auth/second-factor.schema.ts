import * as z from "zod/mini";

// One schema per form (the browser's react-hook-form and the server's parse), ADR 0020; zod/mini,
// so the pages' bundles carry only the checks used (ADR 0027).

/** Spaces and hyphens are how codes are shown and often typed; they carry nothing. */
const compact = (value: string) => value.replace(/[\s-]/g, "");

/** The second step of signing in: the authenticator's 6-digit code or a recovery code. */
export const secondFactorSchema = z.object({
  code: z.pipe(
    z.pipe(z.string({ error: "Enter the code from your authenticator app or a recovery code" }), z.transform(compact)),
    z
      .string()
      .check(
        z.minLength(1, "Enter the code from your authenticator app or a recovery code"),
        z.maxLength(40, "Enter the 6-digit code from your authenticator app or a 10-character recovery code"),
      ),
  ),
  redirectTo: z.optional(z.string()),
});

/** Confirming the set-up: the code the app now shows, which proves it holds the secret. */
export const enrolSecondFactorSchema = z.object({
  code: z.pipe(
    z.pipe(z.string({ error: "Enter the 6-digit code from your authenticator app" }), z.transform(compact)),
    z
      .string()
      .check(
        z.minLength(1, "Enter the 6-digit code from your authenticator app"),
        z.regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app, like 123456"),
      ),
  ),
});

/** Replacing one's recovery codes (a button: nothing to fill in). */
export const regenerateRecoveryCodesSchema = z.object({ intent: z.literal("regenerate") });

export type SecondFactorInput = z.infer<typeof secondFactorSchema>;
