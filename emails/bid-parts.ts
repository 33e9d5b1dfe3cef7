// What every email about one bid says the same way: whom it is to, which organisation's bid it
// is, and the lines that name the bid in the email's inset.

export type BidEmailProps = {
  fundName?: string;
  recipientName: string;
  organisationName: string;
  reference: string;
  bidTitle: string;
  roundName: string;
};

/** The first lines of the inset: the bid's reference, title and round. */
export function bidInsetLines({ reference, bidTitle, roundName }: Pick<BidEmailProps, "reference" | "bidTitle" | "roundName">) {
  return [`Bid reference: ${reference}`, `Title: ${bidTitle}`, `Funding round: ${roundName}`];
}

/** What every monitoring report email says about the report and the bid it reports on. */
export type ReportEmailProps = {
  fundName?: string;
  recipientName: string;
  organisationName: string;
  reportTitle: string;
  bidTitle: string;
  /** Empty before the bid has a reference; the inset then leaves it out. */
  bidReference: string;
};

/** The first lines of a report email's inset: the report, its project and, once it has one, the bid's reference. */
export function reportInsetLines({ reportTitle, bidTitle, bidReference }: Pick<ReportEmailProps, "reportTitle" | "bidTitle" | "bidReference">) {
  return [`Report: ${reportTitle}`, `Project: ${bidTitle}`, ...(bidReference ? [`Bid reference: ${bidReference}`] : [])];
}
