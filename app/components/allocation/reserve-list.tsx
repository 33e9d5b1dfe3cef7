import { Form } from "@remix-run/react";
import { Button, Textarea, TextInput } from "~/components/govuk/fields";
import { offerAmountField, offerConditionsField } from "~/domain/allocation/workspace";
import type { FieldErrors } from "~/lib/form-errors";
import { formatPounds } from "~/lib/money";
import type { AllocationRow, ReserveOffer } from "./types";

/** After release: the reserve bids, in rank order, each with a form to offer it an award. */
export function ReserveList({
  reserve,
  reserveBids,
  minAwardPence,
  remainingPotPence,
  errors,
  offer,
}: {
  /** The reserve bids on this page of the ranking. */
  reserve: AllocationRow[];
  /** How many bids the whole round has on the reserve list. */
  reserveBids: number;
  minAwardPence: number;
  remainingPotPence: number;
  errors: FieldErrors;
  /** The offer last sent, to show again beside its errors. */
  offer?: ReserveOffer;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Reserve list</h2>
      {reserve.length === 0 ? (
        <p className="govuk-body">{reserveBids === 0 ? "There are no bids on the reserve list." : "None of the bids on this page is on the reserve list."}</p>
      ) : (
        <>
          <p className="govuk-body">
            The reserve bids on this page, in rank order (choose “On the reserve list” under “Award” above to list them all). Offering an award is a new
            decision: the bid becomes awarded and its applicant is emailed. An award must be between {formatPounds(minAwardPence)} and the amount requested, and
            within the {formatPounds(remainingPotPence)} remaining in the pot.
          </p>
          {reserve.map((r) => {
            const offered = offer?.bidId === r.bidId ? offer : undefined;
            return (
              <Form method="post" noValidate key={r.bidId} className="govuk-!-margin-bottom-6">
                <h3 className="govuk-heading-s">{`Rank ${r.rank ?? "not ranked"}: ${r.reference}: ${r.title}`}</h3>
                <p className="govuk-body">{`${r.organisationName}. Score ${r.scoreText ?? "not scored"}. Requested ${formatPounds(r.requestedPence)}.`}</p>
                <input type="hidden" name="bidId" value={r.bidId} />
                <TextInput
                  name={offerAmountField(r.bidId)}
                  label={`Award for ${r.reference}`}
                  prefix="£"
                  widthClass="govuk-input--width-10"
                  inputMode="decimal"
                  spellCheck={false}
                  error={errors[offerAmountField(r.bidId)]}
                  defaultValue={offered?.amount ?? ""}
                />
                <Textarea
                  name={offerConditionsField(r.bidId)}
                  label={`Conditions for ${r.reference} (optional)`}
                  rows={2}
                  defaultValue={offered?.conditions ?? ""}
                />
                <Button name="intent" value="offer">
                  Offer an award<span className="govuk-visually-hidden"> to {r.reference}</span>
                </Button>
              </Form>
            );
          })}
        </>
      )}
    </>
  );
}
