import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { registerSchema } from "~/domain/auth/accounts.schema";
import { registerApplicant } from "~/domain/auth/accounts.server";
import { safeRedirectPath } from "~/web/guards.server";
import { hit, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { clientAddress, retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { textValue } from "~/lib/form-values";
import { roleHome } from "~/domain/auth/roles";
import { getSessionUser, startSession } from "~/web/session.server";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Create an account");
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
  const values = { name: textValue(parsed.values, "name"), email: textValue(parsed.values, "email") };
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values });
  const throttle = await hit(THROTTLE_LIMITS.registerAddress, clientAddress(context));
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "email", { values });
  const result = await registerApplicant(parsed.data);
  if (!result.ok) return refusalResponse(result.refusal, { values });
  const cookie = await startSession(request, result.userId);
  return redirect(safeRedirectPath(textValue(parsed.values, "redirectTo"), roleHome("applicant")), { headers: { "Set-Cookie": cookie } });
}

const PASSWORD_FIELDS = ["password", "confirmPassword"];

export default function Register() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(registerSchema, { serverErrors: actionData?.errors, clearOnServerError: PASSWORD_FIELDS });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Create an account</h1>
        <p className="govuk-body">Create an account to bid for your organisation. Colleagues can join your organisation later.</p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput label="Full name" autoComplete="name" error={errors.name} defaultValue={actionData?.values.name} {...register("name")} />
          <TextInput
            label="Email address"
            hint="We will send your receipts and outcomes here"
            type="email"
            autoComplete="email"
            spellCheck={false}
            error={errors.email}
            defaultValue={actionData?.values.email}
            {...register("email")}
          />
          <TextInput
            label="Create a password"
            hint="Use 12 characters or more"
            type="password"
            autoComplete="new-password"
            error={errors.password}
            {...register("password")}
          />
          <TextInput
            label="Confirm your password"
            type="password"
            autoComplete="new-password"
            error={errors.confirmPassword}
            {...register("confirmPassword")}
          />
          <Button>Create account</Button>
        </Form>
        <p className="govuk-body">
          Already have an account?{" "}
          <Link className="govuk-link" to={redirectTo ? `/sign-in?${new URLSearchParams({ redirectTo })}` : "/sign-in"}>
            Sign in
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
