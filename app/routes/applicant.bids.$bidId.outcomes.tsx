import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DefaultSubmit, SaveButtons, sectionMeta, SectionLayout } from "~/components/bids/section-layout";
import { Button, TextInput } from "~/components/govuk/fields";
import { afterSave, frozenResponse, requireApplicantBid } from "~/web/bid-page.server";
import { outcomesSchema, type OutcomeRow } from "~/domain/bids/bid-sections.schema";
import { replaceOutcomes, saveSection } from "~/domain/bids/bids.server";
import { formRows, formValues, rowIntent } from "~/lib/form-values";
import { formRulesFor } from "~/domain/bids/proportionate";
import { sectionValues } from "~/domain/bids/sections";
import { fieldErrorsFrom, type FieldErrors } from "~/lib/form-errors";

const FIELDS = ["outcome", "indicator", "target"] as const;
const BLANK: OutcomeRow = { outcome: "", indicator: "", target: "" };

export const meta = sectionMeta("Outcomes");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  const outcomes = sectionValues(bid).outcomes.outcomes;
  return {
    bid: { id: bid.id, title: bid.title, status: bid.status },
    rows: outcomes.length > 0 ? outcomes : [BLANK],
    rules: formRulesFor(bid.amountRequestedPence, bid.round.smallBidThresholdPence),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  if (bid.status !== "draft") return frozenResponse();
  const values = formValues(await request.formData());
  const rows = formRows(values.outcomes, FIELDS);
  const rules = formRulesFor(bid.amountRequestedPence, bid.round.smallBidThresholdPence);
  const intent = rowIntent(values.intent, "outcome");
  const revision = Date.now();
  // Adding and removing rows changes the page, not the bid: it works the same with or without JavaScript.
  if (intent.kind === "add") {
    if (rows.length >= rules.maxOutcomes) {
      return data(
        {
          errors: { [`outcomes.${rows.length - 1}.outcome`]: `You can add up to ${rules.maxOutcomes} outcomes` } as FieldErrors,
          rows,
          revision,
          frozen: false,
        },
        { status: 400 },
      );
    }
    return data({ errors: {} as FieldErrors, rows: [...rows, BLANK], revision, frozen: false });
  }
  if (intent.kind === "remove") {
    const remaining = rows.filter((_, index) => index !== intent.index);
    return data({ errors: {} as FieldErrors, rows: remaining.length > 0 ? remaining : [BLANK], revision, frozen: false });
  }
  const parsed = outcomesSchema(rules, intent.mode).safeParse({ outcomes: rows });
  if (!parsed.success) return data({ errors: fieldErrorsFrom(parsed.error), rows, revision, frozen: false }, { status: 400 });
  const result = await saveSection({
    bidId: bid.id,
    viewer: user,
    section: "outcomes",
    status: intent.mode === "complete" ? "completed" : "in_progress",
    rows: replaceOutcomes(parsed.data),
  });
  return afterSave(result, bid.id);
}

export default function Outcomes() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? {}) as FieldErrors;
  const rows = (actionData && "rows" in actionData ? actionData.rows : null) ?? loaderData.rows;
  const revision = actionData && "revision" in actionData ? actionData.revision : 0;
  const { rules } = loaderData;
  return (
    <SectionLayout bid={loaderData.bid} title="Outcomes" errors={errors}>
      <p className="govuk-body">
        Tell us what will change because of your project, how you will measure it, and the target you will aim for. Add up to {rules.maxOutcomes} outcomes.
      </p>
      <Form method="post" noValidate>
        <DefaultSubmit />
        {rows.map((row, index) => (
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={`${revision}-${index}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
              <h2 className="govuk-fieldset__heading">{`Outcome ${index + 1}`}</h2>
            </legend>
            <TextInput
              name={`outcomes.${index}.outcome`}
              label="What will change"
              hint={index === 0 ? "For example, young people in the town centre feel safer" : undefined}
              error={errors[`outcomes.${index}.outcome`]}
              defaultValue={row.outcome}
            />
            <TextInput
              name={`outcomes.${index}.indicator`}
              label="How you will measure it"
              hint={index === 0 ? "For example, the number of reported incidents, or a survey" : undefined}
              error={errors[`outcomes.${index}.indicator`]}
              defaultValue={row.indicator}
            />
            <TextInput
              name={`outcomes.${index}.target`}
              label="Target"
              hint={index === 0 ? "For example, 20% fewer incidents by March 2027" : undefined}
              error={errors[`outcomes.${index}.target`]}
              defaultValue={row.target}
            />
            {rows.length > 1 ? (
              <Button secondary name="intent" value={`remove-outcome:${index}`}>
                Remove<span className="govuk-visually-hidden"> outcome {index + 1}</span>
              </Button>
            ) : null}
          </fieldset>
        ))}
        {rows.length < rules.maxOutcomes ? (
          <Button secondary name="intent" value="add-outcome">
            Add another outcome
          </Button>
        ) : null}
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
