import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/govuk/fields";
import { requireRole } from "~/web/guards.server";
import { getSessionUser } from "~/web/session.server";
import { invitationStatus } from "~/domain/organisations/invitation-status";
import { acceptInvitation, findInvitationByToken } from "~/domain/organisations/invitations.server";
import { formatDateTime } from "~/lib/dates";
import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

type Viewer = { kind: "anonymous"; returnTo: string } | { kind: "invitee" } | { kind: "other_applicant"; email: string } | { kind: "staff"; email: string };

type View =
  | { state: "unknown" }
  | { state: "expired"; organisationName: string }
  | { state: "accepted"; organisationName: string }
  | { state: "wrong_account"; organisationName: string; invitedEmail: string }
  | { state: "valid"; organisationName: string; inviterName: string; invitedEmail: string; expiresAt: string; viewer: Viewer };

const STATUS: Record<View["state"], number> = { unknown: 404, expired: 410, accepted: 410, wrong_account: 403, valid: 200 };

const answer = (view: View) => data(view, { status: STATUS[view.state] });

export const meta = titleMeta<typeof loader, typeof action>(({ data, actionData }) => {
  const view = (actionData ?? data) as View;
  return view.state === "valid" ? `Join ${view.organisationName}` : TITLES[view.state];
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await findInvitationByToken(params.token ?? "");
  if (!invitation) return answer({ state: "unknown" });
  const status = invitationStatus(invitation, new Date());
  if (status !== "valid") return answer({ state: status, organisationName: invitation.organisation.name });
  const user = await getSessionUser(request);
  const viewer: Viewer = !user
    ? { kind: "anonymous", returnTo: new URL(request.url).pathname }
    : user.role !== "applicant"
      ? { kind: "staff", email: user.email }
      : user.email === invitation.email
        ? { kind: "invitee" }
        : { kind: "other_applicant", email: user.email };
  return answer({
    state: "valid",
    organisationName: invitation.organisation.name,
    inviterName: invitation.invitedBy.name,
    invitedEmail: invitation.email,
    expiresAt: invitation.expiresAt.toISOString(),
    viewer,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Signed out: sign in (or register) first, then come back here.
  const user = await requireRole(request, ["applicant"]);
  const token = params.token ?? "";
  const result = await acceptInvitation(token, user);
  if (result.ok) return redirect(`/applicant/organisations/${result.organisationId}?joined=1`);
  const invitation = await findInvitationByToken(token);
  if (result.reason === "unknown" || !invitation) return answer({ state: "unknown" });
  if (result.reason === "wrong_account")
    return answer({ state: "wrong_account", organisationName: invitation.organisation.name, invitedEmail: invitation.email });
  return answer({ state: result.reason, organisationName: invitation.organisation.name });
}

const TITLES: Record<View["state"], string> = {
  unknown: "This invitation link is not valid",
  expired: "This invitation has expired",
  accepted: "This invitation has already been used",
  wrong_account: "This invitation is for someone else",
  valid: "Join an organisation",
};

export default function Invitation() {
  const loaderData = useLoaderData<typeof loader>() as View;
  const actionData = useActionData<typeof action>() as View | undefined;
  const view = actionData ?? loaderData;
  return (
    <PageColumn>
      {view.state === "unknown" ? (
        <>
          <h1 className="govuk-heading-l">{TITLES.unknown}</h1>
          <p className="govuk-body">Check that you copied the whole link from the email.</p>
          <p className="govuk-body">If it still does not work, ask the person who invited you to send a new invitation.</p>
        </>
      ) : view.state === "expired" ? (
        <>
          <h1 className="govuk-heading-l">{TITLES.expired}</h1>
          <p className="govuk-body">Invitation links work for 7 days. Ask a member of {view.organisationName} to invite you again.</p>
        </>
      ) : view.state === "accepted" ? (
        <>
          <h1 className="govuk-heading-l">{TITLES.accepted}</h1>
          <p className="govuk-body">
            Someone has already joined {view.organisationName} with this link. If that was you,{" "}
            <Link className="govuk-link" to="/applicant">
              go to your bids
            </Link>
            .
          </p>
          <p className="govuk-body">Otherwise, ask a member of the organisation to invite you again.</p>
        </>
      ) : view.state === "wrong_account" ? (
        <>
          <h1 className="govuk-heading-l">{TITLES.wrong_account}</h1>
          <p className="govuk-body">
            This invitation to join {view.organisationName} was sent to {view.invitedEmail}. Sign out, then sign in or create an account with that email
            address.
          </p>
        </>
      ) : (
        <ValidInvitation view={view} />
      )}
    </PageColumn>
  );
}

function ValidInvitation({ view }: { view: Extract<View, { state: "valid" }> }) {
  const { viewer } = view;
  return (
    <>
      <span className="govuk-caption-l">Invitation</span>
      <h1 className="govuk-heading-l">Join {view.organisationName}</h1>
      <p className="govuk-body">
        {view.inviterName} has invited {view.invitedEmail} to join {view.organisationName} on the Community Safety Fund portal. Members can see and work on the
        organisation&apos;s bids.
      </p>
      <p className="govuk-body">This invitation works until {formatDateTime(view.expiresAt)}.</p>
      {viewer.kind === "invitee" ? (
        <Form method="post">
          <Button>Accept invitation</Button>
        </Form>
      ) : viewer.kind === "anonymous" ? (
        <SignInLinks invitedEmail={view.invitedEmail} returnTo={viewer.returnTo} />
      ) : (
        <div className="govuk-inset-text">
          You are signed in as {viewer.email}
          {viewer.kind === "staff" ? ", a staff account. Staff accounts cannot join organisations" : ""}. To accept, sign out, then sign in or create an
          applicant account with {view.invitedEmail}.
        </div>
      )}
    </>
  );
}

/** Sign in or register, then come back to this page to accept. */
function SignInLinks({ invitedEmail, returnTo }: { invitedEmail: string; returnTo: string }) {
  const query = (path: string) => `${path}?${new URLSearchParams({ redirectTo: returnTo })}`;
  return (
    <>
      <p className="govuk-body">To accept, sign in or create an applicant account with {invitedEmail} first.</p>
      <a href={query("/sign-in")} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
        Sign in
      </a>
      <p className="govuk-body">
        New to the fund?{" "}
        <a className="govuk-link" href={query("/register")}>
          Create an account
        </a>
        .
      </p>
    </>
  );
}
