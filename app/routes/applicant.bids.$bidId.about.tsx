import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DateInput } from "~/components/govuk/date-input";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout, useSectionAnswers } from "~/components/bids/section-layout";
import { Textarea, TextInput } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { layoutBid, sectionAction } from "~/web/bid-section.server";
import { aboutSchema, type DateParts } from "~/domain/bids/section-schemas/about.schema";
import { textValue, type FormObject } from "~/lib/form-values";
import { bandRulesFor } from "~/domain/bids/proportionate";
import { roundBands } from "~/domain/bids/stored-form-rules";
import { sectionValues } from "~/domain/bids/sections";
import { formatPounds } from "~/lib/money";

export const meta = sectionMeta("About the project");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  const { minAwardPence, maxAwardPence } = bid.round;
  // Both bands' rules, read here: the summary's limit in the browser follows the amount typed.
  const round = { minAwardPence, maxAwardPence, ...roundBands(bid.round) };
  return {
    bid: layoutBid(bid),
    round,
    values: sectionValues(bid).about as FormObject,
    rules: bandRulesFor(bid.amountRequestedPence, round),
  };
}

export const action = sectionAction("about", {
  schema: ({ bid, mode }) => aboutSchema({ ...bid.round, ...roundBands(bid.round) }, mode),
  save: (answers) => ({ fields: answers }),
});

export default function AboutTheProject() {
  const { bid, round, values: saved, rules } = useLoaderData<typeof loader>();
  const schema = useMemo(() => aboutSchema(round, "complete"), [round]);
  const { values, register, errors, onSubmit } = useSectionAnswers(schema, saved);
  return (
    <SectionLayout bid={bid} title="About the project" errors={errors}>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <DefaultSubmit />
        <TextInput
          label="Project title"
          hint="A short name for your project"
          error={errors.title}
          defaultValue={textValue(values, "title")}
          {...register("title")}
        />
        <TextInput
          label="Amount requested"
          hint={`Between ${formatPounds(round.minAwardPence)} and ${formatPounds(round.maxAwardPence)}. This must equal your budget total minus any other funding. Bids for less than ${formatPounds(round.smallBidThresholdPence)} answer a shorter form.`}
          prefix="£"
          widthClass="govuk-input--width-10"
          inputMode="decimal"
          spellCheck={false}
          error={errors.amountRequested}
          defaultValue={textValue(values, "amountRequested")}
          {...register("amountRequested")}
        />
        <Textarea
          label="Summary of your project"
          hint={`What you will do, where, and why it is needed. Up to ${rules.summaryMaxWords} words (bids for less than ${formatPounds(round.smallBidThresholdPence)}: up to 150 words).`}
          maxWords={rules.summaryMaxWords}
          rows={8}
          error={errors.summary}
          defaultValue={textValue(values, "summary")}
          {...register("summary")}
        />
        <DateInput
          name="projectStart"
          legend="Project start date"
          hint="For example, 1 4 2026"
          errors={errors}
          values={values.projectStart as DateParts | undefined}
          register={register as never}
        />
        <DateInput
          name="projectEnd"
          legend="Project end date"
          hint="For example, 31 3 2027"
          errors={errors}
          values={values.projectEnd as DateParts | undefined}
          register={register as never}
        />
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
