import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { DateInput } from "~/components/govuk/date-input";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { titleMeta } from "~/components/page-title";
import { stageSettingsSchema } from "~/domain/stages/stage-one.schema";
import { loadStageSettings, saveStageSettings } from "~/domain/stages/stage-one.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { useGovukForm } from "~/lib/use-govuk-form";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `How organisations apply to ${data.round.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadStageSettings(params.roundId ?? "", new Date()));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const parsed = await parseForm(request, stageSettingsSchema);
  const values = parsed.values;
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values });
  const result = await saveStageSettings(user.id, roundId, parsed.data, new Date());
  if (!result.ok) return refusalResponse(result.refusal, { values });
  return redirect(`/administrator/rounds/${roundId}/stages?saved=1`);
}

export default function RoundStages() {
  const { round, locked, values: saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { register, errors, onSubmit } = useGovukForm(stageSettingsSchema, { serverErrors: actionData?.errors });
  const posted = actionData?.values as typeof saved | undefined;
  const values = posted ?? { ...saved, twoStage: search.get("twoStage") === "yes" ? "yes" : saved.twoStage };
  return (
    <PageColumn>
      <BackLink to="/administrator">Back to fund administration</BackLink>
      {search.get("saved") ? <SuccessBanner message="How organisations apply has been saved" /> : null}
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">How organisations apply</h1>
      {locked ? (
        <>
          <div className="govuk-inset-text">{`The round opened at ${formatDateTime(round.opensAt)}, so this can no longer change.`}</div>
          <p className="govuk-body">
            {saved.twoStage === "yes"
              ? `Two stages: expressions of interest close at ${saved.eoiClosesAt.day}/${saved.eoiClosesAt.month}/${saved.eoiClosesAt.year} ${saved.eoiClosesAt.time}; invited organisations submit full bids by ${formatDateTime(round.closesAt)}; invitations are capped at £${saved.invitationCap}.`
              : "One stage: organisations make a full bid straight away."}
          </p>
        </>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit}>
          <Radios
            name="twoStage"
            legend="How do organisations apply to this round?"
            error={errors.twoStage}
            defaultValue={values.twoStage}
            inputProps={register("twoStage")}
            choices={[
              { value: "no", label: "One stage: a full bid straight away" },
              {
                value: "yes",
                label: "Two stages: a short expression of interest first, then a full bid only when invited",
                hint: "Fewer organisations write a full bid for nothing when the round is oversubscribed.",
              },
            ]}
          />
          <h2 className="govuk-heading-m">If there are two stages</h2>
          <DateInput
            name="eoiClosesAt"
            legend="When expressions of interest close"
            hint={`UK time, after the round opens. Invited organisations then have until the round closes (${formatDateTime(round.closesAt)}) to submit their full bid.`}
            withTime
            errors={errors}
            values={values.eoiClosesAt}
            register={register as never}
          />
          <TextInput
            label="Invitation cap"
            hint={`The most the invited expressions of interest may ask for in total. The pot is ${formatPounds(round.potPence)}; twice the pot is suggested.`}
            prefix="£"
            widthClass="govuk-input--width-10"
            inputMode="decimal"
            error={errors.invitationCap}
            defaultValue={values.invitationCap}
            {...register("invitationCap")}
          />
          <Button>Save how organisations apply</Button>
        </Form>
      )}
    </PageColumn>
  );
}
