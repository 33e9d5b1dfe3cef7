import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { applicantTypeLabel } from "~/domain/funds/applicant-types";
import { listFundsWithRounds } from "~/domain/funds/funds.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { requirePermission } from "~/web/guards.server";
import { BackLink } from "~/components/govuk/links";

export const meta = titleMeta("Funds");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  const url = new URL(request.url);
  const funds = await listFundsWithRounds();
  const changedId = url.searchParams.get("created") ?? url.searchParams.get("saved");
  const changed = funds.find((f) => f.id === changedId);
  return {
    banner: changed ? `${changed.name} has been ${url.searchParams.has("created") ? "created" : "saved"}.` : null,
    funds: funds.map((f) => ({
      ...f,
      applicantTypes: f.applicantTypes.map(applicantTypeLabel),
      rounds: f.rounds.map((r) => ({ ...r, opensAt: r.opensAt.toISOString(), closesAt: r.closesAt.toISOString() })),
    })),
  };
}

export default function Funds() {
  const { funds, banner } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/administrator">Back to fund administration</BackLink>
      <SuccessBanner message={banner} />
      <h1 className="govuk-heading-l">Funds</h1>
      <p className="govuk-body">
        <Link className="govuk-button" to="/administrator/funds/new" role="button" draggable="false" data-module="govuk-button">
          Create a fund
        </Link>
      </p>
      {funds.map((fund) => (
        <section key={fund.id} className="govuk-!-margin-bottom-8" aria-labelledby={`fund-${fund.id}`}>
          <h2 className="govuk-heading-m" id={`fund-${fund.id}`}>
            {fund.name}
          </h2>
          <SummaryList>
            <SummaryRow label="Code">{fund.code}</SummaryRow>
            <SummaryRow label="Who may apply">
              <ul className="govuk-list">
                {fund.applicantTypes.map((label) => (
                  <li key={label}>{label}</li>
                ))}
              </ul>
            </SummaryRow>
          </SummaryList>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/administrator/funds/${fund.id}/edit`}>
              Change the fund<span className="govuk-visually-hidden"> {fund.name}</span>
            </Link>
            {" · "}
            <Link className="govuk-link" to={`/administrator/rounds/new?fund=${encodeURIComponent(fund.id)}`}>
              Create a round<span className="govuk-visually-hidden"> in {fund.name}</span>
            </Link>
            {fund.rounds.length > 0 ? (
              <>
                {" · "}
                <Link className="govuk-link" to={`/administrator/funds/${fund.id}/dashboard`}>
                  Compare the rounds<span className="govuk-visually-hidden"> of {fund.name}</span>
                </Link>
              </>
            ) : null}
          </p>
          {fund.rounds.length === 0 ? (
            <p className="govuk-body">This fund has no rounds yet.</p>
          ) : (
            <Table caption={`Rounds of ${fund.name}`} captionSize="s" head={["Round", "Opens", "Closes", { text: "Pot", numeric: true }, "Public page"]}>
              {fund.rounds.map((round) => (
                <TableRow key={round.id}>
                  <TableRowHeader>
                    <Link className="govuk-link" to={`/administrator/rounds/${round.id}/details`}>
                      {round.name}
                    </Link>
                  </TableRowHeader>
                  <TableCell>{formatDateTime(round.opensAt)}</TableCell>
                  <TableCell>{formatDateTime(round.closesAt)}</TableCell>
                  <TableCell numeric className="app-money">
                    {formatPounds(round.potPence)}
                  </TableCell>
                  <TableCell>
                    <Link className="govuk-link" to={`/rounds/${round.slug}`}>
                      /rounds/{round.slug}
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </Table>
          )}
        </section>
      ))}
    </>
  );
}
