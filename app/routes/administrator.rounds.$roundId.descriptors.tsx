import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useSearchParams,
} from "@remix-run/react";
import { RoundSetupPage } from "~/components/rounds/round-setup-page";
import { fieldId } from "~/components/govuk/error-summary";
import { Button, TextInput } from "~/components/govuk/fields";
import { requirePermission } from "~/web/guards.server";
import {
  loadScoreDescriptors,
  saveScoreDescriptors,
} from "~/domain/rounds/score-descriptors.server";
import { formatDateTime } from "~/lib/dates";
import { orNotFound } from "~/web/not-found";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadScoreDescriptors(params.roundId ?? "", new Date()), "Round not found");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const form = await request.formData();
  const posted = Object.fromEntries(
    [...form.entries()].filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
  const result = await saveScoreDescriptors(
    user.id,
    roundId,
    posted,
    new Date(),
  );
  if (!result.ok) {
    if (result.errors.form === "Round not found")
      throw new Response("Round not found", { status: 404 });
    return data(
      { errors: result.errors, values: result.values },
      { status: 400 },
    );
  }
  return redirect(`/administrator/rounds/${roundId}/descriptors?saved=1`);
}

// A descriptor's field name: descriptors.<criterion id>.<score> (matches the server module).
const field = (criterionId: string, score: number) =>
  `descriptors.${criterionId}.${score}`;

export default function ScoreDescriptors() {
  const {
    round,
    locked,
    criteria,
    values: loaded,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? loaded;
  return (
    <RoundSetupPage
      title="Score descriptors"
      roundName={round.name}
      errors={errors}
      banner={
        search.get("saved") && !actionData ? (
          <>
            <p className="govuk-notification-banner__heading">
              The score descriptors have been saved.
            </p>
          </>
        ) : null
      }
    >
      {criteria.length === 0 ? (
        <p className="govuk-body">This round has no criteria yet.</p>
      ) : null}
      {locked ? (
        <>
          <div className="govuk-inset-text">
            {`The round opened on ${formatDateTime(round.opensAt)}. The score descriptors cannot be changed now: that would change the rules for bids already submitted.`}
          </div>
          {criteria.map((c) => (
            <section key={c.id}>
              <h2 className="govuk-heading-m">{c.title}</h2>
              <dl className="govuk-summary-list">
                {Array.from({ length: c.maxScore + 1 }, (_, score) => (
                  <div className="govuk-summary-list__row" key={score}>
                    <dt className="govuk-summary-list__key">{`Score ${score}`}</dt>
                    <dd className="govuk-summary-list__value">
                      {loaded[field(c.id, score)]}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </>
      ) : criteria.length > 0 ? (
        <Form method="post" noValidate>
          {criteria.map((c) => (
            <fieldset className="govuk-fieldset" key={c.id}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                {c.title}
              </legend>
              {Array.from({ length: c.maxScore + 1 }, (_, score) => (
                <TextInput
                  key={score}
                  name={field(c.id, score)}
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
