import { formatDateTime } from "../app/lib/dates";
import { formatPounds } from "../app/lib/money";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { bidInsetLines, type BidEmailProps } from "./bid-parts";
import { renderEmail } from "./render";

export type AcceptanceReminderProps = BidEmailProps & {
  amountPence: number;
  acceptBy: Date | string | null;
  awardUrl: string;
};

export function AcceptanceReminderEmail(props: AcceptanceReminderProps) {
  const amount = formatPounds(props.amountPence);
  return (
    <EmailLayout fundName={props.fundName} preview={`Accept or decline your award of ${amount}`} heading="Please accept or decline your award">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        {props.organisationName} has been offered an award of {amount}, and we have not yet had your answer.
        {props.acceptBy
          ? ` Please accept or decline it by ${formatDateTime(props.acceptBy)}. After that the offer lapses and the money goes to another project.`
          : ""}
      </Paragraph>
      <Inset lines={[...bidInsetLines(props), `Award: ${amount}`]} />
      <LinkParagraph href={props.awardUrl}>Accept or decline your award</LinkParagraph>
    </EmailLayout>
  );
}

export function renderAcceptanceReminder(props: AcceptanceReminderProps) {
  return renderEmail("acceptance-reminder", `Reminder: accept or decline the award for bid ${props.reference}`, <AcceptanceReminderEmail {...props} />);
}

export const acceptanceReminderSample: AcceptanceReminderProps = {
  recipientName: "Harry Ibbotson",
  organisationName: "Safe Streets CIC",
  reference: "CSF-2526-R1-0002",
  bidTitle: "Recovery mentors",
  roundName: "2025 to 2026, round 1",
  amountPence: 1_850_000,
  acceptBy: "2026-04-30T22:59:59.999Z",
  awardUrl: "http://localhost:3000/applicant/bids/example/award",
};
