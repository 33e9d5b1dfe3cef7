import { Form, Link } from "@remix-run/react";
import { fieldId } from "~/components/govuk/error-summary";
import { Button, Checkboxes, Textarea } from "~/components/govuk/fields";
import type { UnassessedBid } from "~/domain/allocation/decisions.server";
import { feedbackField } from "~/domain/allocation/workspace";
import type { AllocationRow } from "./types";

/** Releases the signed-off outcomes: the reserve list and the feedback for bids without an award. */
export function ReleaseForm({
  roundId,
  rows,
  feedback,
  feedbackBidIds,
  error,
  unassessed,
}: {
  roundId: string;
  rows: AllocationRow[];
  /** The feedback boxes' text, by bid. */
  feedback: Record<string, string>;
  /** The bids that get a feedback box. */
  feedbackBidIds: string[];
  error?: string;
  unassessed?: UnassessedBid[];
}) {
  const reserveChoices = rows
    .filter((r) => r.status === "in_assessment" && r.meetsThreshold && r.award?.status !== "approved")
    .map((r) => ({ value: r.bidId, label: `${r.reference}: ${r.title}` }));
  const feedbackRows = rows.filter((r) => feedbackBidIds.includes(r.bidId));
  return (
    <Form method="post" noValidate>
      <h2 className="govuk-heading-m">Release outcomes</h2>
      <p className="govuk-body">
        Each bid with an approved award is told it is awarded; bids you put on the reserve list are told so; the others are told they are not funded. Bids
        screened out as not eligible are told so, with the reason and your note. Every bid must have been assessed first. Released decisions are final.
      </p>
      {reserveChoices.length > 0 ? (
        <Checkboxes name="reserve" legend="Reserve list" hint="Select the bids without an award to put on the reserve list." choices={reserveChoices} />
      ) : null}
      {feedbackRows.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Feedback for bids without an award</h3>
          <p className="govuk-body">
            Each box starts with the assessors’ comments on each criterion (never their scores). Edit it to what you want to share: a bid that is not funded
            gets this feedback in its outcome email. Leave a box empty to share no feedback.
          </p>
          {feedbackRows.map((r) => (
            <Textarea
              key={r.bidId}
              name={feedbackField(r.bidId)}
              label={`Feedback for ${r.reference}: ${r.title}`}
              rows={6}
              defaultValue={feedback[r.bidId] ?? ""}
            />
          ))}
        </>
      ) : null}
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`} id={fieldId("release")}>
        {error ? (
          <p className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        {unassessed && unassessed.length > 0 ? (
          <ul className="govuk-list govuk-list--bullet" data-testid="unassessed-bids">
            {unassessed.map((u) => (
              <li key={u.bidId}>
                <Link className="govuk-link" to={`/administrator/rounds/${roundId}/bids/${u.bidId}`}>
                  {`${u.reference}: ${u.title}`}
                </Link>{" "}
                ({u.why === "not_screened" ? "not screened or not assigned to an assessor" : "no score yet"})
              </li>
            ))}
          </ul>
        ) : null}
        <Button name="intent" value="release">
          Release outcomes
        </Button>
      </div>
    </Form>
  );
}
