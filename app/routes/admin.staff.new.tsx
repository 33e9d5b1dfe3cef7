import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DocumentTitle } from "~/components/document-title";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios, TextInput } from "~/components/govuk/fields";
import { staffAccountSchema } from "~/domain/auth/accounts.schema";
import { createStaffAccount } from "~/domain/auth/accounts.server";
import { requireRole } from "~/web/guards.server";
import { refusalResponse } from "~/web/respond.server";
import { roleLabel, STAFF_ROLES } from "~/domain/auth/roles";
import { fieldErrorsFrom } from "~/lib/form-errors";
import { useGovukForm } from "~/lib/use-govuk-form";


export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const form = Object.fromEntries(await request.formData());
  const values = { name: String(form.name ?? ""), email: String(form.email ?? ""), role: String(form.role ?? "") };
  const parsed = staffAccountSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrorsFrom(parsed.error), values }, { status: 400 });
  const result = await createStaffAccount(admin.id, parsed.data);
  if (!result.ok) return refusalResponse(result.refusal, { values });
  return redirect("/admin");
}

export default function NewStaffAccount() {
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(staffAccountSchema, { serverErrors: actionData?.errors });
  return (
    <div className="govuk-grid-row">
      <DocumentTitle title="Add a staff account" errors={errors} />
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Add a staff account</h1>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <TextInput label="Full name" error={errors.name} defaultValue={actionData?.values.name} {...register("name")} />
          <TextInput label="Email address" type="email" spellCheck={false} error={errors.email} defaultValue={actionData?.values.email} {...register("email")} />
          <Radios
            name="role"
            legend="Role"
            error={errors.role}
            defaultValue={actionData?.values.role}
            choices={STAFF_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
            inputProps={register("role")}
          />
          <TextInput label="Temporary password" hint="12 characters or more. Give it to the person securely." type="password" autoComplete="new-password" error={errors.password} {...register("password")} />
          <Button>Add account</Button>
        </Form>
      </div>
    </div>
  );
}
