import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type OutcomeReserveProps = {
  fundName?: string;
  recipientName: string;
  organisationName: string;
  reference: string;
  bidTitle: string;
  roundName: string;
  /** Until when the reserve list stands, if the round says. */
  reserveUntil?: string | null;
  /** The bid's outcome page (decisionLinks.outcome). */
  bidUrl: string;
};

export function OutcomeReserveEmail(props: OutcomeReserveProps) {
  return (
    <EmailLayout fundName={props.fundName} preview={`Bid ${props.reference} is on the reserve list`} heading="Your bid is on the reserve list">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        {props.organisationName}&apos;s bid met the quality standard, but there was not enough money in this round to fund it now. We have put it on the reserve
        list.
      </Paragraph>
      <Inset lines={[`Bid reference: ${props.reference}`, `Title: ${props.bidTitle}`, `Funding round: ${props.roundName}`]} />
      <Paragraph>
        If money becomes available{props.reserveUntil ? ` before ${props.reserveUntil}` : ""}, for example because another project does not go ahead, we will
        offer it to bids on the reserve list in score order. We will email you if your bid is offered funding. You do not need to do anything now.
      </Paragraph>
      <LinkParagraph href={props.bidUrl}>See the decision on your bid</LinkParagraph>
    </EmailLayout>
  );
}

export function renderOutcomeReserve(props: OutcomeReserveProps) {
  return renderEmail("outcome-reserve", `Your bid ${props.reference} is on the reserve list`, <OutcomeReserveEmail {...props} />);
}

export const outcomeReserveSample: OutcomeReserveProps = {
  recipientName: "Gwen Lowe",
  organisationName: "Durham Neighbourhood Watch Association",
  reference: "CSF-2526-R1-0001",
  bidTitle: "Street safe Stanley",
  roundName: "2025 to 2026, round 1",
  reserveUntil: "31 March 2026",
  bidUrl: "http://localhost:3000/applicant/bids/sample/outcome",
};
