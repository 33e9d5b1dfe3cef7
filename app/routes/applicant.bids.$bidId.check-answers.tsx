import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BidSummary } from "~/components/bids/bid-summary";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { allSectionsCompleted, askedShape, sectionStates } from "~/domain/bids/sections";
import { submitBid, type SubmitResult } from "~/domain/bids/submission.server";
import { roundPhase } from "~/domain/rounds/pot";
import { formatDateTime } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-errors";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta<typeof loader, typeof action>(({ data, actionData }) => ({
  title: `Check your answers – ${data.bid.title || "Untitled bid"}`,
  errors: actionData?.refusal ? { submit: actionData.refusal.message } : undefined,
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

type Refusal = { message: string; sections: { key: string; title: string; problems: string[] }[] };

function refusalOf(result: Exclude<SubmitResult, { ok: true }>): Refusal {
  switch (result.reason) {
    case "closed":
      return {
        message: `You cannot submit this bid because the round closed at ${formatDateTime(result.closesAt)}. Your bid has been kept as a draft.`,
        sections: [],
      };
    case "not_open":
      return { message: `You cannot submit this bid until the round opens at ${formatDateTime(result.opensAt)}.`, sections: [] };
    case "incomplete":
      return {
        message: "You cannot submit this bid until every section is complete.",
        sections: result.sections.filter((s) => s.status !== "completed").map((s) => ({ key: s.key, title: s.title, problems: s.problems })),
      };
    case "not_draft":
      return { message: "This bid can no longer be submitted.", sections: [] };
    case "not_found":
      throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  // The server's clock decides the deadline, never the browser.
  const result = await submitBid(bid.id, user, new Date());
  if (result.ok) return redirect(`/applicant/bids/${bid.id}/confirmation`);
  return data({ refusal: refusalOf(result) }, { status: result.reason === "closed" || result.reason === "not_open" ? 403 : 400 });
}

export default function CheckAnswers() {
  const { bid, problems, ready, phase, asked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const refusal = actionData?.refusal;
  const name = bid.title || "Untitled bid";
  // The error summary links to the submit button: the place to try again once it is fixed.
  const errors: FieldErrors | undefined = refusal ? { submit: refusal.message } : undefined;
  const listed = refusal?.sections.length ? refusal.sections : problems;
  return (
    <>
      <Link to={`/applicant/bids/${bid.id}`} className="govuk-back-link">
        Back to your bid
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
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
          ) : !ready || listed.length > 0 ? (
            <div className="govuk-inset-text">
              <p className="govuk-body">You need to complete these sections before you can submit:</p>
              <ul className="govuk-list govuk-list--bullet">
                {listed.map((s) => (
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
        </div>
      </div>
      <BidSummary bid={bid} changeable={bid.status === "draft"} asked={asked} />
      {bid.status === "draft" ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
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
          </div>
        </div>
      ) : null}
    </>
  );
}
