import { formatDateTime } from "../app/lib/dates";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type DeadlineReminderProps = {
  fundName?: string;
  recipientName: string;
  roundName: string;
  closesAt: Date | string;
  /** The unsubmitted bid the reminder is about. */
  bidTitle: string;
  bidUrl: string;
};

export function DeadlineReminderEmail(props: DeadlineReminderProps) {
  const closes = formatDateTime(props.closesAt);
  return (
    <EmailLayout fundName={props.fundName} preview={`${props.roundName} closes on ${closes}`} heading="Your bid has not been submitted yet">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>This is a reminder that the funding round closes soon, and your bid has not been submitted.</Paragraph>
      <Inset lines={[`Bid: ${props.bidTitle}`, `Funding round: ${props.roundName}`, `Closes: ${closes}`]} />
      <Paragraph>We cannot accept bids after the round closes. Leave time to check your answers before you submit.</Paragraph>
      <LinkParagraph href={props.bidUrl}>Carry on with your bid</LinkParagraph>
    </EmailLayout>
  );
}

export function renderDeadlineReminder(props: DeadlineReminderProps) {
  return renderEmail("deadline-reminder", `Reminder: ${props.roundName} closes on ${formatDateTime(props.closesAt)}`, <DeadlineReminderEmail {...props} />);
}

export const deadlineReminderSample: DeadlineReminderProps = {
  recipientName: "Asha Patel",
  roundName: "2025 to 2026, round 1",
  closesAt: new Date("2025-07-04T11:00:00Z"),
  bidTitle: "Friday night detached youth work",
  bidUrl: "http://localhost:3000/applicant",
};
