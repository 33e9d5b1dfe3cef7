/** How every email about an award to the organisation begins: to its contact, naming the bid and its round. */
export function awardEmailDetails(award: {
  round: { name: string; fund: { name: string } };
  bid: { reference: string | null; title: string; organisation: { name: string; contactName: string } };
}) {
  return {
    fundName: award.round.fund.name,
    recipientName: award.bid.organisation.contactName,
    organisationName: award.bid.organisation.name,
    reference: award.bid.reference ?? "",
    bidTitle: award.bid.title,
    roundName: award.round.name,
  };
}
