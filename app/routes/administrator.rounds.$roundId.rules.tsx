import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useMemo } from "react";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { RoundSetupPage } from "~/components/rounds/round-setup-page";
import { Button, TextInput } from "~/components/govuk/fields";
import { requirePermission } from "~/web/guards.server";
import { ROUND_RULES_FIELDS, roundRulesSchema, topScaleOf } from "~/domain/rounds/round-rules.schema";
import { loadRoundRules, saveRoundRules } from "~/domain/rounds/round-rules.server";
import { textValue } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { formatDateTime } from "~/lib/dates";
import { orNotFound } from "~/web/not-found";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";

export const meta = titleMeta("Assessment rules");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadRoundRules(params.roundId ?? "", new Date()), "Round not found");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  // The criteria weights are changed on the criteria page only; any posted here are ignored.
  const posted = await readForm(request);
  const result = await saveRoundRules(user.id, roundId, posted, new Date());
  if (!result.ok) return refusalResponse(result.refusal, { values: Object.fromEntries(ROUND_RULES_FIELDS.map((name) => [name, textValue(posted, name)])) });
  return redirect(`/administrator/rounds/${roundId}/rules?saved=1`);
}

export default function RoundRules() {
  const { round, scoringLocked, criteria, ...loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const schema = useMemo(() => roundRulesSchema(topScaleOf(criteria)), [criteria]);
  const { register, errors, onSubmit } = useGovukForm(schema, { serverErrors: actionData?.errors });
  const values: Record<string, string | undefined> = actionData?.values ?? loaded.values;
  return (
    <RoundSetupPage
      title="Assessment rules"
      roundName={round.name}
      errors={errors}
      banner={
        search.get("saved") && !actionData ? (
          <>
            <p className="govuk-notification-banner__heading">The assessment rules have been saved.</p>
          </>
        ) : null
      }
    >
      <Form method="post" noValidate onSubmit={onSubmit}>
        <h2 className="govuk-heading-m">How bids are scored</h2>
        {scoringLocked ? (
          <>
            <div className="govuk-inset-text">
              {`The round opened on ${formatDateTime(round.opensAt)}. The quality threshold and criteria weights cannot be changed now: that would change the rules for bids already submitted.`}
            </div>
            <SummaryList>
              <SummaryRow label="Quality threshold">{`${loaded.values.qualityThresholdPercent}%`}</SummaryRow>
            </SummaryList>
          </>
        ) : (
          <TextInput
            {...register("qualityThresholdPercent")}
            label="Quality threshold, in per cent"
            hint="The weighted score a bid must reach to be funded."
            inputMode="numeric"
            widthClass="govuk-input--width-3"
            error={errors.qualityThresholdPercent}
            defaultValue={values.qualityThresholdPercent}
          />
        )}
        <h3 className="govuk-heading-s">Criteria and their weights</h3>
        {criteria.length === 0 ? (
          <p className="govuk-body">This round has no criteria yet.</p>
        ) : (
          <SummaryList>
            {criteria.map((c) => (
              <SummaryRow key={c.id} label={c.title}>{`${c.weightPercent}% of the score, scored 0 to ${c.maxScore}`}</SummaryRow>
            ))}
          </SummaryList>
        )}
        {scoringLocked ? null : <ParagraphLink to={`/administrator/rounds/${round.id}/criteria`}>Change the criteria and their weights</ParagraphLink>}
        <h2 className="govuk-heading-m">Assessors</h2>
        <TextInput
          {...register("assessorsPerBid")}
          label="Assessors per bid"
          inputMode="numeric"
          widthClass="govuk-input--width-2"
          error={errors.assessorsPerBid}
          defaultValue={values.assessorsPerBid}
        />
        <TextInput
          {...register("moderationSpread")}
          label="Moderation spread"
          hint="A bid is flagged for moderation when assessors' scores for a criterion are further apart than this."
          inputMode="numeric"
          widthClass="govuk-input--width-2"
          error={errors.moderationSpread}
          defaultValue={values.moderationSpread}
        />
        <Button>Save assessment rules</Button>
      </Form>
    </RoundSetupPage>
  );
}
