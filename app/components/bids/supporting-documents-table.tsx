import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { DocumentFile } from "~/components/documents/document-file";
import { documentKindLabel, formatFileSize } from "~/domain/documents/document-kinds";

type Listed = { id: string; kind: string; originalName: string; sizeBytes: number; scanStatus?: string };

/** A bid's supporting documents for staff: which document it is, the file to download, its size. */
export function SupportingDocumentsTable({ documents, hrefFor }: { documents: Listed[]; hrefFor: (documentId: string) => string }) {
  if (documents.length === 0) {
    return <p className="govuk-body">No supporting documents were uploaded with this bid.</p>;
  }
  return (
    <Table caption="Supporting documents" captionSize="s" head={["Document", "File", { text: "Size", numeric: true }]}>
      {documents.map((d) => (
        <TableRow key={d.id}>
          <TableCell>{documentKindLabel(d.kind)}</TableCell>
          <TableCell>
            <DocumentFile
              href={hrefFor(d.id)}
              name={d.originalName}
              scanStatus={d.scanStatus}
              hiddenSuffix={<span className="govuk-visually-hidden"> ({documentKindLabel(d.kind).toLowerCase()})</span>}
            />
          </TableCell>
          <TableCell numeric>{formatFileSize(d.sizeBytes)}</TableCell>
        </TableRow>
      ))}
    </Table>
  );
}
