import { EmailLayout, Paragraph } from "./layout";
import { OutcomeBidInset, OutcomePageLink, type OutcomeEmailProps } from "./outcome-parts";
import { renderEmail } from "./render";

export type OutcomeReserveProps = OutcomeEmailProps & {
  /** Until when the reserve list stands, if the round says. */
  reserveUntil?: string | null;
};

export function OutcomeReserveEmail(props: OutcomeReserveProps) {
  return (
    <EmailLayout fundName={props.fundName} preview={`Bid ${props.reference} is on the reserve list`} heading="Your bid is on the reserve list">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        {props.organisationName}&apos;s bid met the quality standard, but there was not enough money in this round to fund it now. We have put it on the reserve
        list.
      </Paragraph>
      <OutcomeBidInset {...props} />
      <Paragraph>
        If money becomes available{props.reserveUntil ? ` before ${props.reserveUntil}` : ""}, for example because another project does not go ahead, we will
        offer it to bids on the reserve list in score order. We will email you if your bid is offered funding. You do not need to do anything now.
      </Paragraph>
      <OutcomePageLink href={props.bidUrl} />
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
