import { formatDate } from "../app/lib/dates";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

// Names the bid by reference and round only: nothing about the applicant (even a title can name
// them), which the assessor sees only after declaring any conflict of interest.
export type AssessorAssignmentProps = {
  fundName?: string;
  assessorName: string;
  reference: string;
  roundName: string;
  /** When scores are due, if the round sets a date. */
  scoreBy?: Date | string | null;
  assessUrl: string;
};

export function AssessorAssignmentEmail(props: AssessorAssignmentProps) {
  return (
    <EmailLayout fundName={props.fundName} preview={`Bid ${props.reference} is ready for you to assess`} heading="You have a bid to assess">
      <Paragraph>Dear {props.assessorName},</Paragraph>
      <Paragraph>The fund administrator has asked you to assess this bid.</Paragraph>
      <Inset
        lines={[
          `Bid reference: ${props.reference}`,
          `Funding round: ${props.roundName}`,
          ...(props.scoreBy ? [`Scores due by: ${formatDate(props.scoreBy)}`] : []),
        ]}
      />
      <Paragraph>
        Before you read the bid, tell us if you have a conflict of interest, for example if you work with or are related to anyone at the organisation. You will
        not be asked to score a bid you are conflicted on.
      </Paragraph>
      <LinkParagraph href={props.assessUrl}>Declare any conflict and assess the bid</LinkParagraph>
    </EmailLayout>
  );
}

export function renderAssessorAssignment(props: AssessorAssignmentProps) {
  return renderEmail("assessor-assignment", `Bid to assess: ${props.reference}`, <AssessorAssignmentEmail {...props} />);
}

export const assessorAssignmentSample: AssessorAssignmentProps = {
  assessorName: "Ben Morris",
  reference: "CSF-2526-R1-0042",
  roundName: "2025 to 2026, round 1",
  scoreBy: new Date("2025-07-18T16:00:00Z"),
  assessUrl: "http://localhost:3000/assessor",
};
