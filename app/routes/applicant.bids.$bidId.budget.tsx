import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { DefaultSubmit, RepeatingRows, SaveButtons, sectionMeta, SectionLayout, useSectionRows } from "~/components/bids/section-layout";
import { ErrorMessage, TextInput } from "~/components/govuk/fields";
import { budgetTotals } from "~/domain/bids/amount-rule";
import { requireApplicantBid } from "~/web/bid-page.server";
import { rowsSectionAction, rowsSectionPage } from "~/web/bid-section.server";
import { budgetSchema, type BudgetRow } from "~/domain/bids/section-schemas/budget.schema";
import { replaceBudgetLines } from "~/domain/bids/bids.server";
import { sectionValues } from "~/domain/bids/sections";
import { formatPounds, parsePounds } from "~/lib/money";

const FIELDS = ["item", "cost", "otherFunding"] as const;
const BLANK: BudgetRow = { item: "", cost: "", otherFunding: "" };

export const meta = sectionMeta("Budget");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return { ...rowsSectionPage(bid, sectionValues(bid).budget.lines, BLANK), amountRequestedPence: bid.amountRequestedPence };
}

// The amount rule is checked against the amount saved in "About the project".
export const action = rowsSectionAction("budget", {
  list: "lines",
  row: "line",
  fields: FIELDS,
  maxRows: (rules) => rules.maxBudgetLines,
  tooMany: (max) => `You can add up to ${max} budget lines`,
  schema: ({ bid, rules, mode }) => budgetSchema(rules, bid.amountRequestedPence, mode),
  save: (answers) => ({ rows: replaceBudgetLines(answers) }),
});

/** Totals of what can be read so far; a line with an unreadable amount counts as £0 until fixed. */
function totalsOf(rows: BudgetRow[]) {
  const pence = (value: string) => {
    const parsed = parsePounds(value);
    return parsed.ok ? parsed.pence : 0;
  };
  return budgetTotals(rows.map((row) => ({ costPence: pence(row.cost), otherFundingPence: pence(row.otherFunding) })));
}

export default function Budget() {
  const loaderData = useLoaderData<typeof loader>();
  const { errors, rows, revision } = useSectionRows(loaderData.rows);
  const { rules, amountRequestedPence, bid } = loaderData;
  const totals = totalsOf(rows);
  return (
    <SectionLayout bid={bid} title="Budget" errors={errors}>
      <p className="govuk-body">
        List what the project will cost. If part of a cost is paid by other funding or match funding, give that part as other funding. The fund pays the total
        cost minus other funding, which must equal the amount you are requesting.
      </p>
      <Form method="post" noValidate>
        <DefaultSubmit />
        <RepeatingRows rows={rows} revision={revision} row="line" rowName="budget line" maxRows={rules.maxBudgetLines} addLabel="Add another line">
          {(row, index) => (
            <>
              <TextInput name={`lines.${index}.item`} label="What it is for" error={errors[`lines.${index}.item`]} defaultValue={row.item} />
              <TextInput
                name={`lines.${index}.cost`}
                label="Cost"
                prefix="£"
                widthClass="govuk-input--width-10"
                inputMode="decimal"
                spellCheck={false}
                error={errors[`lines.${index}.cost`]}
                defaultValue={row.cost}
              />
              <TextInput
                name={`lines.${index}.otherFunding`}
                label="Other funding towards this cost (optional)"
                hint="Money from other funders or your own, including match funding"
                prefix="£"
                widthClass="govuk-input--width-10"
                inputMode="decimal"
                spellCheck={false}
                error={errors[`lines.${index}.otherFunding`]}
                defaultValue={row.otherFunding}
              />
            </>
          )}
        </RepeatingRows>
        <div id="budgetTotal" tabIndex={-1} className={`govuk-form-group${errors.budgetTotal ? " govuk-form-group--error" : ""}`}>
          <h2 className="govuk-heading-m">Totals</h2>
          {errors.budgetTotal ? <ErrorMessage id="budgetTotal-error">{errors.budgetTotal}</ErrorMessage> : null}
          <SummaryList>
            <SummaryRow label="Total cost" valueClassName="app-money">
              {formatPounds(totals.costPence)}
            </SummaryRow>
            <SummaryRow label="Other funding" valueClassName="app-money">
              {formatPounds(totals.otherFundingPence)}
            </SummaryRow>
            <SummaryRow label="Asked of the fund" valueClassName="app-money">
              {formatPounds(totals.askPence)}
            </SummaryRow>
            <SummaryRow label="Amount requested" valueClassName="app-money">
              {amountRequestedPence === null ? (
                <>
                  Not given yet.{" "}
                  <Link className="govuk-link" to={`/applicant/bids/${bid.id}/about`}>
                    Give the amount in About the project
                  </Link>
                </>
              ) : (
                formatPounds(amountRequestedPence)
              )}
            </SummaryRow>
          </SummaryList>
          <p className="govuk-hint">Totals are worked out again when you save.</p>
        </div>
        <SaveButtons />
      </Form>
    </SectionLayout>
  );
}
