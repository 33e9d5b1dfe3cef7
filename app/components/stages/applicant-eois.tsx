// The applicant's expressions of interest in two-stage rounds, on their bids page (ADR 0026):
// where each one is, and what to do next.
import { Link } from "@remix-run/react";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { EoiStatusTag } from "./eoi-status";

export type ApplicantEoi = {
  id: string;
  title: string;
  status: string;
  amountRequestedPence: number | null;
  bidId: string | null;
  organisation: { name: string };
  round: { name: string; eoiClosesAt: string | null; closesAt: string };
};

function nextStep(eoi: ApplicantEoi) {
  if (eoi.status === "draft") return eoi.round.eoiClosesAt ? `Submit by ${formatDateTime(eoi.round.eoiClosesAt)}` : "";
  if (eoi.status === "submitted") return "We will tell you after expressions of interest close";
  if (eoi.status === "invited") return `Full bid due by ${formatDateTime(eoi.round.closesAt)}`;
  return "See our feedback";
}

export function ApplicantEois({ eois }: { eois: ApplicantEoi[] }) {
  if (eois.length === 0) return null;
  return (
    <section aria-labelledby="eois-heading">
      <h2 className="govuk-heading-m" id="eois-heading">
        Expressions of interest
      </h2>
      <Table label="Expressions of interest" head={["Project", "Round", "Status", "Next", { text: "Roughly", numeric: true }]}>
        {eois.map((eoi) => (
          <TableRow key={eoi.id}>
            <TableCell>
              <Link className="govuk-link" to={`/applicant/expressions-of-interest/${eoi.id}`}>
                {eoi.title || "Untitled expression of interest"}
              </Link>
              <br />
              <span className="govuk-body-s">{eoi.organisation.name}</span>
            </TableCell>
            <TableCell>{eoi.round.name}</TableCell>
            <TableCell>
              <EoiStatusTag status={eoi.status} />
            </TableCell>
            <TableCell>
              {eoi.status === "invited" && eoi.bidId ? (
                <Link className="govuk-link" to={`/applicant/bids/${eoi.bidId}`}>
                  {nextStep(eoi)}
                </Link>
              ) : (
                nextStep(eoi)
              )}
            </TableCell>
            <TableCell numeric className="app-money">
              {eoi.amountRequestedPence === null ? "Not given" : formatPounds(eoi.amountRequestedPence)}
            </TableCell>
          </TableRow>
        ))}
      </Table>
    </section>
  );
}
