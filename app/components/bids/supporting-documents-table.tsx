import { documentKindLabel, formatFileSize } from "~/domain/documents/document-kinds";

type Listed = { id: string; kind: string; originalName: string; sizeBytes: number };

/** A bid's supporting documents for staff: which document it is, the file to download, its size. */
export function SupportingDocumentsTable({ documents, hrefFor }: { documents: Listed[]; hrefFor: (documentId: string) => string }) {
  if (documents.length === 0) {
    return <p className="govuk-body">No supporting documents were uploaded with this bid.</p>;
  }
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">Supporting documents</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Document</th>
          <th scope="col" className="govuk-table__header">File</th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Size</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {documents.map((d) => (
          <tr className="govuk-table__row" key={d.id}>
            <td className="govuk-table__cell">{documentKindLabel(d.kind)}</td>
            <td className="govuk-table__cell">
              <a className="govuk-link" href={hrefFor(d.id)} download>
                {d.originalName}
                <span className="govuk-visually-hidden"> ({documentKindLabel(d.kind).toLowerCase()})</span>
              </a>
            </td>
            <td className="govuk-table__cell govuk-table__cell--numeric">{formatFileSize(d.sizeBytes)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
