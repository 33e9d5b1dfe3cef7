import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { finishRegistrationSchema } from "~/domain/auth/accounts.schema";
import { checkRegistrationLink, finishRegistration, type RegistrationLinkStatus } from "~/domain/auth/registration.server";
import { roleHome } from "~/domain/auth/roles";
import { safeRedirectPath } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { getSessionUser, startSession } from "~/web/session.server";
import { refusalErrors } from "~/lib/refusal";
import { textValue } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { LinkProblem, UNKNOWN_LINK } from "~/components/link-problem";
import { linkProblemStatus, REFERRER_POLICY } from "~/web/token-link.server";
import { NEW_PASSWORD_FIELDS, NewPasswordFields } from "~/components/new-password-fields";
import { PageColumn } from "~/components/govuk/page-column";

export const headers: HeadersFunction = () => REFERRER_POLICY;

type Problem = Exclude<RegistrationLinkStatus, "valid">;

const PROBLEM: Record<Problem, { title: string; body: string }> = {
  used: { title: "This link has already been used", body: "An account has already been created with this link. Sign in with its email address and password." },
  expired: { title: "This link has expired", body: "Links to finish creating an account stop working after 24 hours." },
  unknown: UNKNOWN_LINK,
};

export const meta = titleMeta<typeof loader, typeof action>(({ data, actionData }) => {
  const status = actionData?.status ?? data.status;
  return status === "valid" ? "Finish creating your account" : PROBLEM[status].title;
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(roleHome(user.role), { headers: REFERRER_POLICY });
  const check = await checkRegistrationLink(params.token ?? "");
  if (check.status !== "valid") return data({ status: check.status, email: "" }, { status: linkProblemStatus(check.status), headers: REFERRER_POLICY });
  return data({ status: check.status, email: check.email }, { headers: REFERRER_POLICY });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const parsed = await parseForm(request, finishRegistrationSchema);
  if (!parsed.ok) {
    const check = await checkRegistrationLink(token);
    if (check.status !== "valid")
      return data({ status: check.status, errors: undefined, name: "" }, { status: linkProblemStatus(check.status), headers: REFERRER_POLICY });
    return data(
      { status: check.status, errors: refusalErrors(parsed.refusal), name: textValue(parsed.values, "name") },
      { status: 400, headers: REFERRER_POLICY },
    );
  }
  const result = await finishRegistration(token, parsed.data);
  if (!result.ok) return data({ status: result.reason, errors: undefined, name: "" }, { status: linkProblemStatus(result.reason), headers: REFERRER_POLICY });
  const cookie = await startSession(request, result.userId);
  return redirect(safeRedirectPath(result.redirectTo, roleHome("applicant")), { headers: { "Set-Cookie": cookie, ...REFERRER_POLICY } });
}

export default function FinishRegistration() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const status = actionData?.status ?? loaderData.status;
  const { register, errors, onSubmit } = useGovukForm(finishRegistrationSchema, { serverErrors: actionData?.errors, clearOnServerError: NEW_PASSWORD_FIELDS });
  if (status !== "valid") {
    const problem = PROBLEM[status];
    return (
      <LinkProblem {...problem}>
        You can{" "}
        <Link className="govuk-link" to="/register">
          start again
        </Link>{" "}
        or{" "}
        <Link className="govuk-link" to="/sign-in">
          sign in
        </Link>
        .
      </LinkProblem>
    );
  }
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Finish creating your account</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Email address</dt>
          <dd className="govuk-summary-list__value">{loaderData.email}</dd>
        </div>
      </dl>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextInput label="Full name" autoComplete="name" error={errors.name} defaultValue={actionData?.name} {...register("name")} />
        <NewPasswordFields label="Create a password" confirmLabel="Confirm your password" errors={errors} field={register} />
        <Button>Create account</Button>
      </Form>
    </PageColumn>
  );
}
