import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireApplicantBid } from "~/web/bid-page.server";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Bid submitted");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  if (bid.status === "draft" || !bid.reference) throw redirect(`/applicant/bids/${bid.id}`);
  return { bid: { id: bid.id, title: bid.title, reference: bid.reference, status: bid.status }, email: user.email, fund: bid.round.fund.name };
}

export default function Confirmation() {
  const { bid, email, fund } = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Bid submitted</h1>
        <div className="govuk-panel__body">
          Your reference number
          <br />
          <strong>{bid.reference}</strong>
        </div>
      </div>
      <p className="govuk-body">We have sent a confirmation email to {email}.</p>
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        The {fund} team will check that your bid is eligible. Assessors will then score it against the round&apos;s criteria. We will email you when a decision
        has been made.
      </p>
      <p className="govuk-body">You cannot change your bid now. You can withdraw it at any time before a decision is made.</p>
      <ParagraphLink to={`/applicant/bids/${bid.id}`}>View your bid</ParagraphLink>
      <ParagraphLink to="/applicant">Go to your bids</ParagraphLink>
    </PageColumn>
  );
}
