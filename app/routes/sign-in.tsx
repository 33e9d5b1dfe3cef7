import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { Button, EmailInput, TextInput } from "~/components/govuk/fields";
import { recordAudit } from "~/domain/audit/audit.server";
import { signInSchema } from "~/domain/auth/accounts.schema";
import { authenticate } from "~/domain/auth/accounts.server";
import { needsSecondFactor } from "~/domain/auth/second-factor-state";
import { safeRedirectPath, SECOND_FACTOR_PATH } from "~/web/guards.server";
import { clearHits, hitAll, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { clientAddress, retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { textValue } from "~/lib/form-values";
import { invalid } from "~/lib/refusal";
import { roleHome } from "~/domain/auth/roles";
import { getSessionUser, startSession } from "~/web/session.server";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Sign in");
export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(roleHome(user.role));
  const search = new URL(request.url).searchParams;
  return { redirectTo: safeRedirectPath(search.get("redirectTo"), ""), passwordChanged: search.get("password") === "changed" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, signInSchema);
  const email = textValue(parsed.values, "email");
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values: { email } });
  // Before the password check, so a flood of guesses costs no argon2 hashing (ADR 0016).
  const throttle = await hitAll([
    [THROTTLE_LIMITS.signInAddress, clientAddress(context)],
    [THROTTLE_LIMITS.signInAccount, parsed.data.email],
  ]);
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "email", { values: { email } });
  const user = await authenticate(parsed.data.email, parsed.data.password);
  if (user) await clearHits(THROTTLE_LIMITS.signInAccount, parsed.data.email);
  if (!user) {
    await recordAudit({ actorId: null, action: "user.sign_in_failed", outcome: "refused", subjectType: "user", details: { email: parsed.data.email } });
    return refusalResponse(invalid({ email: "Enter a correct email address and password" }).refusal, { values: { email } });
  }
  const cookie = await startSession(request, user.id);
  const to = safeRedirectPath(parsed.data.redirectTo, roleHome(user.role));
  // For staff who need one, the session opens nothing until the second step (ADR 0020).
  const next = needsSecondFactor(user.role) ? `${SECOND_FACTOR_PATH}?${new URLSearchParams({ redirectTo: to })}` : to;
  return redirect(next, { headers: { "Set-Cookie": cookie } });
}

const PASSWORD_FIELDS = ["password"];

export default function SignIn() {
  const { redirectTo, passwordChanged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(signInSchema, { serverErrors: actionData?.errors, clearOnServerError: PASSWORD_FIELDS });
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      {passwordChanged && !actionData ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Your password has been changed</p>
          <p className="govuk-body">Sign in with your new password.</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">Sign in</h1>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <EmailInput label="Email address" error={errors.email} defaultValue={actionData?.values.email} {...register("email")} />
        <TextInput label="Password" type="password" autoComplete="current-password" error={errors.password} {...register("password")} />
        <Button>Sign in</Button>
      </Form>
      <ParagraphLink to="/forgot-password">Forgotten your password?</ParagraphLink>
      <p className="govuk-body">
        New to the fund?{" "}
        <Link className="govuk-link" to={redirectTo ? `/register?${new URLSearchParams({ redirectTo })}` : "/register"}>
          Create an account
        </Link>
        .
      </p>
    </PageColumn>
  );
}
