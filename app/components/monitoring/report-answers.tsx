import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { DocumentFile } from "~/components/documents/document-file";
import { formatFileSize } from "~/domain/documents/document-kinds";
import { formatDate } from "~/lib/dates";
import { formatPounds } from "~/lib/money";

export type ReportAnswers = {
  outcomes: { id: string; outcome: string; indicator: string; target: string; achievedValue: number | null; commentary: string }[];
  budgetLines: { id: string; item: string; costPence: number; spentPence: number | null }[];
  progress: string;
  challenges: string;
  documents: { id: string; originalName: string; sizeBytes: number; scanStatus?: string }[];
};

/** A report as written: targets against what was achieved, planned against spent (with totals), the narrative and documents. */
export function ReportAnswersView({
  answers,
  documentHref,
  forUploader = false,
}: {
  answers: ReportAnswers;
  documentHref: (documentId: string) => string;
  forUploader?: boolean;
}) {
  const planned = answers.budgetLines.reduce((sum, l) => sum + l.costPence, 0);
  const spent = answers.budgetLines.reduce((sum, l) => sum + (l.spentPence ?? 0), 0);
  return (
    <>
      <Table
        caption="Outcomes: target and achieved so far"
        captionSize="m"
        head={["Outcome", "Indicator", "Target", { text: "Achieved so far", numeric: true }, "Commentary"]}
      >
        {answers.outcomes.map((o) => (
          <TableRow key={o.id}>
            <TableRowHeader>{o.outcome}</TableRowHeader>
            <TableCell>{o.indicator}</TableCell>
            <TableCell>{o.target}</TableCell>
            <TableCell numeric>{o.achievedValue ?? "Not given"}</TableCell>
            <TableCell>{o.commentary || "None"}</TableCell>
          </TableRow>
        ))}
      </Table>
      <Table
        caption="Budget: planned and spent so far"
        captionSize="m"
        head={["Item", { text: "Planned", numeric: true }, { text: "Spent so far", numeric: true }]}
      >
        {answers.budgetLines.map((l) => (
          <TableRow key={l.id}>
            <TableRowHeader>{l.item}</TableRowHeader>
            <TableCell numeric className="app-money">
              {formatPounds(l.costPence)}
            </TableCell>
            <TableCell numeric className="app-money">
              {l.spentPence === null ? "Not given" : formatPounds(l.spentPence)}
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableRowHeader>Total</TableRowHeader>
          <TableCell numeric className="app-money">
            <strong>{formatPounds(planned)}</strong>
          </TableCell>
          <TableCell numeric className="app-money">
            <strong>{formatPounds(spent)}</strong>
          </TableCell>
        </TableRow>
      </Table>
      <h2 className="govuk-heading-m">How the project is going</h2>
      <SummaryList>
        <SummaryRow label="Progress">{answers.progress || "Not given"}</SummaryRow>
        <SummaryRow label="Challenges">{answers.challenges || "Not given"}</SummaryRow>
      </SummaryList>
      <h2 className="govuk-heading-m">Supporting documents</h2>
      {answers.documents.length === 0 ? (
        <p className="govuk-body">No documents were attached to this report.</p>
      ) : (
        <ul className="govuk-list">
          {answers.documents.map((d) => (
            <li key={d.id}>
              <DocumentFile href={documentHref(d.id)} name={d.originalName} scanStatus={d.scanStatus} forUploader={forUploader} /> (
              {formatFileSize(d.sizeBytes)})
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The report's due date, tagged when it has passed without a submission. */
export function ReportDueRow({ dueAt, overdue }: { dueAt: string | Date; overdue: boolean }) {
  return (
    <SummaryRow label="Due">
      {formatDate(dueAt)}
      {overdue ? (
        <>
          {" "}
          <strong className="govuk-tag govuk-tag--red">Overdue</strong>
        </>
      ) : null}
    </SummaryRow>
  );
}
