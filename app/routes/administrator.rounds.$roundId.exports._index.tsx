import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { findRoundForExports } from "~/domain/exports/round-exports.server";
import { requireRole } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Exports: ${data.round.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["fund_administrator"]);
  return orNotFound(await findRoundForExports(params.roundId ?? ""), "Round not found");
}

export default function RoundExports() {
  const { round, exports } = useLoaderData<typeof loader>();
  return (
    <PageColumn>
      <BackLink to="/administrator">Back to fund administration</BackLink>
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Exports</h1>
      <p className="govuk-body">
        Each download is a CSV file (comma-separated values) that opens in a spreadsheet. It holds the round as it is when you download it. Times are in UTC
        (ISO 8601); money is given in pounds with two decimal places and again in pence.
      </p>
      <p className="govuk-body">
        Text that a spreadsheet could run as a formula (starting with =, +, -, @, a tab or a carriage return) is given a single quote in front. Every download
        is recorded in the audit log.
      </p>
      {exports.map((e) => (
        <div key={e.kind}>
          <h2 className="govuk-heading-m">{e.title}</h2>
          <p className="govuk-body">{e.description}</p>
          <p className="govuk-body">
            {/* A plain link: the browser downloads the attachment, with or without JavaScript. */}
            <a className="govuk-link" href={`/administrator/rounds/${round.id}/exports/${e.kind}`} download>
              Download {e.title.toLowerCase()} (CSV)<span className="govuk-visually-hidden"> for {round.name}</span>
            </a>
          </p>
        </div>
      ))}
    </PageColumn>
  );
}
