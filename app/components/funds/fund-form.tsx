import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Checkboxes, TextInput, Textarea } from "~/components/govuk/fields";
import { APPLICANT_TYPES, applicantTypeHint, applicantTypeLabel } from "~/domain/funds/applicant-types";
import { fundSchema, type FundFormValues } from "~/domain/funds/fund.schema";
import type { FieldErrors } from "~/lib/form-errors";
import { useGovukForm } from "~/lib/use-govuk-form";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

/** The page that creates or edits a fund: its details and who may apply. */
export function FundPage({
  title,
  caption,
  values,
  serverErrors,
  submitLabel,
  codeLockedBy,
}: {
  title: string;
  caption?: string;
  values: FundFormValues;
  serverErrors?: FieldErrors;
  submitLabel: string;
  codeLockedBy?: string | null;
}) {
  const form = useGovukForm(fundSchema, { serverErrors });
  const errors = form.errors;
  return (
    <PageColumn>
      <BackLink to="/administrator/funds">Back to funds</BackLink>
      <ErrorSummary errors={errors} />
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <h1 className="govuk-heading-l">{title}</h1>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextInput label="Fund name" error={errors.name} defaultValue={values.name} {...form.register("name")} />
        <TextInput
          label="Fund code"
          hint={
            codeLockedBy
              ? `Used in bid references. It cannot be changed now: bids already have references made from it, like ${codeLockedBy}.`
              : "Used in bid references, like CSF in CSF-2627-R1-0042. 2 to 8 letters or numbers."
          }
          widthClass="govuk-input--width-10"
          spellCheck={false}
          readOnly={Boolean(codeLockedBy)}
          error={errors.code}
          defaultValue={values.code}
          {...form.register("code")}
        />
        <Textarea
          label="What the fund is for"
          hint="Shown on the public page of each of the fund's rounds."
          error={errors.description}
          defaultValue={values.description}
          rows={5}
          {...form.register("description")}
        />
        <Checkboxes
          name="applicantTypes"
          legend="Who may apply"
          hint="The eligibility check refuses any other type of organisation, and an organisation of another type cannot start a bid. Select all that apply."
          error={errors.applicantTypes}
          defaultValue={values.applicantTypes}
          choices={APPLICANT_TYPES.map((type) => ({ value: type, label: applicantTypeLabel(type), hint: applicantTypeHint(type) }))}
          inputProps={form.register("applicantTypes")}
        />
        <Button>{submitLabel}</Button>
      </Form>
    </PageColumn>
  );
}
