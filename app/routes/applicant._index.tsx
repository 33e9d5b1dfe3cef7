import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/web/guards.server";
import { organisationsWithBids } from "~/domain/bids/bids.server";
import { bidStatusLabel } from "~/domain/bids/status";
import { ApplicantEois } from "~/components/stages/applicant-eois";
import { applicantEois } from "~/domain/stages/expressions-of-interest.server";
import { formatPounds } from "~/lib/money";
import { hasReleasedOutcome, outcomePath } from "~/domain/outcomes/outcome-kind";
import { LIVE_AWARD_STATUSES } from "~/domain/awards/award-status";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { ParagraphLink } from "~/components/govuk/links";

export const meta = titleMeta("Your bids");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const memberships = await organisationsWithBids(user.id);
  const eois = await applicantEois(user.id);
  return {
    name: user.name,
    organisations: memberships.map((m) => m.organisation),
    eois: eois.map((e) => ({
      ...e,
      round: { name: e.round.name, eoiClosesAt: e.round.eoiClosesAt?.toISOString() ?? null, closesAt: e.round.closesAt.toISOString() },
    })),
  };
}

export default function ApplicantHome() {
  const { name, organisations, eois } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Your bids</h1>
      {organisations.length > 0 ? <ParagraphLink to="/applicant/bids/new">Start a new bid</ParagraphLink> : null}
      {organisations.length === 0 ? (
        <>
          <p className="govuk-body">
            You are not part of an organisation yet.{" "}
            <Link className="govuk-link" to="/rounds">
              See the funding rounds
            </Link>{" "}
            to check whether you can apply.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/applicant/organisation/new">
              Create your organisation&apos;s profile
            </Link>
            , or ask a colleague to invite you to theirs.
          </p>
        </>
      ) : (
        organisations.map((organisation) => (
          <section key={organisation.id} aria-labelledby={`org-${organisation.id}`}>
            <h2 className="govuk-heading-m" id={`org-${organisation.id}`}>
              {organisation.name}
            </h2>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/applicant/organisations/${organisation.id}`}>
                Organisation details and members<span className="govuk-visually-hidden"> for {organisation.name}</span>
              </Link>
            </p>
            {organisation.bids.length === 0 ? (
              <p className="govuk-body">No bids yet.</p>
            ) : (
              <Table label={`Bids for ${organisation.name}`} head={["Bid", "Round", "Status", { text: "Requested", numeric: true }]}>
                {organisation.bids.map((bid) => (
                  <TableRow key={bid.id}>
                    <TableCell>
                      {/* Drafts open at their task list; other bids at their read-only view. */}
                      <Link className="govuk-link" to={`/applicant/bids/${bid.id}`}>
                        {bid.title || "Untitled bid"}
                        {bid.status === "draft" ? <span className="govuk-visually-hidden"> (continue this draft)</span> : null}
                      </Link>
                      {bid.reference ? <span className="govuk-hint govuk-!-margin-bottom-0">{bid.reference}</span> : null}
                    </TableCell>
                    <TableCell>{bid.round.name}</TableCell>
                    <TableCell>
                      <strong className="govuk-tag">{bidStatusLabel(bid.status)}</strong>
                      {/* An award is shown only once outcomes are released; before that it is not a decision. */}
                      {bid.award && (LIVE_AWARD_STATUSES as readonly string[]).includes(bid.award.status) ? (
                        <span className="govuk-hint govuk-!-margin-bottom-0">{`Award: ${formatPounds(bid.award.amountPence)}`}</span>
                      ) : null}
                      {bid.award?.status === "declined_by_applicant" || bid.award?.status === "withdrawn" ? (
                        <span className="govuk-hint govuk-!-margin-bottom-0">{`Award of ${formatPounds(bid.award.amountPence)} ${bid.award.status === "withdrawn" ? "withdrawn" : "declined"}`}</span>
                      ) : null}
                      {hasReleasedOutcome(bid) ? (
                        <Link className="govuk-link govuk-body-s" to={outcomePath(bid.id)}>
                          See the decision<span className="govuk-visually-hidden"> on {bid.title || "Untitled bid"}</span>
                        </Link>
                      ) : null}
                    </TableCell>
                    <TableCell numeric className="app-money">
                      {bid.amountRequestedPence === null ? "Not given" : formatPounds(bid.amountRequestedPence)}
                    </TableCell>
                  </TableRow>
                ))}
              </Table>
            )}
          </section>
        ))
      )}
      <ApplicantEois eois={eois} />
    </>
  );
}
