import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, EmailInput } from "~/components/govuk/fields";
import { forgotPasswordSchema } from "~/domain/auth/accounts.schema";
import { requestPasswordReset } from "~/domain/auth/password-reset.server";
import { roleHome } from "~/domain/auth/roles";
import { getSessionUser } from "~/web/session.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { hitAll, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { clientAddress, retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { textValue } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader, typeof action>(({ actionData }) => (actionData?.sent ? "Check your email" : "Reset your password"));
export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(roleHome(user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, forgotPasswordSchema);
  if (!parsed.ok) return refusalResponse(parsed.refusal, { sent: false as const, values: { email: textValue(parsed.values, "email") } });
  // Hits are kept for any address typed, known or not, so a refusal says nothing about accounts.
  const throttle = await hitAll([
    [THROTTLE_LIMITS.resetAddress, clientAddress(context)],
    [THROTTLE_LIMITS.resetAccount, parsed.data.email],
  ]);
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "email", { sent: false as const, values: { email: parsed.data.email } });
  // The same answer whether or not there is an account for this email (no enumeration).
  await requestPasswordReset(parsed.data.email);
  return data({ sent: true as const, errors: undefined, values: { email: "" } });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(forgotPasswordSchema, { serverErrors: actionData?.errors });
  if (actionData?.sent) {
    return (
      <PageColumn>
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">If an account exists for that email, we have sent a link to reset your password.</p>
        <p className="govuk-body">The link works once and stops working after 1 hour. Check your spam folder if you cannot find the email.</p>
        <ParagraphLink to="/sign-in">Return to sign in</ParagraphLink>
      </PageColumn>
    );
  }
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Reset your password</h1>
      <p className="govuk-body">Enter the email address you use to sign in. We will send you a link to choose a new password.</p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <EmailInput label="Email address" error={errors.email} defaultValue={actionData?.values.email} {...register("email")} />
        <Button>Send reset link</Button>
      </Form>
      <ParagraphLink to="/sign-in">Return to sign in</ParagraphLink>
    </PageColumn>
  );
}
