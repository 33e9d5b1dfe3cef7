// The second step of signing in for staff who need it (ADR 0020): the code from their
// authenticator app, or one of their recovery codes. Throttled per account like sign-in.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { titleMeta } from "~/components/page-title";
import { roleHome } from "~/domain/auth/roles";
import { secondFactorSchema } from "~/domain/auth/second-factor.schema";
import { verifySecondFactor } from "~/domain/auth/second-factor.server";
import { clearHits, hit, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import type { SessionUser } from "~/domain/auth/session.server";
import { useGovukForm } from "~/lib/use-govuk-form";
import { safeRedirectPath, SECOND_FACTOR_SET_UP_PATH } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { getSessionUser } from "~/web/session.server";
import { retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Enter the code from your authenticator app");
export const headers = retryAfterHeaders;

/** Only a session waiting for its code may use this page: others are sent where they belong. */
async function requireAwaitingCode(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) throw redirect("/sign-in");
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  if (user.secondFactor === "enrol")
    throw redirect(redirectTo ? `${SECOND_FACTOR_SET_UP_PATH}?${new URLSearchParams({ redirectTo })}` : SECOND_FACTOR_SET_UP_PATH);
  if (user.secondFactor === "done") throw redirect(roleHome(user.role));
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAwaitingCode(request);
  return { redirectTo: safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireAwaitingCode(request);
  const parsed = await parseForm(request, secondFactorSchema);
  if (!parsed.ok) return refusalResponse(parsed.refusal);
  // Counted before the code is checked: a million codes cannot be tried (ADR 0016, ADR 0020).
  const throttle = await hit(THROTTLE_LIMITS.secondFactor, user.id, { actorId: user.id });
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "code", {});
  const result = await verifySecondFactor(user.id, user.sessionId, parsed.data.code);
  if (!result.ok) return refusalResponse(result.refusal);
  await clearHits(THROTTLE_LIMITS.secondFactor, user.id);
  const home = roleHome(user.role);
  // With a recovery code used, the account page says how many are left and offers new ones.
  const to = result.method === "recovery_code" ? "/account/two-factor?used=recovery-code" : safeRedirectPath(parsed.data.redirectTo, home);
  return redirect(to);
}

export default function SecondFactorCode() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(secondFactorSchema, { serverErrors: actionData?.errors, clearOnServerError: ["code"] });
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Enter the code from your authenticator app</h1>
      <p className="govuk-body">Your account can move or approve public money, so it needs a second check as well as your password.</p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextInput
          label="Code"
          hint="The 6-digit code your authenticator app shows now, or one of your recovery codes"
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          widthClass="govuk-input--width-10"
          error={errors.code}
          {...register("code")}
        />
        <Button>Continue</Button>
      </Form>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">I cannot use my authenticator app</span>
        </summary>
        <div className="govuk-details__text">
          Enter one of the recovery codes you saved when you set up the app. Each works once. If you have none left, ask an admin to reset your second factor;
          you will then set up an app again.
        </div>
      </details>
      <Form method="post" action="/sign-out">
        <Button secondary>Sign out</Button>
      </Form>
    </PageColumn>
  );
}
