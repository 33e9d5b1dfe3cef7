import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { loadAssessorQueue } from "~/domain/assessment/assessor-bids.server";
import { QUEUE_PROGRESS } from "~/domain/assessment/list-filters";
import { choice, listHref, requestedPage, searchText, showingText } from "~/domain/lists/list-page";
import { ListFilters, SearchField, SelectField } from "~/components/lists/list-filters";
import { Pagination } from "~/components/govuk/pagination";
import { requireRole } from "~/web/guards.server";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Bids to assess");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["assessor"]);
  const search = new URL(request.url).searchParams;
  const filters = { q: searchText(search.get("q")), progress: choice(search.get("progress"), QUEUE_PROGRESS) };
  return { name: user.name, filters, ...(await loadAssessorQueue(user.id, filters, requestedPage(search.get("page")))) };
}

const PROGRESS: Record<string, { text: string; tag: string }> = {
  not_started: { text: "Not started", tag: "govuk-tag--grey" },
  draft: { text: "In progress", tag: "govuk-tag--light-blue" },
  submitted: { text: "Submitted", tag: "govuk-tag--green" },
  conflict: { text: "Conflict of interest", tag: "govuk-tag--orange" },
};

export default function AssessorHome() {
  const { name, queue, submitted, total, window, filters } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.q || filters.progress);
  const [search] = useSearchParams();
  const submittedReference = search.get("submitted");
  return (
    <>
      {submittedReference ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Your assessment of {submittedReference} has been submitted.</p>
        </NotificationBanner>
      ) : search.get("conflict") ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">Your conflict of interest has been recorded. The fund administrator will ask another assessor.</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Bids to assess</h1>
      {queue.length === 0 && !filtered ? (
        <p className="govuk-body">No bids have been assigned to you yet.</p>
      ) : (
        <>
          <p className="govuk-body">{`You have submitted ${submitted} of ${total} ${total === 1 ? "assessment" : "assessments"}.`}</p>
          <ListFilters legend="Find bids" clearHref="/assessor">
            <SearchField label="Reference, title or organisation" value={filters.q} />
            <SelectField
              name="progress"
              label="Progress"
              anyLabel="Any"
              value={filters.progress}
              options={QUEUE_PROGRESS.map((p) => ({ value: p, text: PROGRESS[p]!.text }))}
            />
          </ListFilters>
          <p className="govuk-body" role="status">
            {showingText(window, { one: "bid", many: "bids" })}
          </p>
          {queue.length > 0 ? (
            <ul className="govuk-task-list">
              {queue.map((bid) => (
                <li className="govuk-task-list__item govuk-task-list__item--with-link" key={bid.id}>
                  <div className="govuk-task-list__name-and-hint">
                    <Link className="govuk-link govuk-task-list__link" to={`/assessor/bids/${bid.id}`} aria-describedby={`bid-${bid.id}-status`}>
                      {bid.reference}: {bid.title}
                    </Link>
                  </div>
                  <div className="govuk-task-list__status" id={`bid-${bid.id}-status`}>
                    <strong className={`govuk-tag ${PROGRESS[bid.progress]!.tag}`}>{PROGRESS[bid.progress]!.text}</strong>
                  </div>
                </li>
              ))}
            </ul>
          ) : null}
          <Pagination page={window.page} pageCount={window.pageCount} href={(n) => listHref(filters, n)} label="Pages of bids to assess" />
        </>
      )}
    </>
  );
}
