import { Form } from "@remix-run/react";
import { fieldId } from "~/components/govuk/error-summary";
import { Button } from "~/components/govuk/fields";
import { formatPounds } from "~/lib/money";

/** Commits the saved proposal; shown only while there is one to approve. */
export function ApproveForm({ proposedPence, opccSignOffRequired }: { proposedPence: number; opccSignOffRequired: boolean }) {
  return (
    <Form method="post" noValidate>
      <h2 className="govuk-heading-m">Approve the allocation</h2>
      <p className="govuk-body">
        Approving commits all the saved proposed awards, {formatPounds(proposedPence)}, at once, or none of them.
        {opccSignOffRequired ? " The OPCC then signs it off before outcomes are released." : ""}
      </p>
      <Button name="intent" value="approve" id={fieldId("approve")}>
        Approve allocation
      </Button>
    </Form>
  );
}
