import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useMemo } from "react";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { RoundSetupPage } from "~/components/rounds/round-setup-page";
import { fieldId } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { requirePermission } from "~/web/guards.server";
import { loadScoreDescriptors, saveScoreDescriptors } from "~/domain/rounds/score-descriptors.server";
import { descriptorField, descriptorValues, scoreDescriptorsSchema } from "~/domain/rounds/score-descriptors.schema";
import { formatDateTime } from "~/lib/dates";
import { useGovukForm } from "~/lib/use-govuk-form";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { orNotFound } from "~/web/not-found";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Score descriptors");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadScoreDescriptors(params.roundId ?? "", new Date()), "Round not found");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const posted = await readForm(request);
  const result = await saveScoreDescriptors(user.id, roundId, posted, new Date());
  if (!result.ok) {
    // Once the round has opened, what is stored is shown again, not what was posted.
    const page = orNotFound(await loadScoreDescriptors(roundId, new Date()), "Round not found");
    return refusalResponse(result.refusal, { values: page.locked ? page.values : descriptorValues(page.criteria, posted) });
  }
  return redirect(`/administrator/rounds/${roundId}/descriptors?saved=1`);
}

const field = descriptorField;

export default function ScoreDescriptors() {
  const { round, locked, criteria, values: loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const schema = useMemo(() => scoreDescriptorsSchema(criteria), [criteria]);
  const { register, errors, onSubmit } = useGovukForm(schema, { serverErrors: actionData?.errors });
  const values: Record<string, string | undefined> = actionData?.values ?? loaded;
  return (
    <RoundSetupPage
      title="Score descriptors"
      roundName={round.name}
      errors={errors}
      banner={
        search.get("saved") && !actionData ? (
          <>
            <p className="govuk-notification-banner__heading">The score descriptors have been saved.</p>
          </>
        ) : null
      }
    >
      {criteria.length === 0 ? <p className="govuk-body">This round has no criteria yet.</p> : null}
      {locked ? (
        <>
          <div className="govuk-inset-text">
            {`The round opened on ${formatDateTime(round.opensAt)}. The score descriptors cannot be changed now: that would change the rules for bids already submitted.`}
          </div>
          {criteria.map((c) => (
            <section key={c.id}>
              <h2 className="govuk-heading-m">{c.title}</h2>
              <SummaryList>
                {Array.from({ length: c.maxScore + 1 }, (_, score) => (
                  <SummaryRow key={score} label={`Score ${score}`}>
                    {loaded[field(c.id, score)]}
                  </SummaryRow>
                ))}
              </SummaryList>
            </section>
          ))}
        </>
      ) : criteria.length > 0 ? (
        <Form method="post" noValidate onSubmit={onSubmit}>
          {criteria.map((c) => (
            <fieldset className="govuk-fieldset" key={c.id}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{c.title}</legend>
              {Array.from({ length: c.maxScore + 1 }, (_, score) => (
                <TextInput
                  key={score}
                  {...register(field(c.id, score) as never)}
                  id={fieldId(field(c.id, score))}
                  label={`Score ${score}`}
                  error={errors[field(c.id, score)]}
                  defaultValue={values[field(c.id, score)]}
                />
              ))}
            </fieldset>
          ))}
          <Button>Save score descriptors</Button>
        </Form>
      ) : null}
    </RoundSetupPage>
  );
}
