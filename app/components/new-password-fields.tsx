import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { FieldErrors } from "~/lib/form-errors";
import { TextInput } from "./govuk/fields";

type NewPasswordField = "password" | "confirmPassword";

/** The fields every form that sets a password posts: the new password, then the same again. */
export const NEW_PASSWORD_FIELDS: NewPasswordField[] = ["password", "confirmPassword"];

/** A new password and its confirmation; the browser may offer to generate and save one. */
export function NewPasswordFields({
  label,
  confirmLabel,
  hint = "Use 12 characters or more",
  errors,
  field,
}: {
  label: ReactNode;
  confirmLabel: ReactNode;
  hint?: ReactNode;
  errors: FieldErrors;
  field: (name: NewPasswordField) => UseFormRegisterReturn;
}) {
  return (
    <>
      <TextInput label={label} hint={hint} type="password" autoComplete="new-password" error={errors.password} {...field("password")} />
      <TextInput label={confirmLabel} type="password" autoComplete="new-password" error={errors.confirmPassword} {...field("confirmPassword")} />
    </>
  );
}
