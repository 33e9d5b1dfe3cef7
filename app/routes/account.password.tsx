import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { HomeLinkParagraph, NotificationBanner } from "~/components/govuk/notification-banner";
import { titleMeta } from "~/components/page-title";
import { changeOwnPassword } from "~/domain/auth/account-lifecycle.server";
import { changePasswordSchema } from "~/domain/auth/accounts.schema";
import { roleHome } from "~/domain/auth/roles";
import { clearHits, hit, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { useGovukForm } from "~/lib/use-govuk-form";
import { requireUser } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { NEW_PASSWORD_FIELDS, NewPasswordFields } from "~/components/new-password-fields";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Change your password");
export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { mustChange: user.mustChangePassword, changed: new URL(request.url).searchParams.get("changed") === "1", home: roleHome(user.role) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await parseForm(request, changePasswordSchema);
  if (!parsed.ok) return refusalResponse(parsed.refusal);
  // Counted before the password check, so a flood of guesses costs no hashing (ADR 0016).
  const throttle = await hit(THROTTLE_LIMITS.passwordChange, user.id, { actorId: user.id });
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "currentPassword", {});
  const result = await changeOwnPassword(user.id, user.sessionId, parsed.data);
  if (!result.ok) return refusalResponse(result.refusal);
  await clearHits(THROTTLE_LIMITS.passwordChange, user.id);
  return redirect("/account/password?changed=1");
}

const PASSWORD_FIELDS = ["currentPassword", ...NEW_PASSWORD_FIELDS];

export default function ChangePassword() {
  const { mustChange, changed, home } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(changePasswordSchema, { serverErrors: actionData?.errors, clearOnServerError: PASSWORD_FIELDS });
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      {changed && !actionData ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Your password has been changed</p>
          <HomeLinkParagraph home={home}>Anyone else signed in as you has been signed out.</HomeLinkParagraph>
        </NotificationBanner>
      ) : null}
      {mustChange ? (
        <NotificationBanner>
          <p className="govuk-notification-banner__heading">You must choose a new password before you continue</p>
          <p className="govuk-body">You signed in with a one-time password. Choose a password only you know.</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">Change your password</h1>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextInput
          label="Current password"
          hint={mustChange ? "The one-time password you were given" : undefined}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
          {...register("currentPassword")}
        />
        <NewPasswordFields
          label="New password"
          confirmLabel="Confirm new password"
          hint="12 characters or more. A few words together is easier to remember than one word with numbers and symbols."
          errors={errors}
          field={register}
        />
        <Button>Change password</Button>
      </Form>
    </PageColumn>
  );
}
