import { formatDate } from "../app/lib/dates";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { reportInsetLines, type ReportEmailProps } from "./bid-parts";
import { renderEmail } from "./render";

export type ReportReminderProps = ReportEmailProps & {
  dueAt: Date | string;
  /** Sent after the due date (the report is overdue) rather than before it. */
  overdue: boolean;
  reportUrl: string;
};

export function ReportReminderEmail(props: ReportReminderProps) {
  const due = formatDate(props.dueAt);
  return (
    <EmailLayout
      fundName={props.fundName}
      preview={props.overdue ? `${props.reportTitle} was due on ${due}` : `${props.reportTitle} is due on ${due}`}
      heading={props.overdue ? "Your monitoring report is overdue" : "Your monitoring report is due soon"}
    >
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        {props.overdue
          ? `${props.organisationName}'s monitoring report was due on ${due} and we have not received it yet. Please submit it as soon as you can.`
          : `This is a reminder that ${props.organisationName}'s monitoring report is due on ${due}.`}
      </Paragraph>
      <Inset lines={[...reportInsetLines(props), `Due: ${due}`]} />
      <Paragraph>
        The report asks what the project has achieved against its outcomes, what has been spent against its budget, and how it is going. You can save it as a
        draft and come back to it.
      </Paragraph>
      <Paragraph>If something is stopping you from reporting on time, reply through your usual contact at the fund team.</Paragraph>
      <LinkParagraph href={props.reportUrl}>Fill in the report</LinkParagraph>
    </EmailLayout>
  );
}

export function renderReportReminder(props: ReportReminderProps) {
  const due = formatDate(props.dueAt);
  const subject = props.overdue ? `Overdue: ${props.reportTitle} was due on ${due}` : `Reminder: ${props.reportTitle} is due on ${due}`;
  return renderEmail("report-reminder", subject, <ReportReminderEmail {...props} />);
}

export const reportReminderSample: ReportReminderProps = {
  recipientName: "Asha Patel",
  organisationName: "Darlington Youth Outreach",
  reportTitle: "Mid-point report",
  bidTitle: "Friday night detached youth work",
  bidReference: "CSF-2526-R1-0001",
  dueAt: new Date("2026-10-01T00:00:00Z"),
  overdue: false,
  reportUrl: "http://localhost:3000/applicant/bids/sample/reports/sample",
};
