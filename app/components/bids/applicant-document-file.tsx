import type { ReactNode } from "react";
import { DocumentFile } from "~/components/documents/document-file";

/** One of a bid's supporting documents as its applicant sees it: the file to download, or why it cannot be. */
export function ApplicantDocumentFile({
  bidId,
  document,
  hiddenSuffix,
}: {
  bidId: string;
  document: { id: string; originalName: string; scanStatus?: string };
  hiddenSuffix?: ReactNode;
}) {
  return (
    <DocumentFile
      href={`/applicant/bids/${bidId}/documents/${document.id}`}
      name={document.originalName}
      scanStatus={document.scanStatus}
      forUploader
      hiddenSuffix={hiddenSuffix}
    />
  );
}
