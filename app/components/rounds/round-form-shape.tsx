import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { formatPounds } from "~/lib/money";

export type PublicBandRules = {
  sections: string[];
  documents: string[];
  summaryMaxWords: number;
  beneficiariesMaxWords: number;
  safeguardingMaxWords: number;
  equalityMaxWords: number;
};

/** The public round page's account of the proportionate form (ADR 0025): what each band is asked. */
export function RoundFormShape({ thresholdPence, small, standard }: { thresholdPence: number; small: PublicBandRules; standard: PublicBandRules }) {
  const rows: [string, (b: PublicBandRules) => string][] = [
    ["Sections beyond the basics", (b) => b.sections.join(", ") || "None"],
    ["Documents", (b) => b.documents.join(", ") || "None"],
    ["Summary", (b) => `${b.summaryMaxWords} words`],
    ["Who will benefit", (b) => (b.sections.includes("Beneficiaries") ? `${b.beneficiariesMaxWords} words` : "Not asked")],
    ["Safeguarding", (b) => (b.sections.includes("Safeguarding and equality") ? `${b.safeguardingMaxWords} words` : "Not asked")],
    ["Equality and inclusion", (b) => (b.sections.includes("Safeguarding and equality") ? `${b.equalityMaxWords} words` : "Not asked")],
  ];
  return (
    <>
      <h2 className="govuk-heading-m">The application form</h2>
      <p className="govuk-body">
        Every bid tells us about the project, the priorities and areas it serves and its budget. Bids for less than {formatPounds(thresholdPence)} answer a
        shorter form.
      </p>
      <Table
        caption="What each bid is asked"
        captionSize="s"
        head={["Part of the form", `Less than ${formatPounds(thresholdPence)}`, `${formatPounds(thresholdPence)} or more`]}
      >
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableRowHeader>{label}</TableRowHeader>
            <TableCell>{value(small)}</TableCell>
            <TableCell>{value(standard)}</TableCell>
          </TableRow>
        ))}
      </Table>
    </>
  );
}
