import { useActionData } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { titleMeta } from "~/components/page-title";
import type { FieldErrors } from "~/lib/form-errors";
import type { FormObject } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { useCharacterCounts } from "./use-character-counts";
import { BackLink, ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

type LayoutBid = { id: string; title: string; status: string };

/** A bid section page's title: the section, then the bid's name. */
export function sectionMeta(title: string) {
  return titleMeta<() => { bid: LayoutBid }>(({ data }) => `${title} – ${data.bid.title || "Untitled bid"}`);
}

/**
 * A page of repeating rows: the rows the action sent back (as typed, after "Add another", "Remove"
 * or an error) or else the saved ones, the errors, and the revision that gives re-rendered rows fresh keys.
 */
export function useSectionRows<R>(savedRows: R[]) {
  const actionData = useActionData() as { errors?: FieldErrors; rows?: R[]; revision?: number } | undefined;
  return { errors: actionData?.errors ?? {}, rows: actionData?.rows ?? savedRows, revision: actionData?.revision ?? 0 };
}

/**
 * A page of single answers: the answers the action sent back (as typed, after an error) or else the
 * saved ones, and the form checked in the browser by the section's schema before "Save and continue".
 */
export function useSectionAnswers<S extends Parameters<typeof useGovukForm>[0]>(schema: S, saved: FormObject) {
  const actionData = useActionData() as { errors?: FieldErrors; values?: FormObject } | undefined;
  const { register, errors, onSubmit } = useGovukForm(schema, { serverErrors: actionData?.errors });
  return { values: actionData?.values ?? saved, register, errors, onSubmit: skipBrowserChecksForDraft(onSubmit) };
}

/** A bid section page: back to the task list, the bid's name, the error summary; read-only once submitted. */
export function SectionLayout({ bid, title, errors, children }: { bid: LayoutBid; title: string; errors?: FieldErrors; children: ReactNode }) {
  const frozen = bid.status !== "draft";
  useCharacterCounts();
  return (
    <>
      <BackLink to={`/applicant/bids/${bid.id}`}>Back to your bid</BackLink>
      <PageColumn>
        {frozen ? null : <ErrorSummary errors={errors} />}
        <span className="govuk-caption-l">{bid.title || "Untitled bid"}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {frozen ? (
          <>
            <div className="govuk-inset-text">This bid has been submitted, so it can no longer be changed.</div>
            <ParagraphLink to={`/applicant/bids/${bid.id}`}>View the bid as it was submitted</ParagraphLink>
          </>
        ) : (
          children
        )}
      </PageColumn>
    </>
  );
}

/** The two ways to leave a section page: finished, or saved to come back to. */
export function SaveButtons({ draft = true }: { draft?: boolean }) {
  return (
    <div className="govuk-button-group">
      <Button name="intent" value="save-and-continue">
        Save and continue
      </Button>
      {draft ? (
        <Button name="intent" value="save-draft" secondary>
          Save and come back later
        </Button>
      ) : null}
    </div>
  );
}

/**
 * A page's repeating rows, each a fieldset headed "Budget line 1", "Outcome 2" … with its fields and
 * a "Remove" button (while there is more than one row), then "Add another" while there is room.
 * `row` names a row in the buttons' intents (add-line, remove-line:2), as the section's action reads them.
 */
export function RepeatingRows<R>({
  rows,
  revision,
  row,
  rowName,
  maxRows,
  addLabel,
  children,
}: {
  rows: R[];
  revision: number;
  row: string;
  rowName: string;
  maxRows: number;
  addLabel: string;
  children: (row: R, index: number) => ReactNode;
}) {
  const heading = rowName.charAt(0).toUpperCase() + rowName.slice(1);
  return (
    <>
      {rows.map((value, index) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={`${revision}-${index}`}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">{`${heading} ${index + 1}`}</h2>
          </legend>
          {children(value, index)}
          {rows.length > 1 ? (
            <Button secondary name="intent" value={`remove-${row}:${index}`}>
              Remove
              <span className="govuk-visually-hidden">
                {` ${rowName} `}
                {index + 1}
              </span>
            </Button>
          ) : null}
        </fieldset>
      ))}
      {rows.length < maxRows ? (
        <Button secondary name="intent" value={`add-${row}`}>
          {addLabel}
        </Button>
      ) : null}
    </>
  );
}

/**
 * Put first in a form: pressing Enter in a field then means "Save and continue", whatever other
 * buttons (add, remove) come earlier in the form than the visible save button.
 */
export function DefaultSubmit() {
  return <button type="submit" name="intent" value="save-and-continue" hidden tabIndex={-1} />;
}

/**
 * The section form's submit handler: "Save and come back later" may leave questions blank, so
 * only the server checks it; "Save and continue" is checked in the browser first.
 */
export function skipBrowserChecksForDraft(onSubmit: (event: FormEvent<HTMLFormElement>) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === "save-draft") return;
    onSubmit(event);
  };
}
