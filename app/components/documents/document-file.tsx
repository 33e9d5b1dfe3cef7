// A stored document as a page shows it (ADR 0022): a download link, unless its virus check found a
// problem (quarantined: no link, and the uploader is told to upload another file); a file still
// waiting for its check is marked, and its link checks it again when followed.
import type { ReactNode } from "react";
import { QUARANTINED_MESSAGE } from "~/domain/documents/scanner";

export function DocumentFile({
  href,
  name,
  scanStatus,
  forUploader = false,
  hiddenSuffix,
}: {
  href: string;
  name: string;
  scanStatus?: string;
  /** The applicant side: a quarantined file asks for another upload. */
  forUploader?: boolean;
  /** Visually hidden words after the name, telling links apart for screen readers. */
  hiddenSuffix?: ReactNode;
}) {
  if (scanStatus === "infected") {
    return (
      <>
        {name} <strong className="govuk-tag govuk-tag--red">Quarantined</strong>
        <span className="govuk-error-message govuk-!-margin-bottom-0 govuk-!-margin-top-1">
          <span className="govuk-visually-hidden">Error:</span>{" "}
          {forUploader ? QUARANTINED_MESSAGE : "Our virus check found a problem with this file. It cannot be downloaded"}
        </span>
      </>
    );
  }
  return (
    <>
      <a className="govuk-link" href={href} download>
        {name}
        {hiddenSuffix}
      </a>
      {scanStatus === "pending" || scanStatus === "error" ? (
        <>
          {" "}
          <strong className="govuk-tag govuk-tag--yellow">Virus check not finished</strong>
        </>
      ) : null}
    </>
  );
}
