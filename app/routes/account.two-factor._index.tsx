// The signed-in member of staff's second factor (ADR 0020): whether it is set up, recovery codes
// left, and new recovery codes (the old ones stop working; the new ones are shown once).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { HomeLinkParagraph, NotificationBanner } from "~/components/govuk/notification-banner";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { titleMeta } from "~/components/page-title";
import { RecoveryCodes } from "~/components/recovery-codes";
import { roleHome } from "~/domain/auth/roles";
import { RECOVERY_CODE_COUNT, SECOND_FACTOR_ROLES } from "~/domain/auth/second-factor-state";
import { regenerateRecoveryCodesSchema } from "~/domain/auth/second-factor.schema";
import { regenerateRecoveryCodes, secondFactorStatus } from "~/domain/auth/second-factor.server";
import { formatDateTime } from "~/lib/dates";
import { requireRole } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Your second factor");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, SECOND_FACTOR_ROLES);
  const status = await secondFactorStatus(user.id);
  return {
    enabledAt: status.enabledAt ? formatDateTime(status.enabledAt) : null,
    recoveryCodesLeft: status.recoveryCodesLeft,
    usedRecoveryCode: new URL(request.url).searchParams.get("used") === "recovery-code",
    home: roleHome(user.role),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, SECOND_FACTOR_ROLES);
  const parsed = await parseForm(request, regenerateRecoveryCodesSchema);
  if (!parsed.ok) return refusalResponse(parsed.refusal);
  const result = await regenerateRecoveryCodes(user.id);
  if (!result.ok) return refusalResponse(result.refusal);
  return { recoveryCodes: result.recoveryCodes };
}

export default function SecondFactorAccount() {
  const { enabledAt, recoveryCodesLeft, usedRecoveryCode, home } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const recoveryCodes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : null;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  if (recoveryCodes) {
    return (
      <PageColumn>
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">You have new recovery codes</p>
          <p className="govuk-body">Your old recovery codes no longer work.</p>
        </NotificationBanner>
        <RecoveryCodes codes={recoveryCodes} continueTo="/account/two-factor" continueLabel="Back to your second factor" />
      </PageColumn>
    );
  }
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      {usedRecoveryCode && !actionData ? (
        <NotificationBanner>
          <p className="govuk-notification-banner__heading">
            You signed in with a recovery code. You have {recoveryCodesLeft} {recoveryCodesLeft === 1 ? "code" : "codes"} left.
          </p>
          <HomeLinkParagraph home={home}>If you have lost your phone, ask an admin to reset your second factor.</HomeLinkParagraph>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">Your second factor</h1>
      <SummaryList>
        <SummaryRow label="Authenticator app">{enabledAt ? `Set up on ${enabledAt}` : "Not set up"}</SummaryRow>
        <SummaryRow label="Recovery codes left">
          {recoveryCodesLeft} of {RECOVERY_CODE_COUNT}
        </SummaryRow>
      </SummaryList>
      {enabledAt ? (
        <>
          <h2 className="govuk-heading-m">Get new recovery codes</h2>
          <p className="govuk-body">
            Do this when you have used most of them, or if someone else may have seen them. You will get {RECOVERY_CODE_COUNT} new codes and the old ones will
            stop working.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="regenerate" />
            <Button secondary>Get new recovery codes</Button>
          </Form>
        </>
      ) : (
        <ParagraphLink to="/account/two-factor/set-up">Set up your authenticator app</ParagraphLink>
      )}
      <h2 className="govuk-heading-m">If you lose your phone</h2>
      <p className="govuk-body">Sign in with a recovery code, then ask an admin to reset your second factor so you can set up the app on a new phone.</p>
    </PageColumn>
  );
}
