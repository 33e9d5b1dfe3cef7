import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { BidSummary } from "~/components/bids/bid-summary";
import { TaskList, type Task } from "~/components/bids/task-list";
import { requireApplicantBid } from "~/web/bid-page.server";
import { formRulesFor } from "~/domain/bids/stored-form-rules";
import { allSectionsCompleted, askedShape, sectionStates } from "~/domain/bids/sections";
import { bidStatusLabel, bidStatusTagClass } from "~/domain/bids/status";
import { canWithdraw } from "~/domain/bids/submission.server";
import { outcomePath } from "~/domain/outcomes/outcome-kind";
import { releasedOutcomeFor } from "~/domain/outcomes/outcome-page.server";
import { roundPhase } from "~/domain/rounds/pot";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { titleMeta } from "~/components/page-title";
import { BackLink, ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => data.bid.title || "Untitled bid");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  const sections = sectionStates(bid, bid.round);
  return {
    bid,
    asked: askedShape(bid, bid.round),
    sections,
    completedCount: sections.filter((s) => s.status === "completed").length,
    readyToSubmit: allSectionsCompleted(sections),
    phase: roundPhase(bid.round, new Date()),
    formSize: formRulesFor(bid.amountRequestedPence, bid.round).size,
    withdrawable: canWithdraw(bid.status),
    outcomeReleased: bid.status !== "draft" && (await releasedOutcomeFor(bid.id, user)),
  };
}

export default function BidTaskList() {
  const { bid, asked, sections, completedCount, readyToSubmit, phase, formSize, withdrawable, outcomeReleased } = useLoaderData<typeof loader>();
  const name = bid.title || "Untitled bid";

  if (bid.status !== "draft") {
    return (
      <>
        <BackLink to="/applicant">Back to your bids</BackLink>
        <span className="govuk-caption-l">{bid.organisation.name}</span>
        <h1 className="govuk-heading-l">{name}</h1>
        <SummaryList className="govuk-summary-list--no-border">
          <SummaryRow label="Status">
            <strong className={bidStatusTagClass(bid.status)}>{bidStatusLabel(bid.status)}</strong>
          </SummaryRow>
          {bid.reference ? <SummaryRow label="Reference">{bid.reference}</SummaryRow> : null}
          <SummaryRow label="Round">
            {bid.round.fund.name}: {bid.round.name}
          </SummaryRow>
          {bid.submittedAt ? <SummaryRow label="Submitted">{formatDateTime(bid.submittedAt)}</SummaryRow> : null}
          {bid.withdrawnAt ? <SummaryRow label="Withdrawn">{formatDateTime(bid.withdrawnAt)}</SummaryRow> : null}
        </SummaryList>
        {outcomeReleased ? (
          <div className="govuk-inset-text">
            The decision on this bid has been released.{" "}
            <Link className="govuk-link" to={outcomePath(bid.id)}>
              See the decision
            </Link>
          </div>
        ) : null}
        <p className="govuk-body">This is the bid as it was submitted. It can no longer be changed.</p>
        <BidSummary bid={bid} changeable={false} asked={asked} />
        {withdrawable ? <ParagraphLink to={`/applicant/bids/${bid.id}/withdraw`}>Withdraw this bid</ParagraphLink> : null}
      </>
    );
  }

  const tasks: Task[] = sections.map((s) => ({
    id: s.key,
    title: s.title,
    href: `/applicant/bids/${bid.id}/${s.key}`,
    status: s.status,
    hint: s.status === "in_progress" && s.problems.length > 0 && s.problems[0] !== `Complete the ${s.title.toLowerCase()} section` ? s.problems[0] : undefined,
  }));
  return (
    <PageColumn>
      <BackLink to="/applicant">Back to your bids</BackLink>
      <span className="govuk-caption-l">
        {bid.organisation.name} · {bid.round.fund.name}: {bid.round.name}
      </span>
      <h1 className="govuk-heading-l">{name}</h1>
      {phase === "closed" ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This round closed on {formatDateTime(bid.round.closesAt)}. You can no longer submit this bid.
          </strong>
        </div>
      ) : (
        <p className="govuk-body">
          Submit your bid by <strong>{formatDateTime(bid.round.closesAt)}</strong>. Your answers are saved as you complete each section, so you can leave and
          come back.
        </p>
      )}
      <p className="govuk-body">
        {formSize === "small"
          ? `You are asking for less than ${formatPounds(bid.round.smallBidThresholdPence)}, so you answer a shorter form.`
          : `Bids for less than ${formatPounds(bid.round.smallBidThresholdPence)} answer a shorter form.`}
      </p>
      <h2 className="govuk-heading-m">Your bid</h2>
      <p className="govuk-body">
        You have completed {completedCount} of {sections.length} sections.
      </p>
      <TaskList tasks={tasks} />
      <h2 className="govuk-heading-m">Submit</h2>
      <TaskList
        idPrefix="submit-task"
        tasks={[
          {
            id: "check-answers",
            title: "Check your answers and submit",
            href: readyToSubmit ? `/applicant/bids/${bid.id}/check-answers` : null,
            status: readyToSubmit ? "not_started" : "cannot_start",
          },
        ]}
      />
    </PageColumn>
  );
}
