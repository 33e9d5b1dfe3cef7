import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Checkboxes, Radios, TextInput } from "~/components/govuk/fields";
import { readEligibilityAnswers, readEligibilityCheckId, saveEligibilityAnswers } from "~/web/eligibility-cookie.server";
import { readForm } from "~/web/parse-form.server";
import { parseValues } from "~/lib/parse-form";
import { refusalResponse } from "~/web/respond.server";
import { recordEligibilityResult, startEligibilityCheck } from "~/domain/eligibility/checks.server";
import { checkEligibility, eligibilityOrganisationTypeHint, eligibilityOrganisationTypeLabel, organisationTypeChoices } from "~/domain/eligibility/eligibility";
import { ELIGIBILITY_FIELDS, eligibilitySchema, NONE, type EligibilityFormValues } from "~/domain/eligibility/eligibility.schema";
import { roundPhase } from "~/domain/rounds/pot";
import { findRoundForEligibility } from "~/domain/rounds/round-page.server";
import { formatDateTime } from "~/lib/dates";
import { inFieldOrder } from "~/lib/form-errors";
import { textValue, type FormValue } from "~/lib/form-values";
import { formatPounds, penceToInput } from "~/lib/money";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

async function roundOr404(slug: string | undefined) {
  const round = await findRoundForEligibility(slug ?? "");
  if (!round) throw new Response("Not found", { status: 404 });
  return round;
}

/** The checkbox groups: every ticked value is kept. */
const LISTS = ["areaIds", "priorityIds"] as const;

const textList = (value: FormValue | undefined) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export const meta = titleMeta("Check if you can apply");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const round = await roundOr404(params.roundSlug);
  const answers = await readEligibilityAnswers(request, round.slug);
  const previous: EligibilityFormValues | null = answers
    ? {
        organisationType: answers.organisationType,
        areaIds: answers.areaIds.length > 0 ? answers.areaIds : [NONE],
        priorityIds: answers.priorityIds.length > 0 ? answers.priorityIds : [NONE],
        amountRequested: penceToInput(answers.amountRequestedPence),
      }
    : null;
  return {
    round: {
      slug: round.slug,
      name: round.name,
      fund: round.fund.name,
      closesAt: round.closesAt.toISOString(),
      opensAt: round.opensAt.toISOString(),
      minAwardPence: round.minAwardPence,
      maxAwardPence: round.maxAwardPence,
      areas: round.areas,
      priorities: round.priorities,
      applicantTypes: round.applicantTypes,
    },
    phase: roundPhase(round, new Date()),
    previous,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const round = await roundOr404(params.roundSlug);
  const schema = eligibilitySchema({ areaIds: round.areas.map((a) => a.id), priorityIds: round.priorities.map((p) => p.id) });
  const posted = await readForm(request, LISTS);
  const parsed = parseValues(posted, schema);
  // The first answers posted start this visitor's check (counted on the round dashboard). Its id
  // is kept in the answers cookie, or, while the answers have errors (no cookie is set for them),
  // in a hidden field of the form shown again.
  const knownCheckId = (await readEligibilityCheckId(request, round.slug)) ?? (textValue(posted, "checkId") || null);
  const checkId = await startEligibilityCheck(round.id, knownCheckId);
  if (!parsed.ok) {
    const values: EligibilityFormValues = {
      organisationType: textValue(parsed.values, "organisationType"),
      areaIds: textList(parsed.values.areaIds),
      priorityIds: textList(parsed.values.priorityIds),
      amountRequested: textValue(parsed.values, "amountRequested"),
    };
    return refusalResponse({ ...parsed.refusal, fieldErrors: inFieldOrder(parsed.refusal.fieldErrors, ELIGIBILITY_FIELDS) }, { values, checkId });
  }
  const answers = {
    roundSlug: round.slug,
    organisationType: parsed.data.organisationType,
    areaIds: parsed.data.areaIds,
    priorityIds: parsed.data.priorityIds,
    amountRequestedPence: parsed.data.amountRequested,
  };
  // The result page decides again on every visit; this records what the visitor is shown now.
  await recordEligibilityResult(checkId, round.id, checkEligibility(answers, round, new Date()).eligible);
  const cookie = await saveEligibilityAnswers(answers, checkId);
  return redirect(`/rounds/${round.slug}/eligibility/result`, { headers: { "Set-Cookie": cookie } });
}

/** The last checkbox of the areas and the priorities questions: ticking it clears the others. */
const NONE_OF_THESE = { value: NONE, label: "None of these", dividerBefore: "or", exclusive: true };

export default function EligibilityCheck() {
  const { round, phase, previous } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = useMemo(
    () => eligibilitySchema({ areaIds: round.areas.map((a) => a.id), priorityIds: round.priorities.map((p) => p.id) }),
    [round.areas, round.priorities],
  );
  const form = useGovukForm(schema, { serverErrors: actionData?.errors });
  const errors = inFieldOrder(form.errors, ELIGIBILITY_FIELDS);
  const values = actionData?.values ?? previous;
  return (
    <PageColumn>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">
        {round.fund}: {round.name}
      </span>
      <h1 className="govuk-heading-l">Check if you can apply</h1>
      <p className="govuk-body">
        Answer these questions to find out whether your organisation can bid in this round. You do not need an account. If you can apply, your answers are
        carried into your bid.
      </p>
      {phase === "closed" ? (
        <div className="govuk-inset-text">This round closed on {formatDateTime(round.closesAt)}.</div>
      ) : phase === "upcoming" ? (
        <div className="govuk-inset-text">This round opens on {formatDateTime(round.opensAt)}.</div>
      ) : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        {actionData?.checkId ? <input type="hidden" name="checkId" value={actionData.checkId} /> : null}
        <Radios
          name="organisationType"
          legend="What type of organisation is applying?"
          error={errors.organisationType}
          defaultValue={values?.organisationType}
          choices={organisationTypeChoices(round.applicantTypes).map(({ type, dividerBefore }) => ({
            value: type,
            label: eligibilityOrganisationTypeLabel(type),
            hint: eligibilityOrganisationTypeHint(type),
            dividerBefore,
          }))}
          inputProps={form.register("organisationType")}
        />
        <Checkboxes
          name="areaIds"
          legend="Where will your project work?"
          hint="Select all that apply."
          error={errors.areaIds}
          defaultValue={values?.areaIds}
          choices={[...round.areas.map((area) => ({ value: area.id, label: area.name })), NONE_OF_THESE]}
          inputProps={form.register("areaIds")}
        />
        <Checkboxes
          name="priorityIds"
          legend="Which of the Police and Crime Commissioner's priorities will your project address?"
          hint="Select all that apply."
          error={errors.priorityIds}
          defaultValue={values?.priorityIds}
          choices={[
            ...round.priorities.map((priority) => ({ value: priority.id, label: priority.title, hint: priority.description || undefined })),
            NONE_OF_THESE,
          ]}
          inputProps={form.register("priorityIds")}
        />
        <TextInput
          label="How much money will you ask for?"
          hint={`Awards in this round are from ${formatPounds(round.minAwardPence)} to ${formatPounds(round.maxAwardPence)}. Enter an amount in pounds, like 12500.`}
          prefix="£"
          widthClass="govuk-input--width-10"
          inputMode="decimal"
          spellCheck={false}
          error={errors.amountRequested}
          defaultValue={values?.amountRequested}
          {...form.register("amountRequested")}
        />
        <Button>Continue</Button>
      </Form>
      <ParagraphLink to={`/rounds/${round.slug}`}>Back to the round</ParagraphLink>
    </PageColumn>
  );
}
