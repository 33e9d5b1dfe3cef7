import { useActionData } from "@remix-run/react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { ORGANISATION_TYPES, organisationTypeLabel } from "~/domain/organisations/organisation-types";
import { ORGANISATION_FIELDS, organisationSchema, type OrganisationFormValues } from "~/domain/organisations/organisation.schema";
import { inFieldOrder, type FieldErrors } from "~/lib/form-errors";
import { useGovukForm } from "~/lib/use-govuk-form";
import { Radios, TextInput } from "./govuk/fields";

type Field = (typeof ORGANISATION_FIELDS)[number];

/** The organisation profile's form, checked in the browser as the action checks it; errors in question order. */
export function useOrganisationForm() {
  const actionData = useActionData() as { errors?: FieldErrors } | undefined;
  const { errors, register, onSubmit } = useGovukForm(organisationSchema, { serverErrors: actionData?.errors });
  return { errors: inFieldOrder(errors, ORGANISATION_FIELDS), register, onSubmit };
}

/** The organisation profile's questions, shared by the create and edit pages. */
export function OrganisationFields({
  field,
  errors,
  values,
}: {
  field: (name: Field) => UseFormRegisterReturn;
  errors: FieldErrors;
  values: Partial<OrganisationFormValues> | null | undefined;
}) {
  return (
    <>
      <TextInput label="Organisation name" autoComplete="organization" error={errors.name} defaultValue={values?.name} {...field("name")} />
      <Radios
        name="type"
        legend="Type of organisation"
        error={errors.type}
        defaultValue={values?.type}
        choices={ORGANISATION_TYPES.map((type) => ({ value: type, label: organisationTypeLabel(type) }))}
        inputProps={field("type")}
      />
      <TextInput
        label="Charity number"
        hint="Registered charities and CIOs must give their Charity Commission number, like 1167432"
        widthClass="govuk-input--width-10"
        spellCheck={false}
        error={errors.charityNumber}
        defaultValue={values?.charityNumber}
        {...field("charityNumber")}
      />
      <TextInput
        label="Company number"
        hint="CICs and companies limited by guarantee must give their Companies House number: 8 characters, like 12345678 or SC123456"
        widthClass="govuk-input--width-10"
        spellCheck={false}
        error={errors.companyNumber}
        defaultValue={values?.companyNumber}
        {...field("companyNumber")}
      />
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Address</legend>
        <TextInput
          label="Address line 1"
          autoComplete="address-line1"
          error={errors.addressLine1}
          defaultValue={values?.addressLine1}
          {...field("addressLine1")}
        />
        <TextInput
          label="Address line 2 (optional)"
          autoComplete="address-line2"
          error={errors.addressLine2}
          defaultValue={values?.addressLine2}
          {...field("addressLine2")}
        />
        <TextInput
          label="Town or city"
          autoComplete="address-level2"
          widthClass="govuk-!-width-two-thirds"
          error={errors.town}
          defaultValue={values?.town}
          {...field("town")}
        />
        <TextInput
          label="Postcode"
          autoComplete="postal-code"
          widthClass="govuk-input--width-10"
          spellCheck={false}
          error={errors.postcode}
          defaultValue={values?.postcode}
          {...field("postcode")}
        />
      </fieldset>
      <TextInput
        label="Annual income"
        hint="Your organisation's total income in its last financial year, in pounds, like 25000"
        prefix="£"
        widthClass="govuk-input--width-10"
        inputMode="decimal"
        spellCheck={false}
        error={errors.annualIncome}
        defaultValue={values?.annualIncome}
        {...field("annualIncome")}
      />
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Main contact</legend>
        <div className="govuk-hint">The person the fund team should contact about your organisation and its bids.</div>
        <TextInput label="Full name" autoComplete="name" error={errors.contactName} defaultValue={values?.contactName} {...field("contactName")} />
        <TextInput
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          error={errors.contactEmail}
          defaultValue={values?.contactEmail}
          {...field("contactEmail")}
        />
        <TextInput
          label="Telephone number (optional)"
          hint="For example 01632 960 001 or 07700 900 982"
          type="tel"
          autoComplete="tel"
          widthClass="govuk-input--width-20"
          error={errors.contactPhone}
          defaultValue={values?.contactPhone}
          {...field("contactPhone")}
        />
      </fieldset>
    </>
  );
}
