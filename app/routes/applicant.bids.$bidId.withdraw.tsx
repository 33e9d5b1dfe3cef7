import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { bidStatusLabel } from "~/domain/bids/status";
import { canWithdraw, withdrawBid } from "~/domain/bids/submission.server";
import type { FieldErrors } from "~/lib/form-errors";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta<typeof loader>(({ data }) => `Withdraw ${data.bid.title || "Untitled bid"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return { bid: { id: bid.id, title: bid.title, reference: bid.reference, status: bid.status }, withdrawable: canWithdraw(bid.status) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  const result = await withdrawBid(bid.id, user, new Date());
  if (result.ok) return redirect(`/applicant/bids/${bid.id}`);
  if (result.reason === "not_found") throw new Response("Not Found", { status: 404, statusText: "Not Found" });
  return data(
    { errors: { withdraw: `You cannot withdraw this bid because it is ${bidStatusLabel(bid.status).toLowerCase()}` } as FieldErrors },
    { status: 409 },
  );
}

export default function WithdrawBid() {
  const { bid, withdrawable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const name = bid.title || "Untitled bid";
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/applicant/bids/${bid.id}`} className="govuk-back-link">
          Back to your bid
        </Link>
        <ErrorSummary errors={actionData?.errors} />
        <span className="govuk-caption-l">{bid.reference ?? name}</span>
        <h1 className="govuk-heading-l">{withdrawable ? "Are you sure you want to withdraw this bid?" : "You cannot withdraw this bid"}</h1>
        {withdrawable ? (
          <>
            <p className="govuk-body">
              If you withdraw &ldquo;{name}&rdquo;, it will not be assessed or funded, and any award being considered for it is cancelled so the money can go to
              other bids. You cannot undo this, but you can start a new bid while the round is open.
            </p>
            <Form method="post">
              <div className="govuk-button-group">
                <Button warning name="intent" value="withdraw" id="withdraw">
                  Withdraw bid
                </Button>
                <Link className="govuk-link" to={`/applicant/bids/${bid.id}`}>
                  Cancel
                </Link>
              </div>
            </Form>
          </>
        ) : (
          <p className="govuk-body">
            This bid is {bidStatusLabel(bid.status).toLowerCase()}, so it cannot be withdrawn.{" "}
            <Link className="govuk-link" to={`/applicant/bids/${bid.id}`}>
              View the bid
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
