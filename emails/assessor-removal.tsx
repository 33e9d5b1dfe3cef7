import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

// Like the assignment email, names the bid by reference and round only: nothing about the applicant.
export type AssessorRemovalProps = {
  fundName?: string;
  assessorName: string;
  reference: string;
  roundName: string;
  /** The assessor had started a draft assessment, which is kept. */
  draftKept: boolean;
  /** Their list of bids to assess. */
  queueUrl: string;
};

export function AssessorRemovalEmail(props: AssessorRemovalProps) {
  return (
    <EmailLayout fundName={props.fundName} preview={`You no longer need to assess bid ${props.reference}`} heading="You no longer need to assess a bid">
      <Paragraph>Dear {props.assessorName},</Paragraph>
      <Paragraph>
        The fund administrator has taken you off this bid. You do not need to assess it, and it is no longer in your list of bids to assess.
      </Paragraph>
      <Inset lines={[`Bid reference: ${props.reference}`, `Funding round: ${props.roundName}`]} />
      {props.draftKept ? (
        <Paragraph>
          The draft assessment you started has been kept. If you are asked to assess this bid again, you can carry on from where you left off.
        </Paragraph>
      ) : null}
      <Paragraph>If you think this is a mistake, contact the fund administrator.</Paragraph>
      <LinkParagraph href={props.queueUrl}>See your bids to assess</LinkParagraph>
    </EmailLayout>
  );
}

export function renderAssessorRemoval(props: AssessorRemovalProps) {
  return renderEmail("assessor-removal", `Bid no longer to assess: ${props.reference}`, <AssessorRemovalEmail {...props} />);
}

export const assessorRemovalSample: AssessorRemovalProps = {
  assessorName: "Ben Morris",
  reference: "CSF-2526-R1-0042",
  roundName: "2025 to 2026, round 1",
  draftKept: true,
  queueUrl: "http://localhost:3000/assessor",
};
