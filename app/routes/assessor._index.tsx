import type { LoaderFunctionArgs } from "@remix-run/node";
import { DocumentTitle } from "~/components/document-title";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/domain/auth/guards.server";
import { db } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["assessor"]);
  const assignments = await db.assessorAssignment.findMany({
    where: { assessorId: user.id },
    orderBy: { assignedAt: "asc" },
    select: { bid: { select: { id: true, reference: true, title: true, assessments: { where: { assessorId: user.id }, select: { status: true } } } } },
  });
  return {
    name: user.name,
    queue: assignments.map(({ bid }) => ({
      id: bid.id,
      reference: bid.reference,
      title: bid.title,
      progress: bid.assessments[0]?.status ?? "not_started",
    })),
  };
}

const PROGRESS = { not_started: "Not started", draft: "In progress", submitted: "Submitted" } as Record<string, string>;

export default function AssessorHome() {
  const { name, queue } = useLoaderData<typeof loader>();
  return (
    <>
      <DocumentTitle title="Bids to assess" />
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Bids to assess</h1>
      {queue.length === 0 ? (
        <p className="govuk-body">No bids have been assigned to you yet.</p>
      ) : (
        <ul className="govuk-list">
          {queue.map((bid) => (
            <li key={bid.id}>
              {bid.reference}: {bid.title} <strong className="govuk-tag govuk-tag--grey">{PROGRESS[bid.progress]}</strong>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
