import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/components/page-title";
import { loadStaffPackage } from "~/domain/publishing/public-awards.server";
import { requireRole } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `360Giving data: ${data.round.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["fund_administrator"]);
  const result = orNotFound(await loadStaffPackage(params.roundId ?? ""), "Page not found");
  if (!result.released) return { released: false as const, round: result.round };
  return {
    released: true as const,
    round: { id: result.round.id, slug: result.round.slug, name: result.round.name, fundName: result.round.fundName },
    grants: result.pkg.grants.length,
    problems: result.check.valid ? [] : result.check.problems,
  };
}

export default function RoundPublishing() {
  const data = useLoaderData<typeof loader>();
  const { round } = data;
  return (
    <PageColumn>
      <span className="govuk-caption-l">{`${round.fundName}: ${round.name}`}</span>
      <h1 className="govuk-heading-l">360Giving data</h1>
      {!data.released ? (
        <p className="govuk-body">Nothing is published until the round&apos;s outcomes are released.</p>
      ) : data.problems.length === 0 ? (
        <>
          <div className="govuk-panel govuk-panel--confirmation">
            <h2 className="govuk-panel__title">Published</h2>
            <div className="govuk-panel__body">{`${data.grants} ${data.grants === 1 ? "grant" : "grants"}, valid against the 360Giving Data Standard`}</div>
          </div>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to={`/awards/${data.round.slug}`}>
                The public page of this round&apos;s grants
              </Link>
            </li>
            <li>
              <a className="govuk-link" href={`/awards/${data.round.slug}/360giving.json`} download>
                Download the 360Giving file (JSON)
              </a>
            </li>
          </ul>
        </>
      ) : (
        <>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              The 360Giving file is not published: it does not pass validation. The public link says the data is unavailable until these are put right.
            </strong>
          </div>
          <h2 className="govuk-heading-m">What needs correcting</h2>
          <ul className="govuk-list govuk-list--bullet">
            {data.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      )}
      <ParagraphLink to={`/administrator/rounds/${round.id}/awards`}>Back to the round&apos;s awards</ParagraphLink>
    </PageColumn>
  );
}
