import { ALLOCATION_STATUS_LABEL } from "~/domain/allocation/workspace";

/** Where the allocation stands, and the OPCC's comment when it was sent back. */
export function SignOffStatus({ allocationStatus, latestSignOff }: { allocationStatus: string; latestSignOff: { comment: string | null } | null }) {
  return (
    <>
      <p className="govuk-body">
        Status: <strong className="govuk-tag govuk-tag--blue">{ALLOCATION_STATUS_LABEL[allocationStatus] ?? allocationStatus}</strong>
      </p>
      {allocationStatus === "sent_back" && latestSignOff ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">The OPCC sent this allocation back with this comment:</p>
          <p className="govuk-body">{latestSignOff.comment}</p>
        </div>
      ) : null}
    </>
  );
}
