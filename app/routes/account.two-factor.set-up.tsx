// Setting up the authenticator app (ADR 0020): staff who need a second factor and have none are
// sent here before any other page. The QR code and the key typed by hand carry the same secret;
// a code from the app confirms it, then the recovery codes are shown, once.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { titleMeta } from "~/components/page-title";
import { RecoveryCodes } from "~/components/recovery-codes";
import { roleHome } from "~/domain/auth/roles";
import { SECOND_FACTOR_ROLES } from "~/domain/auth/second-factor-state";
import { enrolSecondFactorSchema } from "~/domain/auth/second-factor.schema";
import { confirmEnrolment, enrolmentSecret } from "~/domain/auth/second-factor.server";
import { clearHits, hit, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { useGovukForm } from "~/lib/use-govuk-form";
import { requireRole, safeRedirectPath } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { qrCodeDataUrl } from "~/web/qr-code.server";
import { retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Set up your authenticator app");
export const headers = retryAfterHeaders;

/** The key in groups of four, as authenticator apps show it, easier to copy by hand. */
function grouped(secret: string) {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, SECOND_FACTOR_ROLES);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  const continueTo = redirectTo || roleHome(user.role);
  const enrolment = await enrolmentSecret(user.id);
  // Already set up (also just now, when this loader runs after the confirming post).
  if (!enrolment.ok) return { enrolment: null, continueTo };
  return { enrolment: { key: grouped(enrolment.secret), qrCode: await qrCodeDataUrl(enrolment.uri) }, continueTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, SECOND_FACTOR_ROLES);
  const parsed = await parseForm(request, enrolSecondFactorSchema);
  if (!parsed.ok) return refusalResponse(parsed.refusal);
  const throttle = await hit(THROTTLE_LIMITS.secondFactor, user.id, { actorId: user.id });
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "code", {});
  const result = await confirmEnrolment(user.id, user.sessionId, parsed.data.code);
  if (!result.ok) return refusalResponse(result.refusal);
  await clearHits(THROTTLE_LIMITS.secondFactor, user.id);
  return { recoveryCodes: result.recoveryCodes };
}

export default function SetUpSecondFactor() {
  const { enrolment, continueTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const recoveryCodes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : null;
  const serverErrors = actionData && "errors" in actionData ? actionData.errors : undefined;
  const { register, errors, onSubmit } = useGovukForm(enrolSecondFactorSchema, { serverErrors, clearOnServerError: ["code"] });
  if (recoveryCodes) {
    return (
      <PageColumn>
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Your authenticator app is set up</p>
          <p className="govuk-body">From now on you will enter a code from it each time you sign in.</p>
        </NotificationBanner>
        <RecoveryCodes codes={recoveryCodes} continueTo={continueTo} continueLabel="Continue" />
      </PageColumn>
    );
  }
  if (!enrolment) {
    return (
      <PageColumn>
        <h1 className="govuk-heading-l">Your authenticator app is set up</h1>
        <ParagraphLink to="/account/two-factor">See your second factor and recovery codes</ParagraphLink>
      </PageColumn>
    );
  }
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Set up your authenticator app</h1>
      <p className="govuk-body">
        Your account can move or approve public money, so signing in needs a code from an authenticator app on your phone as well as your password. Set it up
        now: you cannot use the rest of the service until you do.
      </p>
      <h2 className="govuk-heading-m">1. Get an authenticator app</h2>
      <p className="govuk-body">
        Any app that makes 6-digit time-based codes works, for example Microsoft Authenticator, Google Authenticator or the one in your password manager.
      </p>
      <h2 className="govuk-heading-m">2. Scan this QR code with the app</h2>
      <img className="app-qr-code" src={enrolment.qrCode} alt="QR code to scan with your authenticator app" width={200} height={200} />
      <p className="govuk-body">If you cannot scan it, choose to enter a key in the app and type this one. It is not case sensitive.</p>
      <p className="govuk-body">
        <span className="govuk-visually-hidden">Key: </span>
        <code className="app-secret-key" data-testid="secret-key">
          {enrolment.key}
        </code>
      </p>
      <h2 className="govuk-heading-m">3. Enter the code the app shows</h2>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextInput
          label="Code from the app"
          hint="6 digits, like 123456"
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          widthClass="govuk-input--width-5"
          error={errors.code}
          {...register("code")}
        />
        <Button>Continue</Button>
      </Form>
    </PageColumn>
  );
}
