import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, EmailInput } from "~/components/govuk/fields";
import { registerSchema } from "~/domain/auth/accounts.schema";
import { requestRegistration } from "~/domain/auth/registration.server";
import { safeRedirectPath } from "~/web/guards.server";
import { hitAll, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { clientAddress, retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { textValue } from "~/lib/form-values";
import { roleHome } from "~/domain/auth/roles";
import { getSessionUser } from "~/web/session.server";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader, typeof action>(({ actionData }) => (actionData?.sent ? "Check your email" : "Create an account"));
export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(roleHome(user.role));
  // e.g. back to an organisation invitation after creating the account.
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  return { redirectTo: safeRedirectPath(redirectTo, "") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, registerSchema);
  const redirectTo = safeRedirectPath(textValue(parsed.values, "redirectTo"), "");
  if (!parsed.ok) return refusalResponse(parsed.refusal, { sent: false as const, values: { email: textValue(parsed.values, "email") } });
  // Hits are kept for any address typed, with or without an account, so a refusal says nothing about accounts.
  const throttle = await hitAll([
    [THROTTLE_LIMITS.registerAddress, clientAddress(context)],
    [THROTTLE_LIMITS.registerAccount, parsed.data.email],
  ]);
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "email", { sent: false as const, values: { email: parsed.data.email } });
  // The same answer, after the same work, whether or not the address has an account (ADR 0021).
  await requestRegistration(parsed.data.email, redirectTo);
  return data({ sent: true as const, errors: undefined, values: { email: parsed.data.email } });
}

export default function Register() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(registerSchema, { serverErrors: actionData?.errors });
  if (actionData?.sent) {
    return (
      <PageColumn>
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">We have sent an email to {actionData.values.email}. It tells you what to do next.</p>
        <p className="govuk-body">The link in it stops working after 24 hours. Check your spam folder if you cannot find the email.</p>
        <p className="govuk-body">
          If the address is wrong,{" "}
          <Link className="govuk-link" to={redirectTo ? `/register?${new URLSearchParams({ redirectTo })}` : "/register"}>
            start again
          </Link>
          .
        </p>
      </PageColumn>
    );
  }
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Create an account</h1>
      <p className="govuk-body">Create an account to bid for your organisation. Colleagues can join your organisation later.</p>
      <p className="govuk-body">Enter your email address. We will email you a link to choose your name and password.</p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <EmailInput
          label="Email address"
          hint="We will send your receipts and outcomes here"
          error={errors.email}
          defaultValue={actionData?.values.email}
          {...register("email")}
        />
        <Button>Continue</Button>
      </Form>
      <p className="govuk-body">
        Already have an account?{" "}
        <Link className="govuk-link" to={redirectTo ? `/sign-in?${new URLSearchParams({ redirectTo })}` : "/sign-in"}>
          Sign in
        </Link>
        .
      </p>
    </PageColumn>
  );
}
