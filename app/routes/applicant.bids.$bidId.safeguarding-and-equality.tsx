import { Form, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout, useSectionAnswers } from "~/components/bids/section-layout";
import { Textarea } from "~/components/govuk/fields";
import { answersSectionLoader, sectionAction } from "~/web/bid-section.server";
import { safeguardingSchema } from "~/domain/bids/section-schemas/safeguarding.schema";
import { textValue } from "~/lib/form-values";

export const meta = sectionMeta("Safeguarding and equality");

export const loader = answersSectionLoader("safeguarding-and-equality");

export const action = sectionAction("safeguarding-and-equality", {
  schema: ({ rules, mode }) => safeguardingSchema(rules, mode),
  save: (answers) => ({ fields: answers }),
});

export default function SafeguardingAndEquality() {
  const { bid, values: saved, rules } = useLoaderData<typeof loader>();
  const schema = useMemo(() => safeguardingSchema(rules, "complete"), [rules]);
  const { values, register, errors, onSubmit } = useSectionAnswers(schema, saved);
  return (
    <SectionLayout bid={bid} title="Safeguarding and equality" errors={errors}>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <DefaultSubmit />
        <Textarea
          label="How will you keep children and adults at risk safe?"
          hint="For example, your safeguarding lead, DBS checks, training, and what you do if someone raises a concern"
          maxWords={rules.safeguardingMaxWords}
          rows={8}
          error={errors.safeguardingAnswer}
          defaultValue={textValue(values, "safeguardingAnswer")}
          {...register("safeguardingAnswer")}
        />
        <Textarea
          label={
            rules.equalityRequired
              ? "How will your project reach and include everyone who could benefit?"
              : "How will your project reach and include everyone who could benefit? (optional)"
          }
          hint={
            rules.equalityRequired
              ? "For example, how you will reach groups who are often missed, and make the project accessible"
              : "You are asking for a small amount, so you do not have to answer this question"
          }
          maxWords={rules.equalityMaxWords}
          rows={8}
          error={errors.equalityAnswer}
          defaultValue={textValue(values, "equalityAnswer")}
          {...register("equalityAnswer")}
        />
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
