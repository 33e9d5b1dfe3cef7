import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { OrganisationFields, useOrganisationForm } from "~/components/organisation-fields";
import { requireRole } from "~/web/guards.server";
import { organisationFormRefused, organisationNotFound } from "~/web/organisation.server";
import { parseForm } from "~/web/parse-form.server";
import { organisationSchema } from "~/domain/organisations/organisation.schema";
import { findOrganisationForMember, organisationFormValues, updateOrganisationForMember } from "~/domain/organisations/organisations.server";
import { formatDateTime } from "~/lib/dates";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => data.organisation.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const organisationId = params.organisationId ?? "";
  const organisation = await findOrganisationForMember(organisationId, user.id);
  if (!organisation) return organisationNotFound(request, user.id, organisationId);
  const search = new URL(request.url).searchParams;
  const invited = organisation.invitations.find((i) => i.id === search.get("invited"));
  return {
    organisation: { id: organisation.id, name: organisation.name },
    values: organisationFormValues(organisation),
    members: organisation.members.map((m) => ({ id: m.id, name: m.user.name, email: m.user.email, role: m.role })),
    invitations: organisation.invitations.map((i) => ({ id: i.id, email: i.email, expiresAt: i.expiresAt.toISOString(), invitedBy: i.invitedBy.name })),
    notice: search.has("updated")
      ? "Organisation details saved"
      : invited
        ? `Invitation sent to ${invited.email}`
        : search.has("joined")
          ? `You are now a member of ${organisation.name}`
          : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const organisationId = params.organisationId ?? "";
  const parsed = await parseForm(request, organisationSchema);
  if (!parsed.ok) {
    // Errors are shown only to members: anyone else learns nothing about the organisation.
    if (!(await findOrganisationForMember(organisationId, user.id))) return organisationNotFound(request, user.id, organisationId);
    return organisationFormRefused(parsed);
  }
  const updated = await updateOrganisationForMember(organisationId, user.id, parsed.data);
  if (!updated) return organisationNotFound(request, user.id, organisationId);
  return redirect(`/applicant/organisations/${organisationId}?updated=1`);
}

const ROLE_LABEL: Record<string, string> = { owner: "Owner", member: "Member" };

export default function Organisation() {
  const { organisation, values, members, invitations, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, register, onSubmit } = useOrganisationForm();
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      {notice && !actionData ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading govuk-!-text-break-word">{notice}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">Your organisation</span>
      <h1 className="govuk-heading-l">{organisation.name}</h1>

      <h2 className="govuk-heading-m">Members</h2>
      <p className="govuk-body">Members can see and work on all of the organisation&apos;s bids.</p>
      <Table label="Members" head={["Name", "Email address", "Role"]}>
        {members.map((member) => (
          <TableRow key={member.id}>
            <TableCell>{member.name}</TableCell>
            <TableCell>{member.email}</TableCell>
            <TableCell>{ROLE_LABEL[member.role] ?? member.role}</TableCell>
          </TableRow>
        ))}
      </Table>
      {invitations.length > 0 ? (
        <Table caption="Invitations not yet accepted" captionSize="s" head={["Email address", "Invited by", "Link works until"]}>
          {invitations.map((invitation) => (
            <TableRow key={invitation.id}>
              <TableCell>{invitation.email}</TableCell>
              <TableCell>{invitation.invitedBy}</TableCell>
              <TableCell>{formatDateTime(invitation.expiresAt)}</TableCell>
            </TableRow>
          ))}
        </Table>
      ) : null}
      <ParagraphLink to={`/applicant/organisations/${organisation.id}/invite`}>Invite a colleague</ParagraphLink>

      <h2 className="govuk-heading-m">Organisation details</h2>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <OrganisationFields field={(name) => register(name)} errors={errors} values={actionData?.values ?? values} />
        <Button>Save changes</Button>
      </Form>
      <ParagraphLink to="/applicant">Back to your bids</ParagraphLink>
    </PageColumn>
  );
}
