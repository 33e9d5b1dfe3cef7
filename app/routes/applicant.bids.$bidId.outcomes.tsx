import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { DefaultSubmit, RepeatingRows, SaveButtons, sectionMeta, SectionLayout, useSectionRows } from "~/components/bids/section-layout";
import { TextInput } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { rowsSectionAction, rowsSectionPage } from "~/web/bid-section.server";
import { outcomesSchema, type OutcomeRow } from "~/domain/bids/section-schemas/outcomes.schema";
import { replaceOutcomes } from "~/domain/bids/bids.server";
import { sectionValues } from "~/domain/bids/sections";

const FIELDS = ["outcome", "indicator", "target"] as const;
const BLANK: OutcomeRow = { outcome: "", indicator: "", target: "" };

export const meta = sectionMeta("Outcomes");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId, "outcomes");
  return rowsSectionPage(bid, sectionValues(bid).outcomes.outcomes, BLANK);
}

export const action = rowsSectionAction("outcomes", {
  list: "outcomes",
  row: "outcome",
  fields: FIELDS,
  maxRows: (rules) => rules.maxOutcomes,
  tooMany: (max) => `You can add up to ${max} outcomes`,
  schema: ({ rules, mode }) => outcomesSchema(rules, mode),
  save: (answers) => ({ rows: replaceOutcomes(answers) }),
});

export default function Outcomes() {
  const loaderData = useLoaderData<typeof loader>();
  const { errors, rows, revision } = useSectionRows(loaderData.rows);
  const { rules } = loaderData;
  return (
    <SectionLayout bid={loaderData.bid} title="Outcomes" errors={errors}>
      <p className="govuk-body">
        Tell us what will change because of your project, how you will measure it, and the target you will aim for. Add up to {rules.maxOutcomes} outcomes.
      </p>
      <Form method="post" noValidate>
        <DefaultSubmit />
        <RepeatingRows rows={rows} revision={revision} row="outcome" rowName="outcome" maxRows={rules.maxOutcomes} addLabel="Add another outcome">
          {(row, index) => (
            <>
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
            </>
          )}
        </RepeatingRows>
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
