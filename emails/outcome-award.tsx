import { formatPounds } from "../app/lib/money";
import { DEFAULT_FUND_NAME, EmailLayout, Inset, LinkParagraph, List, Paragraph } from "./layout";
import { bidInsetLines, type BidEmailProps } from "./bid-parts";
import { renderEmail } from "./render";

export type OutcomeAwardProps = BidEmailProps & {
  amountPence: number;
  amountRequestedPence: number;
  /** Conditions of the award, one per item; empty when there are none. */
  conditions: string[];
  nextSteps: string[];
  /** The bid's outcome page (decisionLinks.outcome). */
  bidUrl: string;
  /** Where the applicant accepts or declines the award (decisionLinks.respondToAward). */
  respondUrl?: string;
  /** The last day to accept, as people read it ("14 March 2026"); the award lapses after it. */
  acceptBy?: string;
  /** The award's split between the PCC's money and match funding (Award.pccFundedPence, matchFundedPence). */
  pccFundedPence?: number;
  matchFundedPence?: number;
};

export function OutcomeAwardEmail(props: OutcomeAwardProps) {
  const partAward = props.amountPence < props.amountRequestedPence;
  return (
    <EmailLayout
      fundName={props.fundName}
      preview={`${props.organisationName} has been awarded ${formatPounds(props.amountPence)}`}
      heading="Your bid has been awarded funding"
    >
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        We are pleased to tell you that {props.organisationName} has been awarded {formatPounds(props.amountPence)} from the{" "}
        {props.fundName ?? DEFAULT_FUND_NAME}.
      </Paragraph>
      <Inset
        lines={[
          ...bidInsetLines(props),
          `Amount awarded: ${formatPounds(props.amountPence)}`,
          ...(partAward ? [`Amount requested: ${formatPounds(props.amountRequestedPence)}`] : []),
          ...(props.pccFundedPence === undefined
            ? []
            : [
                `Funded by the Police and Crime Commissioner: ${formatPounds(props.pccFundedPence)}`,
                `Match funding from the fund administrator: ${formatPounds(props.matchFundedPence ?? 0)}`,
              ]),
          ...(props.acceptBy ? [`Accept by: ${props.acceptBy}`] : []),
        ]}
      />
      {partAward ? (
        <Paragraph>This is less than you asked for. Check that you can still deliver the project, and tell us if you need to change what it will do.</Paragraph>
      ) : null}
      {props.conditions.length > 0 ? (
        <>
          <Paragraph>The award has these conditions:</Paragraph>
          <List items={props.conditions} />
        </>
      ) : (
        <Paragraph>The award has no conditions beyond the fund&apos;s standard terms.</Paragraph>
      )}
      {props.acceptBy ? (
        <Paragraph>
          Accept or decline the award by {props.acceptBy}. If we do not hear from you by the end of that day, the award lapses and the money is offered to other
          projects.
        </Paragraph>
      ) : null}
      {props.respondUrl ? <LinkParagraph href={props.respondUrl}>Respond to your award</LinkParagraph> : null}
      <Paragraph>What happens next:</Paragraph>
      <List items={props.nextSteps} numbered />
      <LinkParagraph href={props.bidUrl}>See the decision on your bid</LinkParagraph>
    </EmailLayout>
  );
}

export function renderOutcomeAward(props: OutcomeAwardProps) {
  return renderEmail("outcome-award", `Your bid ${props.reference} has been awarded funding`, <OutcomeAwardEmail {...props} />);
}

export const outcomeAwardSample: OutcomeAwardProps = {
  recipientName: "Harry Ibbotson",
  organisationName: "Safe Streets CIC",
  reference: "CSF-2526-R1-0002",
  bidTitle: "Recovery mentors",
  roundName: "2025 to 2026, round 1",
  amountPence: 1_850_000,
  amountRequestedPence: 2_200_000,
  conditions: ["Report the number of mentees and their outcomes every quarter.", "Acknowledge the Police and Crime Commissioner's funding in your publicity."],
  nextSteps: [
    "Accept the award online by 14 March 2026, confirming that you will meet its conditions.",
    "We will send the grant agreement for you to sign.",
    "We pay the award once the signed agreement is back with us.",
    "Once you accept, your monitoring reports and their due dates are listed on the decision page.",
  ],
  bidUrl: "http://localhost:3000/applicant/bids/sample/outcome",
  respondUrl: "http://localhost:3000/applicant/bids/sample/award",
  acceptBy: "14 March 2026",
  pccFundedPence: 1_480_000,
  matchFundedPence: 370_000,
};
