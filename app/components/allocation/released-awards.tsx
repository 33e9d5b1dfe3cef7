import { Form, Link } from "@remix-run/react";
import { fieldId } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import type { FieldErrors } from "~/lib/form-errors";
import { formatPounds } from "~/lib/money";
import type { AllocationRow } from "./types";

const AWARD_STATUS_LABEL: Record<string, string> = {
  released: "Released",
  accepted: "Accepted",
  closed: "Closed",
  declined_by_applicant: "Declined by the applicant",
  lapsed: "Lapsed",
  withdrawn: "Withdrawn",
};

/**
 * After release: the released awards among the bids on this page of the ranking (found like any
 * other bid, with the filters and pages above), where a declined or withdrawn one gives its money
 * back to the pot. The money figures are the whole round's.
 */
export function ReleasedAwards({
  roundId,
  rows,
  givenBackPence,
  remainingPotPence,
  errors,
}: {
  roundId: string;
  /** The bids on this page of the ranking. */
  rows: AllocationRow[];
  givenBackPence: number;
  remainingPotPence: number;
  errors: FieldErrors;
}) {
  const awards = rows.filter((r) => r.award && r.award.status !== "proposed" && r.award.status !== "approved");
  return (
    <>
      <h2 className="govuk-heading-m">Released awards</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/administrator/rounds/${roundId}/awards`}>
          Awards: who has accepted, reminders and money returned
        </Link>
      </p>
      <p className="govuk-body">
        Released decisions are final. If an applicant declines their award, or you withdraw it, record it here: the money goes back to the pot and you can offer
        it to the next bid on the reserve list. The awards listed are those of the bids on this page: use “Find bids” above to find another.
      </p>
      <p className="govuk-body" data-testid="freed-money">
        Money returned from declined or withdrawn awards: <strong>{formatPounds(givenBackPence)}</strong>. Remaining in the pot:{" "}
        <strong>{formatPounds(remainingPotPence)}</strong>.
      </p>
      {awards.length === 0 ? (
        <p className="govuk-body">None of the bids on this page has a released award.</p>
      ) : (
        <Table caption="Awards" captionSize="s" head={["Bid", { text: "Award", numeric: true }, "Status", "Change"]}>
          {awards.map((r) => {
            const error = errors[`return.${r.bidId}`];
            return (
              <TableRow key={r.bidId}>
                <TableCell>
                  <strong>{r.reference}</strong>
                  <br />
                  {r.title}
                </TableCell>
                <TableCell numeric>{formatPounds(r.award!.amountPence)}</TableCell>
                <TableCell>{AWARD_STATUS_LABEL[r.award!.status] ?? r.award!.status}</TableCell>
                <TableCell id={fieldId(`return.${r.bidId}`)}>
                  {error ? (
                    <p className="govuk-error-message">
                      <span className="govuk-visually-hidden">Error:</span> {error}
                    </p>
                  ) : null}
                  {r.award!.status === "released" ? (
                    <Form method="post" noValidate>
                      <input type="hidden" name="bidId" value={r.bidId} />
                      <div className="govuk-button-group">
                        <Button name="intent" value="award-declined" secondary>
                          Record that the applicant declined the award<span className="govuk-visually-hidden"> for {r.reference}</span>
                        </Button>
                        <Button name="intent" value="award-withdrawn" warning>
                          Withdraw the award<span className="govuk-visually-hidden"> for {r.reference}</span>
                        </Button>
                      </div>
                    </Form>
                  ) : (
                    "No further change"
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </Table>
      )}
    </>
  );
}
