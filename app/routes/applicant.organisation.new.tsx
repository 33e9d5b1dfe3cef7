import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { OrganisationFields, useOrganisationForm } from "~/components/organisation-fields";
import { requireRole } from "~/web/guards.server";
import { organisationFormRefused } from "~/web/organisation.server";
import { parseForm } from "~/web/parse-form.server";
import { organisationSchema } from "~/domain/organisations/organisation.schema";
import { createOrganisation } from "~/domain/organisations/organisations.server";
import { redirectAfterCreate } from "~/domain/organisations/redirect-after-create.server";
import { textValue } from "~/lib/form-values";
import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Create your organisation's profile");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  return {
    redirectTo: redirectTo ? redirectAfterCreate(redirectTo) : "",
    // The person creating the profile is usually its main contact.
    defaults: { contactName: user.name, contactEmail: user.email },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const parsed = await parseForm(request, organisationSchema);
  if (!parsed.ok) return organisationFormRefused(parsed);
  await createOrganisation(user.id, parsed.data);
  return redirect(redirectAfterCreate(textValue(parsed.values, "redirectTo")));
}

export default function NewOrganisation() {
  const { redirectTo, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, register, onSubmit } = useOrganisationForm();
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Create your organisation&apos;s profile</h1>
      <p className="govuk-body">
        Your organisation&apos;s profile is used in every bid it makes. You will be its first member, and you can invite colleagues to join it.
      </p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <OrganisationFields field={(name) => register(name)} errors={errors} values={actionData?.values ?? defaults} />
        <Button>Save and continue</Button>
      </Form>
    </PageColumn>
  );
}
