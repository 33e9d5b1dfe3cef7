import { formatDate } from "../app/lib/dates";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { reportInsetLines, type ReportEmailProps } from "./bid-parts";
import { renderEmail } from "./render";

export type ReportSubmittedProps = ReportEmailProps & {
  dueAt: Date | string;
  /** Submitted again after the fund team asked for changes. */
  resubmitted: boolean;
  reviewUrl: string;
};

export function ReportSubmittedEmail(props: ReportSubmittedProps) {
  return (
    <EmailLayout
      fundName={props.fundName}
      preview={`${props.organisationName} has submitted ${props.reportTitle}`}
      heading={props.resubmitted ? "A changed monitoring report is ready to review" : "A monitoring report is ready to review"}
    >
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        {props.resubmitted
          ? `${props.organisationName} has changed its monitoring report as you asked and submitted it again.`
          : `${props.organisationName} has submitted a monitoring report.`}
      </Paragraph>
      <Inset lines={[...reportInsetLines(props), `Due: ${formatDate(props.dueAt)}`]} />
      <Paragraph>Read it, then accept it or ask for changes. The organisation is emailed your comment either way.</Paragraph>
      <LinkParagraph href={props.reviewUrl}>Review the report</LinkParagraph>
    </EmailLayout>
  );
}

export function renderReportSubmitted(props: ReportSubmittedProps) {
  return renderEmail(
    "report-submitted",
    `Report to review: ${props.reportTitle}, ${props.organisationName}`.slice(0, 110),
    <ReportSubmittedEmail {...props} />,
  );
}

export const reportSubmittedSample: ReportSubmittedProps = {
  recipientName: "Dev Sharma",
  organisationName: "Darlington Youth Outreach",
  reportTitle: "Mid-point report",
  bidTitle: "Friday night detached youth work",
  bidReference: "CSF-2526-R1-0001",
  dueAt: new Date("2026-10-01T00:00:00Z"),
  resubmitted: false,
  reviewUrl: "http://localhost:3000/administrator/rounds/sample/reports/sample",
};
