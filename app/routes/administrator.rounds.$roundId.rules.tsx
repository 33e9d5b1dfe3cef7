import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RoundSetupPage } from "~/components/rounds/round-setup-page";
import { Button, TextInput } from "~/components/govuk/fields";
import { requirePermission } from "~/web/guards.server";
import { loadRoundRules, saveRoundRules } from "~/domain/rounds/round-rules.server";
import { formatDateTime } from "~/lib/dates";
import { orNotFound } from "~/web/not-found";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadRoundRules(params.roundId ?? "", new Date()), "Round not found");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const form = await request.formData();
  // Locked fields are not in the form; what is stored stands for them. The criteria weights are
  // changed on the criteria page only; any posted here are ignored.
  const posted = Object.fromEntries(
    (["qualityThresholdPercent", "assessorsPerBid", "moderationSpread"] as const).flatMap((name) => {
      const value = form.get(name);
      return typeof value === "string" ? [[name, value]] : [];
    }),
  );
  const result = orNotFound(await saveRoundRules(user.id, roundId, posted, new Date()), "Round not found");
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  return redirect(`/administrator/rounds/${roundId}/rules?saved=1`);
}

export default function RoundRules() {
  const { round, scoringLocked, criteria, ...loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? loaded.values;
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
      <Form method="post" noValidate>
        <h2 className="govuk-heading-m">How bids are scored</h2>
        {scoringLocked ? (
          <>
            <div className="govuk-inset-text">
              {`The round opened on ${formatDateTime(round.opensAt)}. The quality threshold and criteria weights cannot be changed now: that would change the rules for bids already submitted.`}
            </div>
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Quality threshold</dt>
                <dd className="govuk-summary-list__value">{`${loaded.values.qualityThresholdPercent}%`}</dd>
              </div>
            </dl>
          </>
        ) : (
          <TextInput
            name="qualityThresholdPercent"
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
          <dl className="govuk-summary-list">
            {criteria.map((c) => (
              <div className="govuk-summary-list__row" key={c.id}>
                <dt className="govuk-summary-list__key">{c.title}</dt>
                <dd className="govuk-summary-list__value">{`${c.weightPercent}% of the score, scored 0 to ${c.maxScore}`}</dd>
              </div>
            ))}
          </dl>
        )}
        {scoringLocked ? null : (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/administrator/rounds/${round.id}/criteria`}>
              Change the criteria and their weights
            </Link>
          </p>
        )}
        <h2 className="govuk-heading-m">Assessors</h2>
        <TextInput
          name="assessorsPerBid"
          label="Assessors per bid"
          inputMode="numeric"
          widthClass="govuk-input--width-2"
          error={errors.assessorsPerBid}
          defaultValue={values.assessorsPerBid}
        />
        <TextInput
          name="moderationSpread"
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
