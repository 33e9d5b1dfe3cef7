import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { requireApplicantBid } from "~/web/bid-page.server";
import { bidStatusLabel } from "~/domain/bids/status";
import { canWithdraw, withdrawBid } from "~/domain/bids/submission.server";
import { refusalResponse } from "~/web/respond.server";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Withdraw ${data.bid.title || "Untitled bid"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bid } = await requireApplicantBid(request, params.bidId);
  return { bid: { id: bid.id, title: bid.title, reference: bid.reference, status: bid.status }, withdrawable: canWithdraw(bid.status) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  const result = await withdrawBid(bid.id, user, new Date());
  return result.ok ? redirect(`/applicant/bids/${bid.id}`) : refusalResponse(result.refusal);
}

export default function WithdrawBid() {
  const { bid, withdrawable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const name = bid.title || "Untitled bid";
  return (
    <PageColumn>
      <BackLink to={`/applicant/bids/${bid.id}`}>Back to your bid</BackLink>
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
    </PageColumn>
  );
}
