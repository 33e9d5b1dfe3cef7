import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BidSummary } from "~/components/bids/bid-summary";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { allSectionsCompleted, askedShape, sectionStates } from "~/domain/bids/sections";
import { submitBid } from "~/domain/bids/submission.server";
import { roundPhase } from "~/domain/rounds/pot";
import { formatDateTime } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-errors";
import { titleMeta } from "~/components/page-title";
import { refusalResponse } from "~/web/respond.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader, typeof action>(({ data, actionData }) => ({
  title: `Check your answers – ${data.bid.title || "Untitled bid"}`,
  errors: submitErrors(actionData?.errors),
}));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  const sections = sectionStates(bid, bid.round);
  return {
    bid,
    asked: askedShape(bid, bid.round),
    problems: sections.filter((s) => s.status !== "completed").map((s) => ({ key: s.key, title: s.title, problems: s.problems })),
    ready: allSectionsCompleted(sections),
    phase: roundPhase(bid.round, new Date()),
  };
}

/** A refused submit's message, by the submit button: the place to try again once it is fixed. */
function submitErrors(errors: FieldErrors | undefined): FieldErrors | undefined {
  const message = Object.values(errors ?? {}).find(Boolean);
  return message ? { submit: message } : undefined;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  // The server's clock decides the deadline, never the browser.
  const result = await submitBid(bid.id, user, new Date());
  if (result.ok) return redirect(`/applicant/bids/${bid.id}/confirmation`);
  // A closed round is told on this page; the sections still to finish are the loader's, read again after the action.
  return refusalResponse(result.refusal, {}, { forbiddenOnPage: true });
}

export default function CheckAnswers() {
  const { bid, problems, ready, phase, asked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const name = bid.title || "Untitled bid";
  const errors = submitErrors(actionData?.errors);
  return (
    <>
      <BackLink to={`/applicant/bids/${bid.id}`}>Back to your bid</BackLink>
      <PageColumn>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{name}</span>
        <h1 className="govuk-heading-l">Check your answers before submitting your bid</h1>
        {bid.status !== "draft" ? (
          <div className="govuk-inset-text">
            This bid has already been submitted.{" "}
            <Link className="govuk-link" to={`/applicant/bids/${bid.id}`}>
              View the bid
            </Link>
            .
          </div>
        ) : !ready || problems.length > 0 ? (
          <div className="govuk-inset-text">
            <p className="govuk-body">You need to complete these sections before you can submit:</p>
            <ul className="govuk-list govuk-list--bullet">
              {problems.map((s) => (
                <li key={s.key}>
                  <Link className="govuk-link" to={`/applicant/bids/${bid.id}/${s.key}`}>
                    {s.title}
                  </Link>
                  : {s.problems.join(". ")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </PageColumn>
      <BidSummary bid={bid} changeable={bid.status === "draft"} asked={asked} />
      {bid.status === "draft" ? (
        <PageColumn>
          <h2 className="govuk-heading-m">Now submit your bid</h2>
          <p className="govuk-body">
            By submitting this bid you confirm that, to the best of your knowledge, the details you are providing are correct. You cannot change the bid after
            you submit it.
          </p>
          {phase === "closed" ? (
            <p className="govuk-body">The round closed at {formatDateTime(bid.round.closesAt)}.</p>
          ) : (
            <p className="govuk-body">The round closes at {formatDateTime(bid.round.closesAt)}.</p>
          )}
          <Form method="post">
            <Button name="intent" value="submit" id="submit">
              Submit bid
            </Button>
          </Form>
        </PageColumn>
      ) : null}
    </>
  );
}
