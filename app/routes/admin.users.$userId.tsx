// One account, for the admin: disable or re-enable it, change its role, or reset its second
// factor (ADR 0020). Each change is asked for, then confirmed on the same page (?confirm=…),
// then done by a POST (ADR 0018).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios } from "~/components/govuk/fields";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { titleMeta } from "~/components/page-title";
import { changeAccount, findAccount } from "~/domain/auth/account-lifecycle.server";
import { accountChangeSchema } from "~/domain/auth/accounts.schema";
import { isRole, roleLabel, ROLES } from "~/domain/auth/roles";
import { needsSecondFactor } from "~/domain/auth/second-factor-state";
import { resetSecondFactor } from "~/domain/auth/second-factor.server";
import { formatDateTime } from "~/lib/dates";
import { requireRole } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => (data.confirm ? `Confirm: ${data.confirm.title}` : `Account: ${data.account.name}`));

const DONE = {
  disable: "The account has been disabled. Its sessions have ended and its owner has been emailed.",
  enable: "The account has been enabled again. Its owner has been emailed.",
  role: "The role has been changed. The account's sessions have ended and its owner has been emailed.",
  "second-factor": "The second factor has been reset. The account's sessions have ended, its owner must set up an app again and has been emailed.",
} as const;

type Intent = keyof typeof DONE;
const isIntent = (value: string | null): value is Intent => value !== null && value in DONE;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const found = orNotFound(await findAccount(params.userId ?? ""), "Account not found");
  const role = isRole(found.role) ? found.role : null;
  const search = new URL(request.url).searchParams;
  const own = found.id === admin.id;
  const asked = search.get("confirm");
  const newRole = search.get("role");
  let confirm: { intent: Intent; title: string; role?: string } | null = null;
  const hasSecondFactor = Boolean(found.totpSecret || found.totpEnabledAt);
  if (!own && asked === "disable" && !found.disabledAt) confirm = { intent: "disable", title: `Disable ${found.name}’s account?` };
  if (!own && asked === "enable" && found.disabledAt) confirm = { intent: "enable", title: `Enable ${found.name}’s account again?` };
  if (!own && asked === "role" && isRole(newRole) && newRole !== role) {
    confirm = { intent: "role", role: newRole, title: `Change ${found.name}’s role to ${roleLabel(newRole)}?` };
  }
  if (!own && asked === "second-factor" && hasSecondFactor) confirm = { intent: "second-factor", title: `Reset ${found.name}’s second factor?` };
  const done = search.get("done");
  return {
    account: {
      id: found.id,
      name: found.name,
      email: found.email,
      role: role ?? found.role,
      roleLabel: role ? roleLabel(role) : found.role,
      disabled: Boolean(found.disabledAt),
      disabledAt: found.disabledAt ? formatDateTime(found.disabledAt) : null,
      createdAt: formatDateTime(found.createdAt),
      passwordChangedAt: found.passwordChangedAt ? formatDateTime(found.passwordChangedAt) : null,
      mustChangePassword: found.mustChangePassword,
      secondFactor: found.totpEnabledAt
        ? `Authenticator app set up on ${formatDateTime(found.totpEnabledAt)}, ${found._count.recoveryCodes} recovery ${found._count.recoveryCodes === 1 ? "code" : "codes"} left`
        : found.totpSecret
          ? "Set-up started, not finished"
          : role && needsSecondFactor(role)
            ? "Not set up: will be asked to set up an app at the next sign-in"
            : "Not needed for this role",
      hasSecondFactor,
    },
    own,
    confirm,
    roleAsked: asked === "role" && !isRole(newRole),
    done: isIntent(done) ? DONE[done] : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const userId = params.userId ?? "";
  const parsed = await parseForm(request, accountChangeSchema);
  if (!parsed.ok) return refusalResponse(parsed.refusal);
  const result = parsed.data.intent === "second-factor" ? await resetSecondFactor(admin.id, userId) : await changeAccount(admin.id, userId, parsed.data);
  if (!result.ok) return refusalResponse(result.refusal);
  return redirect(`/admin/users/${userId}?done=${parsed.data.intent}`);
}

export default function Account() {
  const { account, own, confirm, roleAsked, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? (roleAsked ? { role: "Select a new role" } : undefined);
  const self = `/admin/users/${account.id}`;
  return (
    <PageColumn>
      <BackLink to={confirm ? self : "/admin/users"}>{confirm ? "Back to the account" : "Back to accounts"}</BackLink>
      <ErrorSummary errors={errors} />
      {done && !actionData ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{done}</p>
        </NotificationBanner>
      ) : null}
      {confirm ? (
        <>
          <h1 className="govuk-heading-l">{confirm.title}</h1>
          {confirm.intent === "disable" ? (
            <p className="govuk-body">
              {account.name} will be signed out at once and cannot sign in until the account is enabled again. Nothing they have done is deleted. We will email{" "}
              {account.email} to tell them.
            </p>
          ) : confirm.intent === "second-factor" ? (
            <p className="govuk-body">
              Do this when {account.name} has lost their authenticator app and their recovery codes. Their app and recovery codes will stop working, they will
              be signed out, and at their next sign-in they must set up an app again. We will email {account.email} to tell them.
            </p>
          ) : confirm.intent === "enable" ? (
            <p className="govuk-body">
              {account.name} will be able to sign in again with their password. We will email {account.email} to tell them.
            </p>
          ) : (
            <p className="govuk-body">
              From {account.roleLabel} to {roleLabel(confirm.role as (typeof ROLES)[number])}. {account.name} will be signed out and will see what the new role
              allows when they sign in again. We will email {account.email} to tell them.
            </p>
          )}
          <Form method="post" className="govuk-button-group">
            <input type="hidden" name="intent" value={confirm.intent} />
            {confirm.role ? <input type="hidden" name="role" value={confirm.role} /> : null}
            <Button warning={confirm.intent !== "enable"}>
              {confirm.intent === "disable"
                ? "Disable account"
                : confirm.intent === "enable"
                  ? "Enable account"
                  : confirm.intent === "second-factor"
                    ? "Reset second factor"
                    : "Change role"}
            </Button>
            <Link className="govuk-link" to={self}>
              Cancel
            </Link>
          </Form>
        </>
      ) : (
        <>
          <span className="govuk-caption-l">Account</span>
          <h1 className="govuk-heading-l">{account.name}</h1>
          <SummaryList>
            <SummaryRow label="Email address">{account.email}</SummaryRow>
            <SummaryRow label="Role">{account.roleLabel}</SummaryRow>
            <SummaryRow label="Status">{account.disabled ? `Disabled on ${account.disabledAt}` : "Enabled"}</SummaryRow>
            <SummaryRow label="Created">{account.createdAt}</SummaryRow>
            <SummaryRow label="Password last changed">
              {account.mustChangePassword
                ? "Has a one-time password, not changed yet"
                : (account.passwordChangedAt ?? "Not changed since the account was made")}
            </SummaryRow>
            <SummaryRow label="Second factor">{account.secondFactor}</SummaryRow>
          </SummaryList>
          {own ? (
            <p className="govuk-body">This is your own account. Another admin must disable it, change its role or reset its second factor.</p>
          ) : (
            <>
              <h2 className="govuk-heading-m">Change the role</h2>
              <Form method="get">
                <input type="hidden" name="confirm" value="role" />
                <Radios
                  name="role"
                  legend="New role"
                  error={errors?.role}
                  defaultValue={account.role}
                  choices={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
                />
                <Button secondary>Continue</Button>
              </Form>
              <h2 className="govuk-heading-m">{account.disabled ? "Enable the account" : "Disable the account"}</h2>
              {account.disabled ? (
                <Link className="govuk-button" data-module="govuk-button" role="button" draggable={false} to={`${self}?confirm=enable`}>
                  Enable account
                </Link>
              ) : (
                <Link className="govuk-button govuk-button--warning" data-module="govuk-button" role="button" draggable={false} to={`${self}?confirm=disable`}>
                  Disable account
                </Link>
              )}
              {account.hasSecondFactor ? (
                <>
                  <h2 className="govuk-heading-m">Reset the second factor</h2>
                  <p className="govuk-body">For someone who has lost their authenticator app and their recovery codes.</p>
                  <Link
                    className="govuk-button govuk-button--warning"
                    data-module="govuk-button"
                    role="button"
                    draggable={false}
                    to={`${self}?confirm=second-factor`}
                  >
                    Reset second factor
                  </Link>
                </>
              ) : null}
            </>
          )}
        </>
      )}
    </PageColumn>
  );
}
