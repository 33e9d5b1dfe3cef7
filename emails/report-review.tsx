import { EmailLayout, Inset, LinkParagraph, Paragraph, Paragraphs } from "./layout";
import { reportInsetLines, type ReportEmailProps } from "./bid-parts";
import { renderEmail } from "./render";

export type ReportReviewProps = ReportEmailProps & {
  decision: "accept" | "changes";
  /** The fund administrator's comment, shown as written. */
  comment: string;
  reportUrl: string;
};

export function ReportReviewEmail(props: ReportReviewProps) {
  const accepted = props.decision === "accept";
  return (
    <EmailLayout
      fundName={props.fundName}
      preview={accepted ? `${props.reportTitle} has been accepted` : `Changes are needed to ${props.reportTitle}`}
      heading={accepted ? "Your monitoring report has been accepted" : "Your monitoring report needs changes"}
    >
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        {accepted
          ? `The fund team has read and accepted ${props.organisationName}'s monitoring report. Thank you.`
          : `The fund team has read ${props.organisationName}'s monitoring report and has asked for changes before it can be accepted.`}
      </Paragraph>
      <Inset lines={reportInsetLines(props)} />
      <Paragraph>Comment from the fund team:</Paragraph>
      <Paragraphs text={props.comment.trim()} />
      {accepted ? null : <Paragraph>Make the changes and submit the report again.</Paragraph>}
      <LinkParagraph href={props.reportUrl}>{accepted ? "See the report" : "Change the report"}</LinkParagraph>
    </EmailLayout>
  );
}

export function renderReportReview(props: ReportReviewProps) {
  const subject = props.decision === "accept" ? `${props.reportTitle} accepted: ${props.bidTitle}` : `Changes needed: ${props.reportTitle}, ${props.bidTitle}`;
  return renderEmail("report-review", subject.slice(0, 110), <ReportReviewEmail {...props} />);
}

export const reportReviewSample: ReportReviewProps = {
  recipientName: "Asha Patel",
  organisationName: "Darlington Youth Outreach",
  reportTitle: "Mid-point report",
  bidTitle: "Friday night detached youth work",
  bidReference: "CSF-2526-R1-0001",
  decision: "changes",
  comment: "Please add the number of sessions held so far, and attach the attendance summary.",
  reportUrl: "http://localhost:3000/applicant/bids/sample/reports/sample",
};
