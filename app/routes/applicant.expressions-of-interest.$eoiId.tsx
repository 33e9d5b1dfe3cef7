import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Checkboxes, Textarea, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { titleMeta } from "~/components/page-title";
import { EoiStatusTag } from "~/components/stages/eoi-status";
import { EOI_SUMMARY_MAX_WORDS, EOI_TITLE_MAX_WORDS, eoiSchema } from "~/domain/stages/eoi.schema";
import { eoiFormValues, findEoiForApplicant, saveEoi, submitEoi } from "~/domain/stages/expressions-of-interest.server";
import { stagePhase } from "~/domain/stages/invitation-cap";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { textValue } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { requireRole } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) =>
  data.eoi.status === "draft" ? "Your expression of interest" : `Expression of interest: ${data.eoi.title}`,
);

const LISTS = ["areaIds", "priorityIds"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const eoi = orNotFound(await findEoiForApplicant(params.eoiId ?? "", user));
  const now = new Date();
  return {
    eoi: {
      id: eoi.id,
      status: eoi.status,
      title: eoi.title,
      summary: eoi.summary,
      amountRequestedPence: eoi.amountRequestedPence,
      submittedAt: eoi.submittedAt?.toISOString() ?? null,
      feedback: eoi.feedback,
      bidId: eoi.bidId,
      organisationName: eoi.organisation.name,
    },
    round: {
      name: eoi.round.name,
      fundName: eoi.round.fund.name,
      eoiClosesAt: eoi.round.eoiClosesAt?.toISOString() ?? null,
      closesAt: eoi.round.closesAt.toISOString(),
      taking: stagePhase(eoi.round, now) === "eoi_open",
      areas: eoi.round.areas,
      priorities: eoi.round.priorities,
    },
    values: eoiFormValues(eoi),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const eoi = orNotFound(await findEoiForApplicant(params.eoiId ?? "", user));
  const ids = { areaIds: eoi.round.areas.map((a) => a.id), priorityIds: eoi.round.priorities.map((p) => p.id) };
  const intent = new URL(request.url).searchParams.get("intent") === "submit" ? "submit" : "save";
  const parsed = await parseForm(request, eoiSchema(ids, intent === "submit" ? "complete" : "draft"), LISTS);
  const values = {
    title: textValue(parsed.values, "title"),
    summary: textValue(parsed.values, "summary"),
    amountRequested: textValue(parsed.values, "amountRequested"),
    areaIds: [parsed.values.areaIds ?? []].flat().map(String),
    priorityIds: [parsed.values.priorityIds ?? []].flat().map(String),
  };
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values });
  const saved = await saveEoi(eoi.id, user, parsed.data);
  if (!saved.ok) return refusalResponse(saved.refusal, { values });
  if (intent === "save") return redirect(`/applicant/expressions-of-interest/${eoi.id}?saved=1`);
  const submitted = await submitEoi(eoi.id, user, new Date());
  if (!submitted.ok) return refusalResponse(submitted.refusal, { values });
  return redirect(`/applicant/expressions-of-interest/${eoi.id}?submitted=1`);
}

export default function ExpressionOfInterestPage() {
  const { eoi, round, values: saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const ids = { areaIds: round.areas.map((a) => a.id), priorityIds: round.priorities.map((p) => p.id) };
  const { register, errors, onSubmit } = useGovukForm(
    (submitter) => eoiSchema(ids, submitter?.getAttribute("formaction")?.includes("intent=submit") ? "complete" : "draft"),
    { serverErrors: actionData?.errors },
  );
  const values = actionData?.values ?? saved;
  const heading = eoi.status === "draft" ? "Your expression of interest" : `Expression of interest: ${eoi.title}`;
  return (
    <PageColumn>
      <BackLink to="/applicant">Back to your bids</BackLink>
      {search.get("submitted") ? (
        <SuccessBanner message="Expression of interest submitted">
          <p className="govuk-body">We have emailed you a receipt. We will tell you whether we invite a full bid soon after expressions of interest close.</p>
        </SuccessBanner>
      ) : search.get("saved") && eoi.status === "draft" ? (
        <SuccessBanner message="Your answers have been saved" />
      ) : null}
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{`${eoi.organisationName}: ${round.fundName}, ${round.name}`}</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      {eoi.status === "draft" ? (
        round.taking ? (
          <>
            <p className="govuk-body">
              {`Keep it short: this is stage one of two. Expressions of interest close at ${round.eoiClosesAt ? formatDateTime(round.eoiClosesAt) : ""}. No documents are needed.`}
            </p>
            <Form method="post" noValidate onSubmit={onSubmit}>
              <TextInput
                label="Project title"
                hint={`Up to ${EOI_TITLE_MAX_WORDS} words`}
                error={errors.title}
                defaultValue={values.title}
                {...register("title")}
              />
              <Textarea
                label="What will your project do, where and for whom?"
                hint="Say what you will do, the places and people it will reach, and the difference it will make."
                error={errors.summary}
                defaultValue={values.summary}
                maxWords={EOI_SUMMARY_MAX_WORDS}
                rows={10}
                {...register("summary")}
              />
              <Checkboxes
                name="areaIds"
                legend="Which areas will it serve?"
                error={errors.areaIds}
                defaultValue={values.areaIds}
                choices={round.areas.map((a) => ({ value: a.id, label: a.name }))}
                inputProps={register("areaIds")}
              />
              <Checkboxes
                name="priorityIds"
                legend="Which of the Police and Crime Commissioner's priorities will it address?"
                error={errors.priorityIds}
                defaultValue={values.priorityIds}
                choices={round.priorities.map((p) => ({ value: p.id, label: p.title }))}
                inputProps={register("priorityIds")}
              />
              <TextInput
                label="Roughly how much will you ask for?"
                hint="In pounds. You can change it in the full bid if you are invited."
                prefix="£"
                widthClass="govuk-input--width-10"
                inputMode="decimal"
                error={errors.amountRequested}
                defaultValue={values.amountRequested}
                {...register("amountRequested")}
              />
              <div className="govuk-button-group">
                <Button formAction="?intent=submit">Submit expression of interest</Button>
                <Button secondary formAction="?intent=save">
                  Save and come back later
                </Button>
              </div>
            </Form>
          </>
        ) : (
          <p className="govuk-body">{`Expressions of interest for this round closed at ${round.eoiClosesAt ? formatDateTime(round.eoiClosesAt) : ""}. This one was not submitted.`}</p>
        )
      ) : (
        <>
          <SummaryList>
            <SummaryRow label="Status">
              <EoiStatusTag status={eoi.status} />
            </SummaryRow>
            <SummaryRow label="Submitted">{eoi.submittedAt ? formatDateTime(eoi.submittedAt) : ""}</SummaryRow>
            <SummaryRow label="Roughly how much">{formatPounds(eoi.amountRequestedPence ?? 0)}</SummaryRow>
            <SummaryRow label="Areas">
              {round.areas
                .filter((a) => saved.areaIds.includes(a.id))
                .map((a) => a.name)
                .join(", ")}
            </SummaryRow>
            <SummaryRow label="Priorities">
              {round.priorities
                .filter((p) => saved.priorityIds.includes(p.id))
                .map((p) => p.title)
                .join(", ")}
            </SummaryRow>
          </SummaryList>
          <h2 className="govuk-heading-m">What your project will do</h2>
          <p className="govuk-body app-preserve-lines">{eoi.summary}</p>
          {eoi.status === "submitted" ? (
            <p className="govuk-body">{`We will tell you whether we invite a full bid soon after expressions of interest close${round.eoiClosesAt ? ` at ${formatDateTime(round.eoiClosesAt)}` : ""}.`}</p>
          ) : null}
          {eoi.feedback ? (
            <>
              <h2 className="govuk-heading-m">Our feedback</h2>
              <p className="govuk-body">{eoi.feedback}</p>
            </>
          ) : null}
          {eoi.status === "invited" && eoi.bidId ? (
            <div className="govuk-inset-text">
              <p className="govuk-body">{`You are invited to make a full bid. Your answers are already in it. Submit it by ${formatDateTime(round.closesAt)}.`}</p>
              <Link className="govuk-button" to={`/applicant/bids/${eoi.bidId}`}>
                Continue to your full bid
              </Link>
            </div>
          ) : null}
          {eoi.status === "not_invited" ? (
            <p className="govuk-body">
              We are not inviting a full bid for this project. Thank you for your interest: you are welcome to apply to future rounds.
            </p>
          ) : null}
        </>
      )}
    </PageColumn>
  );
}
