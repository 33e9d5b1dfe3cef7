import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DocumentTitle } from "~/components/document-title";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { OrganisationFields } from "~/components/organisation-fields";
import { requireRole } from "~/web/guards.server";
import { organisationNotFound } from "~/web/organisation.server";
import { ORGANISATION_FIELDS, organisationFormValuesFrom, organisationSchema } from "~/domain/organisations/organisation.schema";
import {
  findOrganisationForMember,
  organisationFormValues,
  updateOrganisationForMember,
} from "~/domain/organisations/organisations.server";
import { formatDateTime } from "~/lib/dates";
import { fieldErrorsFrom, inFieldOrder } from "~/lib/form-errors";
import { useGovukForm } from "~/lib/use-govuk-form";

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
  const form = await request.formData();
  const values = organisationFormValuesFrom(form);
  const parsed = organisationSchema.safeParse(values);
  if (!parsed.success) {
    // Errors are shown only to members: anyone else learns nothing about the organisation.
    if (!(await findOrganisationForMember(organisationId, user.id))) return organisationNotFound(request, user.id, organisationId);
    return data({ errors: inFieldOrder(fieldErrorsFrom(parsed.error), ORGANISATION_FIELDS), values }, { status: 400 });
  }
  const updated = await updateOrganisationForMember(organisationId, user.id, parsed.data);
  if (!updated) return organisationNotFound(request, user.id, organisationId);
  return redirect(`/applicant/organisations/${organisationId}?updated=1`);
}

const ROLE_LABEL: Record<string, string> = { owner: "Owner", member: "Member" };

export default function Organisation() {
  const { organisation, values, members, invitations, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useGovukForm(organisationSchema, { serverErrors: actionData?.errors });
  const errors = inFieldOrder(form.errors, ORGANISATION_FIELDS);
  return (
    <div className="govuk-grid-row">
      <DocumentTitle title={organisation.name} errors={errors} />
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {notice && !actionData ? (
          <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title" data-module="govuk-notification-banner">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="notice-title">
                Success
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">{notice}</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">Your organisation</span>
        <h1 className="govuk-heading-l">{organisation.name}</h1>

        <h2 className="govuk-heading-m">Members</h2>
        <p className="govuk-body">Members can see and work on all of the organisation&apos;s bids.</p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Members of {organisation.name}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Email address</th>
              <th scope="col" className="govuk-table__header">Role</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {members.map((member) => (
              <tr className="govuk-table__row" key={member.id}>
                <td className="govuk-table__cell">{member.name}</td>
                <td className="govuk-table__cell">{member.email}</td>
                <td className="govuk-table__cell">{ROLE_LABEL[member.role] ?? member.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {invitations.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Invitations not yet accepted</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Email address</th>
                <th scope="col" className="govuk-table__header">Invited by</th>
                <th scope="col" className="govuk-table__header">Link works until</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {invitations.map((invitation) => (
                <tr className="govuk-table__row" key={invitation.id}>
                  <td className="govuk-table__cell">{invitation.email}</td>
                  <td className="govuk-table__cell">{invitation.invitedBy}</td>
                  <td className="govuk-table__cell">{formatDateTime(invitation.expiresAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/applicant/organisations/${organisation.id}/invite`}>
            Invite a colleague
          </Link>
        </p>

        <h2 className="govuk-heading-m">Organisation details</h2>
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <OrganisationFields field={(name) => form.register(name)} errors={errors} values={actionData?.values ?? values} />
          <Button>Save changes</Button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/applicant">
            Back to your bids
          </Link>
        </p>
      </div>
    </div>
  );
}
