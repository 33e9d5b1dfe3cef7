import { EmailLayout, Paragraph } from "./layout";
import { FundTeamText, OutcomeBidInset, OutcomePageLink, type OutcomeEmailProps } from "./outcome-parts";
import { renderEmail } from "./render";

export type OutcomeDeclineProps = OutcomeEmailProps & {
  /** Only what the fund administrator chose to share; never scores. Absent when none was written. */
  feedback?: string | null;
};

export function OutcomeDeclineEmail(props: OutcomeDeclineProps) {
  return (
    <EmailLayout fundName={props.fundName} preview={`The decision on bid ${props.reference}`} heading="Your bid has not been funded">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        We are sorry to tell you that {props.organisationName}&apos;s bid has not been funded in this round. Every bid is scored against the round&apos;s
        criteria, and there was only enough money for the highest-scoring ones.
      </Paragraph>
      <OutcomeBidInset {...props} />
      <FundTeamText label="Feedback from the fund team:" text={props.feedback} />
      <Paragraph>You can bid again in a future round. We publish new rounds on the portal.</Paragraph>
      <OutcomePageLink href={props.bidUrl} />
    </EmailLayout>
  );
}

export function renderOutcomeDecline(props: OutcomeDeclineProps) {
  return renderEmail("outcome-decline", `The decision on your bid ${props.reference}`, <OutcomeDeclineEmail {...props} />);
}

export const outcomeDeclineSample: OutcomeDeclineProps = {
  recipientName: "Asha Patel",
  organisationName: "Darlington Youth Outreach",
  reference: "CSF-2526-R1-0007",
  bidTitle: "Friday night detached youth work",
  roundName: "2025 to 2026, round 1",
  feedback:
    "The project is well described, but the outcomes were hard to measure. Say how many young people you expect to reach and how you will know their behaviour has changed.",
  bidUrl: "http://localhost:3000/applicant/bids/sample/outcome",
};
