import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { requireRole } from "~/web/guards.server";
import { organisationNotFound } from "~/web/organisation.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { hit, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { inviteColleague } from "~/domain/organisations/invitations.server";
import { inviteSchema } from "~/domain/organisations/organisation.schema";
import { findOrganisationForMember } from "~/domain/organisations/organisations.server";
import { textValue } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Invite a colleague");
export const headers = retryAfterHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const organisationId = params.organisationId ?? "";
  const organisation = await findOrganisationForMember(organisationId, user.id);
  if (!organisation) return organisationNotFound(request, user.id, organisationId);
  return { organisation: { id: organisation.id, name: organisation.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const organisationId = params.organisationId ?? "";
  const parsed = await parseForm(request, inviteSchema);
  const values = { email: textValue(parsed.values, "email") };
  if (!parsed.ok) {
    if (!(await findOrganisationForMember(organisationId, user.id))) return organisationNotFound(request, user.id, organisationId);
    return refusalResponse(parsed.refusal, { values });
  }
  const throttle = await hit(THROTTLE_LIMITS.organisationInvitation, user.id, { actorId: user.id });
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "email", { values });
  const result = await inviteColleague({ organisationId, inviter: { id: user.id, name: user.name }, email: parsed.data.email });
  if (!result.ok && result.refusal.kind === "not_found") return organisationNotFound(request, user.id, organisationId);
  if (!result.ok) return refusalResponse(result.refusal, { values });
  return redirect(`/applicant/organisations/${organisationId}?invited=${result.invitationId}`);
}

export default function InviteColleague() {
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(inviteSchema, { serverErrors: actionData?.errors });
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{organisation.name}</span>
      <h1 className="govuk-heading-l">Invite a colleague</h1>
      <p className="govuk-body">
        We will email your colleague a link to join {organisation.name}. The link works for 7 days. Once they join, they can see and work on all of the
        organisation&apos;s bids.
      </p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextInput
          label="Your colleague's email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={errors.email}
          defaultValue={actionData?.values.email}
          {...register("email")}
        />
        <Button>Send invitation</Button>
      </Form>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/applicant/organisations/${organisation.id}`}>
          Back to {organisation.name}
        </Link>
      </p>
    </PageColumn>
  );
}
