import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { resetPasswordSchema } from "~/domain/auth/accounts.schema";
import { checkResetToken, resetPassword, type ResetTokenStatus } from "~/domain/auth/password-reset.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalErrors } from "~/lib/refusal";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { LinkProblem, UNKNOWN_LINK } from "~/components/link-problem";
import { linkProblemStatus, REFERRER_POLICY } from "~/web/token-link.server";
import { NEW_PASSWORD_FIELDS, NewPasswordFields } from "~/components/new-password-fields";
import { PageColumn } from "~/components/govuk/page-column";

export const headers: HeadersFunction = () => REFERRER_POLICY;

export const meta = titleMeta<typeof loader, typeof action>(({ data, actionData }) => {
  const status = actionData?.status ?? data.status;
  return status === "valid" ? "Choose a new password" : PROBLEM[status].title;
});

export async function loader({ params }: LoaderFunctionArgs) {
  const status = await checkResetToken(params.token ?? "");
  return data({ status }, { status: status === "valid" ? 200 : linkProblemStatus(status), headers: REFERRER_POLICY });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = await parseForm(request, resetPasswordSchema);
  if (!parsed.ok) {
    const status = await checkResetToken(params.token ?? "");
    if (status !== "valid") return data({ status, errors: undefined }, { status: linkProblemStatus(status), headers: REFERRER_POLICY });
    return data({ status, errors: refusalErrors(parsed.refusal) }, { status: 400, headers: REFERRER_POLICY });
  }
  const result = await resetPassword(params.token ?? "", parsed.data.password);
  if (!result.ok) return data({ status: result.reason, errors: undefined }, { status: linkProblemStatus(result.reason), headers: REFERRER_POLICY });
  return redirect("/sign-in?password=changed", { headers: REFERRER_POLICY });
}

const PROBLEM: Record<Exclude<ResetTokenStatus, "valid">, { title: string; body: string }> = {
  used: { title: "This link has already been used", body: "Each link to reset your password works once." },
  expired: { title: "This link has expired", body: "Links to reset your password stop working after 1 hour." },
  unknown: UNKNOWN_LINK,
};

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const status = actionData?.status ?? loaderData.status;
  const { register, errors, onSubmit } = useGovukForm(resetPasswordSchema, { serverErrors: actionData?.errors, clearOnServerError: NEW_PASSWORD_FIELDS });
  if (status !== "valid") {
    const problem = PROBLEM[status];
    return (
      <LinkProblem {...problem}>
        You can{" "}
        <Link className="govuk-link" to="/forgot-password">
          ask for a new link
        </Link>
        .
      </LinkProblem>
    );
  }
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Choose a new password</h1>
      <p className="govuk-body">When you change your password, you will be signed out everywhere you are signed in.</p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <NewPasswordFields label="New password" confirmLabel="Confirm your new password" errors={errors} field={register} />
        <Button>Change password</Button>
      </Form>
    </PageColumn>
  );
}
