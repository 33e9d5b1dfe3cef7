/** What every monitoring report email says about the report and its bid; the recipient and the link are the sender's. */
export function reportEmailDetails(report: {
  title: string;
  award: { bid: { title: string; reference: string | null; organisation: { name: string }; round: { fund: { name: string } } } };
}) {
  const { bid } = report.award;
  return {
    fundName: bid.round.fund.name,
    organisationName: bid.organisation.name,
    reportTitle: report.title,
    bidTitle: bid.title || "Untitled bid",
    bidReference: bid.reference ?? "",
  };
}

/** What a report email needs of the report's bid: its title and reference, its fund, and whom to write to. */
export const reportEmailBidSelect = {
  id: true,
  title: true,
  reference: true,
  organisation: { select: { name: true, contactName: true, contactEmail: true } },
  round: { select: { fund: { select: { name: true } } } },
} as const;
