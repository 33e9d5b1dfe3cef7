import { EmailLayout, Paragraph } from "./layout";
import { FundTeamText, OutcomeBidInset, OutcomePageLink, type OutcomeEmailProps } from "./outcome-parts";
import { renderEmail } from "./render";

export type OutcomeIneligibleProps = OutcomeEmailProps & {
  /** The fund's stock reason chosen at screening (Bid.screeningReason). */
  reason: string;
  /** What the fund administrator added at screening (Bid.screeningNote), if anything. */
  note?: string | null;
};

export function OutcomeIneligibleEmail(props: OutcomeIneligibleProps) {
  return (
    <EmailLayout fundName={props.fundName} preview={`The decision on bid ${props.reference}`} heading="Your bid is not eligible for this round">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        We are sorry to tell you that {props.organisationName}&apos;s bid did not meet the round&apos;s eligibility rules, so it was not assessed or scored.
      </Paragraph>
      <OutcomeBidInset {...props} />
      <Paragraph>Why the bid is not eligible: {props.reason}</Paragraph>
      <FundTeamText label="A note from the fund team:" text={props.note} />
      <Paragraph>You can bid again in a future round if your project meets its rules. We publish new rounds on the portal.</Paragraph>
      <OutcomePageLink href={props.bidUrl} />
    </EmailLayout>
  );
}

export function renderOutcomeIneligible(props: OutcomeIneligibleProps) {
  return renderEmail("outcome-ineligible", `The decision on your bid ${props.reference}`, <OutcomeIneligibleEmail {...props} />);
}

export const outcomeIneligibleSample: OutcomeIneligibleProps = {
  recipientName: "Tom Hardy",
  organisationName: "Consett Men's Shed",
  reference: "CSF-2526-R1-0009",
  bidTitle: "Shed open days",
  roundName: "2025 to 2026, round 1",
  reason: "The project is outside the eligible areas",
  note: "The open days would run in Gateshead, which is outside the force area. A project in County Durham or Darlington could bid in a later round.",
  bidUrl: "http://localhost:3000/applicant/bids/sample/outcome",
};
