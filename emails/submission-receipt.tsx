import { formatDateTime } from "../app/lib/dates";
import { formatPounds } from "../app/lib/money";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { bidInsetLines, type BidEmailProps } from "./bid-parts";
import { renderEmail } from "./render";

export type SubmissionReceiptProps = BidEmailProps & {
  amountRequestedPence: number;
  submittedAt: Date | string;
  /** Where the applicant can read the bid as submitted. */
  bidUrl: string;
};

export function SubmissionReceiptEmail(props: SubmissionReceiptProps) {
  return (
    <EmailLayout fundName={props.fundName} preview={`Your bid reference is ${props.reference}`} heading="We have received your bid">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        Thank you. We received {props.organisationName}&apos;s bid on {formatDateTime(props.submittedAt)}.
      </Paragraph>
      <Inset lines={[...bidInsetLines(props), `Amount requested: ${formatPounds(props.amountRequestedPence)}`]} />
      <Paragraph>Keep the bid reference. Use it if you contact us about this bid.</Paragraph>
      <Paragraph>
        You cannot change a bid once it is submitted. The fund team will check it is eligible, and then assessors will score it. We will email you when a
        decision has been made.
      </Paragraph>
      <LinkParagraph href={props.bidUrl}>Read your bid as submitted</LinkParagraph>
    </EmailLayout>
  );
}

export function renderSubmissionReceipt(props: SubmissionReceiptProps) {
  return renderEmail("submission-receipt", `We have received your bid ${props.reference}: ${props.bidTitle}`, <SubmissionReceiptEmail {...props} />);
}

export const submissionReceiptSample: SubmissionReceiptProps = {
  recipientName: "Gwen Lowe",
  organisationName: "Durham Neighbourhood Watch Association",
  reference: "CSF-2526-R1-0042",
  bidTitle: "Street safe Stanley",
  roundName: "2025 to 2026, round 1",
  amountRequestedPence: 850_000,
  submittedAt: new Date("2025-06-02T14:30:00Z"),
  bidUrl: "http://localhost:3000/applicant",
};
