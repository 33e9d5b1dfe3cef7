// The first page of an assigned bid: only its reference, title and organisation, and the
// conflict of interest question. The bid's details open only after the answer "No".
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Textarea, YesNoRadios } from "~/components/govuk/fields";
import { conflictSchema } from "~/domain/assessment/assessment-form";
import { answerConflictQuestion, auditRefusal, findAssignedBid } from "~/domain/assessment/assessor-bids.server";
import { requirePermission } from "~/web/guards.server";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { refusalReason } from "~/lib/refusal";
import { textValue } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

async function assignedBidOr404(assessorId: string, bidId: string, action: string) {
  const bid = await findAssignedBid(assessorId, bidId);
  if (!bid) {
    await auditRefusal(assessorId, bidId, action, "not assigned");
    throw new Response("Bid not found", { status: 404 });
  }
  return bid;
}

export const meta = titleMeta<typeof loader>(({ data }) =>
  data.conflict ? "You have a conflict of interest on this bid" : `${data.bid.reference}: ${data.bid.title}`,
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:bid:assigned");
  const bid = await assignedBidOr404(user.id, params.bidId ?? "", "bid.read");
  return {
    bid: { id: bid.id, reference: bid.reference, title: bid.title, organisationName: bid.organisationName },
    conflict: bid.conflict ? { reason: bid.conflict.reason } : null,
    assessmentStatus: bid.assessment?.status ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "declare:conflict");
  const bid = await assignedBidOr404(user.id, params.bidId ?? "", "conflict.declare");
  const parsed = await parseForm(request, conflictSchema);
  const values = { conflict: textValue(parsed.values, "conflict"), reason: textValue(parsed.values, "reason") };
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values });
  const answer = parsed.data.conflict === "yes" ? { conflict: "yes" as const, reason: parsed.data.reason ?? "" } : { conflict: "no" as const };
  const result = await answerConflictQuestion(user.id, bid, answer);
  if (!result.ok) {
    await auditRefusal(user.id, bid.id, "conflict.declare", refusalReason(result.refusal));
    return refusalResponse(result.refusal, { values });
  }
  if (answer.conflict === "yes") return redirect("/assessor?conflict=declared");
  return redirect(`/assessor/bids/${bid.id}/score`);
}

export default function AssessorBidStart() {
  const { bid, conflict, assessmentStatus } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(conflictSchema, { serverErrors: actionData?.errors });
  const heading = `${bid.reference}: ${bid.title}`;
  return (
    <PageColumn>
      <BackLink to="/assessor">Back to bids to assess</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{bid.organisationName}</span>
      {conflict ? (
        <>
          <h1 className="govuk-heading-l">You have a conflict of interest on this bid</h1>
          <p className="govuk-body">You told us: {conflict.reason}</p>
          <p className="govuk-body">
            You cannot read or score {bid.reference}, and any scores you gave it no longer count. The fund administrator will ask another assessor.
          </p>
        </>
      ) : assessmentStatus ? (
        <>
          <h1 className="govuk-heading-l">{heading}</h1>
          <p className="govuk-body">You told us you have no conflict of interest on this bid.</p>
          <Link to={`/assessor/bids/${bid.id}/score`} className="govuk-button" data-module="govuk-button">
            {assessmentStatus === "submitted" ? "View your assessment" : "Read and score the bid"}
          </Link>
          <h2 className="govuk-heading-m">If you find you have a conflict of interest</h2>
          <Form method="post" noValidate onSubmit={onSubmit}>
            <input type="hidden" value="yes" {...register("conflict")} />
            <Textarea
              label="Why do you have a conflict of interest?"
              hint="For example, you work with or are related to someone at the organisation. Your scores for this bid will stop counting."
              error={errors.reason}
              defaultValue={actionData?.values.reason}
              {...register("reason")}
            />
            <Button warning>Declare a conflict of interest</Button>
          </Form>
        </>
      ) : (
        <>
          <h1 className="govuk-heading-l">{heading}</h1>
          <p className="govuk-body">
            Before you read this bid, tell us if you have a conflict of interest. You have one if, for example, you work with, volunteer for or are related to
            anyone at {bid.organisationName}, or could gain from its bid.
          </p>
          <Form method="post" noValidate onSubmit={onSubmit}>
            <YesNoRadios
              name="conflict"
              legend="Do you have a conflict of interest?"
              error={errors.conflict}
              defaultValue={actionData?.values.conflict}
              inputProps={register("conflict")}
            />
            <Textarea
              label="If yes, why do you have a conflict of interest?"
              hint="You will not see the bid or be asked to score it."
              error={errors.reason}
              defaultValue={actionData?.values.reason}
              {...register("reason")}
            />
            <Button>Continue</Button>
          </Form>
        </>
      )}
    </PageColumn>
  );
}
