import { Form, Link } from "@remix-run/react";
import { fieldId } from "~/components/govuk/error-summary";
import { Button, Checkboxes, Textarea } from "~/components/govuk/fields";
import type { UnassessedBid } from "~/domain/allocation/decisions.server";
import type { ReleaseFormPage } from "~/domain/allocation/release-choices.server";
import { feedbackField } from "~/domain/allocation/workspace";
import type { PageWindow } from "~/domain/lists/list-page";
import type { AllocationRow } from "./types";

const bids = (count: number) => (count === 1 ? "1 bid" : `${count.toLocaleString("en-GB")} bids`);

/**
 * Releases the signed-off outcomes. The reserve list and the feedback for bids without an award are
 * chosen a page of the ranking at a time and saved (ADR 0031); the release uses every saved choice
 * and this page's as posted.
 */
export function ReleaseForm({
  roundId,
  rows,
  page,
  window,
  posted,
  error,
  unassessed,
}: {
  roundId: string;
  /** The ranked bids on this page. */
  rows: AllocationRow[];
  page: ReleaseFormPage;
  window: PageWindow;
  /** The page's choices as posted, when the last post was refused. */
  posted?: { feedback: Record<string, string>; reserve: string[] };
  error?: string;
  unassessed?: UnassessedBid[];
}) {
  const byId = new Map(rows.map((r) => [r.bidId, r]));
  const label = (bidId: string) => `${byId.get(bidId)?.reference ?? ""}: ${byId.get(bidId)?.title ?? ""}`;
  const reserveChoices = page.reserveChoices.map((bidId) => ({ value: bidId, label: label(bidId) }));
  const { round } = page;
  const first = window.total === 0 ? 0 : window.skip + 1;
  const last = window.skip + rows.length;
  return (
    <Form method="post" noValidate>
      <h2 className="govuk-heading-m">Release outcomes</h2>
      <p className="govuk-body">
        Each bid with an approved award is told it is awarded; bids you put on the reserve list are told so; the others are told they are not funded. Bids
        screened out as not eligible are told so, with the reason and your note. Every bid must have been assessed first. Released decisions are final.
      </p>
      <dl className="govuk-summary-list" data-testid="release-choices">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Bids without an award</dt>
          <dd className="govuk-summary-list__value">{bids(round.withoutAward)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">On the reserve list</dt>
          <dd className="govuk-summary-list__value">{bids(round.onReserve)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Feedback saved</dt>
          <dd className="govuk-summary-list__value">
            {round.feedbackSaved.toLocaleString("en-GB")} of {bids(round.withoutAward)}
          </dd>
        </div>
      </dl>
      {window.pageCount > 1 ? (
        <p className="govuk-body" data-testid="release-page">
          This form holds the bids ranked {first.toLocaleString("en-GB")} to {last.toLocaleString("en-GB")} shown above. Save your choices before you go to
          another page; the release uses the choices saved on every page.
        </p>
      ) : null}
      {/* Numbered names: one name repeated on hidden fields is invalid HTML. */}
      {page.bidIds.map((bidId, i) => (
        <input key={bidId} type="hidden" name={`releaseBids.${i}`} value={bidId} />
      ))}
      {reserveChoices.length > 0 ? (
        <Checkboxes
          name="reserve"
          legend="Reserve list"
          hint="Select the bids without an award to put on the reserve list."
          choices={reserveChoices}
          defaultValue={posted?.reserve ?? page.reserved}
        />
      ) : null}
      {page.bidIds.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Feedback for bids without an award</h3>
          <p className="govuk-body">
            Each box starts with the assessors’ comments on each criterion (never their scores). Edit it to what you want to share: a bid that is not funded
            gets this feedback in its outcome email. Leave a box empty to share no feedback.
          </p>
          {page.bidIds.map((bidId) => (
            <Textarea
              key={bidId}
              name={feedbackField(bidId)}
              label={`Feedback for ${label(bidId)}`}
              rows={6}
              defaultValue={posted?.feedback[bidId] ?? page.feedback[bidId] ?? ""}
            />
          ))}
          <Button secondary name="intent" value="release-choices">
            Save choices on this page
          </Button>
        </>
      ) : null}
      {round.feedbackNotSavedElsewhere > 0 ? (
        <Checkboxes
          name="shareAssessorComments"
          legend="Feedback for bids on other pages"
          hint={`${bids(round.feedbackNotSavedElsewhere)} on other pages of the ranking ${round.feedbackNotSavedElsewhere === 1 ? "has" : "have"} no saved feedback, so ${round.feedbackNotSavedElsewhere === 1 ? "it is" : "they are"} sent none unless you choose otherwise.`}
          choices={[{ value: "yes", label: "Send them the assessors’ comments on each criterion as feedback" }]}
        />
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
