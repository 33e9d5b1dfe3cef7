import { Form, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout, useSectionAnswers } from "~/components/bids/section-layout";
import { Textarea, TextInput } from "~/components/govuk/fields";
import { answersSectionLoader, sectionAction } from "~/web/bid-section.server";
import { beneficiariesSchema } from "~/domain/bids/section-schemas/beneficiaries.schema";
import { textValue } from "~/lib/form-values";

export const meta = sectionMeta("Beneficiaries");

export const loader = answersSectionLoader("beneficiaries");

export const action = sectionAction("beneficiaries", {
  schema: ({ rules, mode }) => beneficiariesSchema(rules, mode),
  save: (answers) => ({ fields: answers }),
});

export default function Beneficiaries() {
  const { bid, values: saved, rules } = useLoaderData<typeof loader>();
  const schema = useMemo(() => beneficiariesSchema(rules, "complete"), [rules]);
  const { values, register, errors, onSubmit } = useSectionAnswers(schema, saved);
  return (
    <SectionLayout bid={bid} title="Beneficiaries" errors={errors}>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <DefaultSubmit />
        <Textarea
          label="Who will benefit from your project?"
          hint="For example, their ages, where they live, and why they need this project"
          maxWords={rules.beneficiariesMaxWords}
          error={errors.beneficiaries}
          defaultValue={textValue(values, "beneficiaries")}
          {...register("beneficiaries")}
        />
        <TextInput
          label="How many people will benefit?"
          hint="An estimate is fine, like 120"
          widthClass="govuk-input--width-5"
          inputMode="numeric"
          spellCheck={false}
          error={errors.beneficiaryCount}
          defaultValue={textValue(values, "beneficiaryCount")}
          {...register("beneficiaryCount")}
        />
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
