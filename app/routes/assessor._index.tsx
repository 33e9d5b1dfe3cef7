import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { loadAssessorQueue } from "~/domain/assessment/assessor-bids.server";
import { requireRole } from "~/web/guards.server";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Bids to assess");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["assessor"]);
  return { name: user.name, ...(await loadAssessorQueue(user.id)) };
}

const PROGRESS: Record<string, { text: string; tag: string }> = {
  not_started: { text: "Not started", tag: "govuk-tag--grey" },
  draft: { text: "In progress", tag: "govuk-tag--light-blue" },
  submitted: { text: "Submitted", tag: "govuk-tag--green" },
  conflict: { text: "Conflict of interest", tag: "govuk-tag--orange" },
};

export default function AssessorHome() {
  const { name, queue, submitted, total } = useLoaderData<typeof loader>();
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
      {queue.length === 0 ? (
        <p className="govuk-body">No bids have been assigned to you yet.</p>
      ) : (
        <>
          <p className="govuk-body">{`You have submitted ${submitted} of ${total} ${total === 1 ? "assessment" : "assessments"}.`}</p>
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
        </>
      )}
    </>
  );
}
