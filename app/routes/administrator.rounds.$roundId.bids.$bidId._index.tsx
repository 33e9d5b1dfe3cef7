// One bid's scores for the administrator: each assessor's scores, the spread, and a moderated
// score per criterion with a reason (the assessors' own scores are kept).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { SupportingDocumentsTable } from "~/components/bids/supporting-documents-table";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { Button, Textarea, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { listDocumentsForAdministrator } from "~/domain/assessment/administrator-bid-documents.server";
import { recommendationLabel } from "~/domain/assessment/assessment-form";
import { loadBidResult, moderateScore, reopenAssessment } from "~/domain/assessment/results.server";
import { requirePermission } from "~/web/guards.server";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { textValue } from "~/lib/form-values";
import { formatPounds } from "~/lib/money";
import { titleMeta } from "~/components/page-title";
import { BackLink, ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Scores for ${data.bid.reference}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "moderate:score");
  const result = await loadBidResult(params.roundId ?? "", params.bidId ?? "");
  if (!result) throw new Response("Bid not found", { status: 404 });
  return { ...result, documents: await listDocumentsForAdministrator(result.round.id, result.bid.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "moderate:score");
  const roundId = params.roundId ?? "";
  const bidId = params.bidId ?? "";
  const posted = await readForm(request);
  if (posted.intent === "reopen") {
    const reopened = await reopenAssessment(user.id, roundId, bidId, textValue(posted, "assessmentId"));
    if (!reopened.ok) return refusalResponse(reopened.refusal, { values: { criterionId: "", score: "", reason: "" } });
    return redirect(`/administrator/rounds/${roundId}/bids/${bidId}?reopened=1`);
  }
  const result = await moderateScore(user.id, roundId, bidId, posted);
  const values = { criterionId: textValue(posted, "criterionId"), score: textValue(posted, "score"), reason: textValue(posted, "reason") };
  if (!result.ok) return refusalResponse(result.refusal, { values });
  return redirect(`/administrator/rounds/${roundId}/bids/${bidId}?moderated=1`);
}

export default function BidScores() {
  const result = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const { bid, round, documents } = result;
  return (
    <PageColumn width="full">
      <BackLink to={`/administrator/rounds/${round.id}/results`}>Back to scores and ranking</BackLink>
      <ErrorSummary errors={errors} />
      {search.get("reopened") && !actionData ? (
        <SuccessBanner message="The assessment has been re-opened. The assessor can change it and submit it again." />
      ) : null}
      {search.get("moderated") && !actionData ? <SuccessBanner message="The moderated score has been saved." /> : null}
      <span className="govuk-caption-l">{bid.organisationName}</span>
      <h1 className="govuk-heading-l">{`${bid.reference}: ${bid.title}`}</h1>
      <p className="govuk-body">
        {`Weighted score: ${result.scoreText}. Amount requested: ${formatPounds(bid.amountRequestedPence)}.`}{" "}
        {result.needsModeration ? <strong className="govuk-tag govuk-tag--red">Needs moderation</strong> : null}
      </p>
      <ParagraphLink to={`/administrator/rounds/${round.id}/bids/${bid.id}/history`}>See this bid’s history</ParagraphLink>
      <SupportingDocumentsTable documents={documents} hrefFor={(documentId) => `/administrator/rounds/${round.id}/bids/${bid.id}/documents/${documentId}`} />
      {result.conflicts.length > 0 ? (
        <div className="govuk-inset-text">
          {result.conflicts.map((c) => (
            <p
              className="govuk-body"
              key={c.assessorName}
            >{`${c.assessorName} declared a conflict of interest (“${c.reason.trim()}”). Their scores do not count.`}</p>
          ))}
        </div>
      ) : null}
      {result.criteria.map((c) => {
        const scoreKey = `score.${c.id}`;
        const reasonKey = `reason.${c.id}`;
        const mine = actionData?.values.criterionId === c.id;
        return (
          <section key={c.id} className="govuk-!-margin-bottom-8" aria-labelledby={`criterion-${c.id}`}>
            <h2 className="govuk-heading-m" id={`criterion-${c.id}`}>
              {`${c.title} (${c.weightPercent}%)`}{" "}
              {c.disagreement && !c.moderated ? (
                <strong className="govuk-tag govuk-tag--red">Scores differ by more than {round.moderationSpread}</strong>
              ) : null}
            </h2>
            <ul className="govuk-list">
              {c.assessorScores.length === 0 ? <li>No submitted scores yet</li> : null}
              {c.assessorScores.map((s) => (
                <li key={s.name}>{`${s.name}: ${s.score} out of ${c.maxScore}`}</li>
              ))}
              {c.meanText ? <li>{`Mean of assessors’ scores: ${c.meanText}`}</li> : null}
              {c.moderated ? <li>{`Moderated score: ${c.moderated.score} (${c.moderated.reason})`}</li> : null}
            </ul>
            <Form method="post" noValidate>
              <input type="hidden" name="criterionId" value={c.id} />
              <TextInput
                name="score"
                id={fieldId(scoreKey)}
                label={`Moderated score for ${c.title} (0 to ${c.maxScore})`}
                inputMode="numeric"
                widthClass="govuk-input--width-2"
                error={errors[scoreKey]}
                defaultValue={mine ? actionData?.values.score : c.moderated ? String(c.moderated.score) : ""}
              />
              <Textarea
                name="reason"
                id={fieldId(reasonKey)}
                label="Reason for the moderated score"
                rows={2}
                error={errors[reasonKey]}
                defaultValue={mine ? actionData?.values.reason : ""}
              />
              <Button secondary>Save moderated score</Button>
            </Form>
          </section>
        );
      })}
      <h2 className="govuk-heading-m">Assessments</h2>
      {result.assessments.map((a) => (
        <div key={a.id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              {a.assessorName} {a.conflicted ? <strong className="govuk-tag govuk-tag--orange">Conflict of interest</strong> : null}
            </h3>
          </div>
          <div className="govuk-summary-card__content">
            <SummaryList>
              <SummaryRow label="Status">{a.status === "submitted" ? "Submitted" : "Draft"}</SummaryRow>
              <SummaryRow label="Recommendation">{recommendationLabel(a.recommendation)}</SummaryRow>
              <SummaryRow label="Overall comment">{a.overallComment}</SummaryRow>
            </SummaryList>
            {a.status === "submitted" && !a.conflicted ? (
              <Form method="post">
                <input type="hidden" name="intent" value="reopen" />
                <input type="hidden" name="assessmentId" value={a.id} />
                <Button secondary>
                  Re-open assessment<span className="govuk-visually-hidden"> by {a.assessorName}</span>
                </Button>
              </Form>
            ) : null}
          </div>
        </div>
      ))}
    </PageColumn>
  );
}
