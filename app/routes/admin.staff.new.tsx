import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios, TextInput } from "~/components/govuk/fields";
import { staffAccountSchema } from "~/domain/auth/accounts.schema";
import { createStaffAccount } from "~/domain/auth/accounts.server";
import { requireRole } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { hit, THROTTLE_LIMITS } from "~/domain/auth/throttle.server";
import { retryAfterHeaders, throttledResponse } from "~/web/throttle.server";
import { textValue } from "~/lib/form-values";
import { roleLabel, STAFF_ROLES } from "~/domain/auth/roles";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Add a staff account");
export const headers = retryAfterHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, ["admin"]);
  const parsed = await parseForm(request, staffAccountSchema);
  const values = { name: textValue(parsed.values, "name"), email: textValue(parsed.values, "email"), role: textValue(parsed.values, "role") };
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values });
  const throttle = await hit(THROTTLE_LIMITS.staffInvitation, admin.id, { actorId: admin.id });
  if (!throttle.ok) return throttledResponse(throttle.retryAfterSeconds, "email", { values });
  const result = await createStaffAccount(admin.id, parsed.data);
  if (!result.ok) return refusalResponse(result.refusal, { values });
  return redirect("/admin");
}

export default function NewStaffAccount() {
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(staffAccountSchema, { serverErrors: actionData?.errors });
  return (
    <PageColumn>
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
        <TextInput
          label="Temporary password"
          hint="12 characters or more. Give it to the person securely."
          type="password"
          autoComplete="new-password"
          error={errors.password}
          {...register("password")}
        />
        <Button>Add account</Button>
      </Form>
    </PageColumn>
  );
}
