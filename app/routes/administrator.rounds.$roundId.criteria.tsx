import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RoundSetupPage } from "~/components/rounds/round-setup-page";
import { Button, Textarea, TextInput } from "~/components/govuk/fields";
import { requirePermission } from "~/web/guards.server";
import { criterionField, MAX_CRITERIA, weightsTotal } from "~/domain/rounds/criteria";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { loadRoundCriteria, submitRoundCriteria } from "~/domain/rounds/criteria.server";
import { formatDateTime } from "~/lib/dates";
import { orNotFound } from "~/web/not-found";
import type { FieldErrors } from "~/lib/form-errors";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Assessment criteria");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadRoundCriteria(params.roundId ?? "", new Date()), "Round not found");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const answer = await submitRoundCriteria(user.id, roundId, await readForm(request), new Date());
  if (answer.ok && !answer.rows) return redirect(`/administrator/rounds/${roundId}/criteria?saved=1`);
  // A new revision remounts the rows, so inputs show the rows as they now are (they are uncontrolled).
  const page = { rows: answer.rows ?? [], revision: Date.now() };
  return answer.ok ? data({ ...page, errors: {} as FieldErrors }) : refusalResponse(answer.refusal, page);
}

export default function AssessmentCriteria() {
  const { round, locked, criteria, copiedFrom, rows: loadedRows } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors: FieldErrors = actionData?.errors ?? {};
  const rows = actionData?.rows ?? loadedRows;
  const revision = actionData?.revision ?? 0;
  return (
    <RoundSetupPage
      title="Assessment criteria"
      roundName={round.name}
      errors={errors}
      banner={
        search.get("saved") && !actionData ? (
          <>
            <p className="govuk-notification-banner__heading">The criteria have been saved.</p>
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" to={`/administrator/rounds/${round.id}/descriptors`}>
                Check the score descriptors for each criterion
              </Link>
            </p>
          </>
        ) : null
      }
    >
      {locked ? (
        <>
          <div className="govuk-inset-text">
            {`The round opened on ${formatDateTime(round.opensAt)}. The criteria, their weights and their scales cannot be changed now: that would change the rules for bids already submitted.`}
          </div>
          {criteria.length === 0 ? (
            <p className="govuk-body">This round has no criteria.</p>
          ) : (
            <Table caption="Criteria" head={["Criterion", { text: "Weight", numeric: true }, "Scores"]}>
              {criteria.map((c) => (
                <TableRow key={c.id}>
                  <TableRowHeader>{c.title}</TableRowHeader>
                  <TableCell numeric>{`${c.weightPercent}%`}</TableCell>
                  <TableCell>{`0 to ${c.maxScore}`}</TableCell>
                </TableRow>
              ))}
            </Table>
          )}
        </>
      ) : (
        <>
          <p className="govuk-body">
            Assessors score each bid against every criterion, from 0 to the criterion&apos;s highest score. The weights say how much each criterion counts
            towards a bid&apos;s score, and must add up to 100%.
          </p>
          {copiedFrom ? (
            <div className="govuk-inset-text">
              {`These criteria and their score descriptors were copied from ${copiedFrom}, the fund's previous round. Check them and change anything this round needs to be different.`}
            </div>
          ) : null}
          <Form method="post" noValidate>
            {/* Pressing Enter in a field saves, rather than pressing the first "Remove" button. */}
            <button type="submit" name="intent" value="save" hidden tabIndex={-1} />
            {rows.length === 0 ? <p className="govuk-body">There are no criteria. Add at least one.</p> : null}
            {rows.map((row, index) => (
              <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={`${revision}-${index}`}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                  <h2 className="govuk-fieldset__heading">{`Criterion ${index + 1}`}</h2>
                </legend>
                <input type="hidden" name={criterionField(index, "id")} value={row.id} />
                <TextInput name={criterionField(index, "title")} label="Title" error={errors[criterionField(index, "title")]} defaultValue={row.title} />
                <Textarea
                  name={criterionField(index, "guidance")}
                  label="Guidance for assessors"
                  hint="What assessors should look for. Optional, up to 1,000 characters."
                  rows={3}
                  error={errors[criterionField(index, "guidance")]}
                  defaultValue={row.guidance}
                />
                <TextInput
                  name={criterionField(index, "weightPercent")}
                  label="Weight, in per cent"
                  inputMode="numeric"
                  widthClass="govuk-input--width-3"
                  suffix="%"
                  error={errors[criterionField(index, "weightPercent")]}
                  defaultValue={row.weightPercent}
                />
                <TextInput
                  name={criterionField(index, "maxScore")}
                  label="Highest score"
                  hint="A whole number from 1 to 10. Assessors score from 0 to this number."
                  inputMode="numeric"
                  widthClass="govuk-input--width-2"
                  error={errors[criterionField(index, "maxScore")]}
                  defaultValue={row.maxScore}
                />
                <Button secondary name="intent" value={`remove:${index + 1}`}>
                  Remove<span className="govuk-visually-hidden">{` criterion ${index + 1}`}</span>
                </Button>
              </fieldset>
            ))}
            <p className="govuk-body">{`Weights add up to ${weightsTotal(rows)}%`}</p>
            {rows.length < MAX_CRITERIA ? (
              <Button secondary name="intent" value="add">
                Add another criterion
              </Button>
            ) : null}
            <div className="govuk-button-group">
              <Button name="intent" value="save">
                Save criteria
              </Button>
            </div>
          </Form>
        </>
      )}
    </RoundSetupPage>
  );
}
