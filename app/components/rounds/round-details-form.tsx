import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { DateInput } from "~/components/govuk/date-input";
import { Button, Textarea, TextInput, YesNoRadios } from "~/components/govuk/fields";
import type { RoundDetailsInput } from "~/domain/rounds/round-details.schema";
import type { FieldErrors } from "~/lib/form-errors";

function Money({
  name,
  label,
  hint,
  errors,
  values,
}: {
  name: keyof RoundDetailsInput;
  label: string;
  hint?: string;
  errors: FieldErrors;
  values: RoundDetailsInput;
}) {
  return (
    <TextInput
      name={name}
      label={label}
      hint={hint}
      prefix="£"
      widthClass="govuk-input--width-10"
      inputMode="decimal"
      spellCheck={false}
      error={errors[name]}
      defaultValue={values[name] as string}
    />
  );
}

function Summary({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <SummaryList>
      {rows.map(([key, value]) => (
        <SummaryRow key={key} label={key}>
          {value}
        </SummaryRow>
      ))}
    </SummaryList>
  );
}

export function RoundDetailsForm({
  errors,
  values,
  locked,
  lockedReason,
  lockedSummary,
  codeLockedReason,
  before,
  submitLabel,
}: {
  errors: FieldErrors;
  values: RoundDetailsInput;
  locked: boolean;
  lockedReason?: string;
  lockedSummary?: [string, ReactNode][];
  /** Set once the code can no longer change: the code is shown, not asked for, with this reason. */
  codeLockedReason?: string | null;
  before?: ReactNode;
  submitLabel: string;
}) {
  return (
    <Form method="post" noValidate>
      {before}
      <TextInput name="name" label="Round name" hint="For example, 2026 to 2027, round 1" error={errors.name} defaultValue={values.name} />
      {codeLockedReason ? (
        <>
          <Summary rows={[["Round code", values.code]]} />
          <div className="govuk-inset-text">{codeLockedReason}</div>
        </>
      ) : (
        <TextInput
          name="code"
          label="Round code"
          hint="Used in bid references. The years and round number, like 2627-R1"
          widthClass="govuk-input--width-10"
          spellCheck={false}
          error={errors.code}
          defaultValue={values.code}
        />
      )}
      {locked ? null : (
        <DateInput
          name="opensAt"
          legend="When the round opens"
          hint="UK time. For example, 27 3 2026 and 09:00 (use the 24-hour clock)."
          withTime
          errors={errors}
          values={values.opensAt}
        />
      )}
      <DateInput
        name="closesAt"
        legend="When the round closes"
        hint="UK time. For example, 27 3 2026 and 09:00 (use the 24-hour clock)."
        withTime
        errors={errors}
        values={values.closesAt}
      />
      {locked ? (
        <>
          <h2 className="govuk-heading-m">Rules for bids</h2>
          <div className="govuk-inset-text">{lockedReason}</div>
          <Summary rows={lockedSummary ?? []} />
        </>
      ) : (
        <>
          <h2 className="govuk-heading-m">The pot</h2>
          <Money name="baseAllocation" label="Base allocation" errors={errors} values={values} />
          <Money name="rolledForward" label="Rolled forward from earlier rounds" hint="Leave blank if none" errors={errors} values={values} />
          <Money name="matchFunding" label="Match funding" hint="Leave blank if none" errors={errors} values={values} />
          <h2 className="govuk-heading-m">Awards</h2>
          <Money name="minAward" label="Minimum award" errors={errors} values={values} />
          <Money name="maxAward" label="Maximum award" hint="No more than the pot" errors={errors} values={values} />
          <Money
            name="smallBidThreshold"
            label="Small-bid threshold"
            hint="Bids asking for less than this answer the shorter form. Leave blank if every bid answers the full form."
            errors={errors}
            values={values}
          />
          <Textarea name="areas" label="Eligible areas" hint="Enter one area on each line" rows={5} error={errors.areas} defaultValue={values.areas} />
          <Textarea
            name="priorities"
            label="PCC priorities"
            hint="Enter one priority on each line"
            rows={5}
            error={errors.priorities}
            defaultValue={values.priorities}
          />
        </>
      )}
      <h2 className="govuk-heading-m">Sign-off and documents</h2>
      {locked ? (
        <Summary rows={[["OPCC sign-off", values.opccSignOffRequired === "yes" ? "Required before outcomes are released" : "Not required"]]} />
      ) : (
        <YesNoRadios
          name="opccSignOffRequired"
          legend="Must the OPCC sign off the allocation?"
          hint="This cannot be changed once the round opens."
          error={errors.opccSignOffRequired}
          defaultValue={values.opccSignOffRequired}
        />
      )}
      <TextInput
        name="maxDocumentMegabytes"
        label="Largest document applicants can upload, in megabytes"
        inputMode="numeric"
        widthClass="govuk-input--width-3"
        error={errors.maxDocumentMegabytes}
        defaultValue={values.maxDocumentMegabytes}
      />
      <h2 className="govuk-heading-m">After the decision</h2>
      <TextInput
        name="acceptanceDays"
        label="Days applicants have to accept an award"
        hint="Counted from when outcomes are released. An award not accepted by the end of the last day lapses. From 1 to 365."
        inputMode="numeric"
        widthClass="govuk-input--width-3"
        error={errors.acceptanceDays}
        defaultValue={values.acceptanceDays}
      />
      <YesNoRadios
        name="shareScoresWithApplicants"
        legend="Do applicants see their bid's score for each criterion?"
        hint="The outcome page then shows the bid's score on each criterion, as used to rank it. Assessors' names and their individual scores are never shown."
        error={errors.shareScoresWithApplicants}
        defaultValue={values.shareScoresWithApplicants}
      />
      <Button>{submitLabel}</Button>
    </Form>
  );
}
