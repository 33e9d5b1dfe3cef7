import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { bidStatusLabel, bidStatusTagClass } from "~/domain/bids/status";
import { APPLICANT_AWARD_STATUS, APPLICANT_REPORT_STATUS } from "~/domain/outcomes/outcome-kind";
import { loadOutcomePage, type OutcomePage } from "~/domain/outcomes/outcome-page.server";
import { formatDate } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { requireRole } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { BackLink, ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Decision on ${data.bid.title || "your bid"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["applicant"]);
  const page = orNotFound(await loadOutcomePage(params.bidId, user), "Not Found");
  // Before release there is no decision to show; the bid page says where the bid is.
  if (page === "not_released") throw redirect(`/applicant/bids/${params.bidId}`);
  return page;
}

const HEADINGS: Record<OutcomePage["bid"]["kind"], string> = {
  awarded: "Your bid has been awarded funding",
  reserve: "Your bid is on the reserve list",
  declined: "Your bid has not been funded",
  ineligible: "Your bid is not eligible for this round",
};

const RETURN_KIND: Record<string, string> = { returned: "Returned by you", clawed_back: "Clawed back by the fund" };

export default function OutcomePage() {
  const page = useLoaderData<typeof loader>();
  const { bid, award } = page;
  return (
    <PageColumn>
      <BackLink to={`/applicant/bids/${bid.id}`}>Back to your bid</BackLink>
      <span className="govuk-caption-l">
        {bid.organisationName} · {bid.reference}
      </span>
      <h1 className="govuk-heading-l">{HEADINGS[bid.kind]}</h1>
      <SummaryList>
        <SummaryRow label="Bid">{bid.title || "Untitled bid"}</SummaryRow>
        <SummaryRow label="Funding round">{bid.roundName}</SummaryRow>
        <SummaryRow label="Decision">
          <strong className={bidStatusTagClass(bid.kind)}>{bidStatusLabel(bid.kind)}</strong>
        </SummaryRow>
        <SummaryRow label="Decided">{formatDate(bid.decidedAt)}</SummaryRow>
      </SummaryList>

      {award ? <AwardSection bidId={bid.id} award={award} reports={page.reports} /> : null}

      {page.ineligibility ? (
        <>
          <h2 className="govuk-heading-m">Why the bid is not eligible</h2>
          <p className="govuk-body" data-testid="ineligibility-reason">
            {page.ineligibility.reason}
          </p>
          {page.ineligibility.note ? (
            <div className="govuk-inset-text">
              <p className="govuk-body">A note from the fund team:</p>
              <Paragraphs text={page.ineligibility.note} />
            </div>
          ) : null}
        </>
      ) : null}

      {page.feedback ? (
        <>
          <h2 className="govuk-heading-m">Feedback from the fund team</h2>
          <Paragraphs text={page.feedback} />
        </>
      ) : null}

      {page.scores ? (
        <>
          <Table caption="Your bid's scores" head={["Criterion", { text: "Weight", numeric: true }, { text: "Score", numeric: true }]}>
            {page.scores.criteria.map((c) => (
              <TableRow key={c.title}>
                <TableCell>{c.title}</TableCell>
                <TableCell numeric>{`${c.weightPercent}%`}</TableCell>
                <TableCell numeric>{`${c.score} out of ${c.maxScore}`}</TableCell>
              </TableRow>
            ))}
          </Table>
          <p className="govuk-body">
            Weighted score: <strong>{page.scores.overall}</strong>. Each score is the average of the assessors&apos; scores on that criterion, or the score
            agreed at moderation where the assessors disagreed.
          </p>
        </>
      ) : null}

      <h2 className="govuk-heading-m">What happens next</h2>
      <WhatHappensNext kind={bid.kind} award={award} />
      <ParagraphLink to="/applicant">Back to your bids</ParagraphLink>
    </PageColumn>
  );
}

type AwardView = NonNullable<OutcomePage["award"]>;

function AwardSection({ bidId, award, reports }: { bidId: string; award: AwardView; reports: OutcomePage["reports"] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Your award</h2>
      <SummaryList>
        <SummaryRow label="Amount awarded">{formatPounds(award.amountPence)}</SummaryRow>
        {award.amountRequestedPence !== null && award.amountRequestedPence > award.amountPence ? (
          <SummaryRow label="Amount requested">{formatPounds(award.amountRequestedPence)}</SummaryRow>
        ) : null}
        <SummaryRow label="Funded by the Police and Crime Commissioner">{formatPounds(award.pccFundedPence)}</SummaryRow>
        <SummaryRow label="Match funding from the fund administrator">{formatPounds(award.matchFundedPence)}</SummaryRow>
        <SummaryRow label="Award status">
          <strong className="govuk-tag govuk-tag--blue">{APPLICANT_AWARD_STATUS[award.status] ?? award.status}</strong>
        </SummaryRow>
        {award.acceptBy && award.status === "released" ? <SummaryRow label="Accept by">{`${award.acceptBy} (end of the day)`}</SummaryRow> : null}
        {award.respondedAt ? <SummaryRow label="Answered">{formatDate(award.respondedAt)}</SummaryRow> : null}
        {award.returnedPence > 0 ? <SummaryRow label="Money returned">{formatPounds(award.returnedPence)}</SummaryRow> : null}
      </SummaryList>
      <h3 className="govuk-heading-s">Conditions</h3>
      {award.conditions.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet">
          {award.conditions.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">The award has no conditions beyond the fund&apos;s standard terms.</p>
      )}
      {award.status === "released" ? (
        <Link to={`/applicant/bids/${bidId}/award`} className="govuk-button" role="button" draggable="false" data-module="govuk-button">
          Respond to your award
        </Link>
      ) : null}
      {award.returns.length > 0 ? (
        <Table caption="Money returned" captionSize="s" head={["Date", "How", { text: "Amount", numeric: true }]}>
          {award.returns.map((r, i) => (
            <TableRow key={i}>
              <TableCell>{formatDate(r.recordedAt)}</TableCell>
              <TableCell>{RETURN_KIND[r.kind] ?? r.kind}</TableCell>
              <TableCell numeric>{formatPounds(r.amountPence)}</TableCell>
            </TableRow>
          ))}
        </Table>
      ) : null}
      {reports ? (
        reports.length > 0 ? (
          <Table caption="Monitoring reports" captionSize="m" head={["Report", "Due", "Status"]}>
            {reports.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  <Link className="govuk-link" to={`/applicant/bids/${bidId}/reports/${r.id}`}>
                    {r.title}
                  </Link>
                </TableCell>
                <TableCell>{formatDate(r.dueAt)}</TableCell>
                <TableCell>{APPLICANT_REPORT_STATUS[r.status] ?? r.status}</TableCell>
              </TableRow>
            ))}
          </Table>
        ) : (
          <>
            <h2 className="govuk-heading-m">Monitoring reports</h2>
            <p className="govuk-body">There are no monitoring reports to send yet.</p>
          </>
        )
      ) : null}
    </>
  );
}

function WhatHappensNext({ kind, award }: { kind: OutcomePage["bid"]["kind"]; award: AwardView | null }) {
  if (kind === "awarded" && award) {
    switch (award.status) {
      case "released":
        return (
          <ol className="govuk-list govuk-list--number">
            <li>
              Accept or decline the award{award.acceptBy ? ` by ${award.acceptBy}` : ""}. If we do not hear from you by the end of that day, the award lapses
              and the money is offered to other projects.
            </li>
            <li>We send you the grant agreement, with these conditions, to sign.</li>
            <li>We pay the award once we have the signed agreement.</li>
            <li>You send monitoring reports by their due dates, listed on this page once you accept.</li>
          </ol>
        );
      case "accepted":
        return (
          <p className="govuk-body">
            You have accepted the award. We will send you the grant agreement to sign, and pay the award once it is back with us. Send each monitoring report by
            its due date.
          </p>
        );
      case "declined_by_applicant":
        return <p className="govuk-body">You declined this award, so it will not be paid. The money has gone back to the fund for other projects.</p>;
      case "lapsed":
        return (
          <p className="govuk-body">
            The award was not accepted in time, so it has lapsed and the money has gone back to the fund. Contact the fund team if you think this is wrong.
          </p>
        );
      case "withdrawn":
        return <p className="govuk-body">The fund team withdrew this award. Contact them if you have questions about it.</p>;
      default:
        return <p className="govuk-body">The award is closed. Thank you for your reports.</p>;
    }
  }
  if (kind === "reserve")
    return (
      <p className="govuk-body">
        Your bid met the quality standard but there was not enough money to fund it now. If money becomes available, for example because another project does
        not go ahead, we offer it to bids on the reserve list in score order and email you if yours is offered funding. You do not need to do anything now.
      </p>
    );
  return <p className="govuk-body">You can bid again in a future round. We publish new rounds on the portal.</p>;
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        <p className="govuk-body" key={index}>
          {paragraph}
        </p>
      ))}
    </>
  );
}
