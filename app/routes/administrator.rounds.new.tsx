import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Radios } from "~/components/govuk/fields";
import { RoundDetailsForm } from "~/components/rounds/round-details-form";
import { StageChoice } from "~/components/stages/round-stage-links";
import { requirePermission } from "~/web/guards.server";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { createRound, listFunds } from "~/domain/rounds/round-details.server";
import { EMPTY_ROUND_DETAILS, roundDetailsInput } from "~/domain/rounds/round-details.schema";
import { textValue } from "~/lib/form-values";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Create a round");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  const funds = await listFunds();
  const chosen = new URL(request.url).searchParams.get("fund");
  return { funds, chosenFundId: funds.some((f) => f.id === chosen) ? chosen : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const values = await readForm(request);
  const fundId = textValue(values, "fundId");
  const result = await createRound(user.id, fundId, roundDetailsInput(values));
  if (!result.ok) return refusalResponse(result.refusal, { values: result.values, fundId, twoStage: textValue(values, "twoStage") });
  // A two-stage round's dates and cap are set next, on its own page (ADR 0026).
  if (textValue(values, "twoStage") === "yes") return redirect(`/administrator/rounds/${result.roundId}/stages?twoStage=yes`);
  return redirect(`/administrator/rounds/${result.roundId}/details?created=1`);
}

export default function NewRound() {
  const { funds, chosenFundId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? EMPTY_ROUND_DETAILS;
  const fundId = actionData?.fundId ?? chosenFundId ?? (funds.length === 1 ? funds[0]!.id : "");
  return (
    <PageColumn>
      <BackLink to="/administrator">Back to fund administration</BackLink>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Create a round</h1>
      <RoundDetailsForm
        errors={errors}
        values={values}
        locked={false}
        submitLabel="Create round"
        before={
          <>
            <Radios name="fundId" legend="Fund" error={errors.fundId} defaultValue={fundId} choices={funds.map((f) => ({ value: f.id, label: f.name }))} />
            <StageChoice defaultValue={actionData?.twoStage} />
          </>
        }
      />
    </PageColumn>
  );
}
