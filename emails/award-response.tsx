import { formatDateTime } from "../app/lib/dates";
import { formatPounds } from "../app/lib/money";
import { EmailLayout, Inset, LinkParagraph, List, Paragraph } from "./layout";
import { bidInsetLines, type BidEmailProps } from "./bid-parts";
import { renderEmail } from "./render";

/** How an award was answered: accepted or declined by the organisation, or lapsed at its deadline. */
export type AwardResponseKind = "accepted" | "declined" | "lapsed";

export type AwardResponseProps = BidEmailProps & {
  response: AwardResponseKind;
  amountPence: number;
  /** The accept-by deadline (shown for a lapse). */
  acceptBy: Date | string | null;
  /** The organisation's reason, for a decline. */
  declineReason?: string;
  /** Titles and due dates of the monitoring reports, for an acceptance. */
  reports?: { title: string; dueAt: Date | string }[];
  awardUrl: string;
};

const SUBJECT: Record<AwardResponseKind, (reference: string) => string> = {
  accepted: (reference) => `You have accepted the award for bid ${reference}`,
  declined: (reference) => `You have declined the award for bid ${reference}`,
  lapsed: (reference) => `The award for bid ${reference} has lapsed`,
};

const HEADING: Record<AwardResponseKind, string> = {
  accepted: "You have accepted your award",
  declined: "You have declined your award",
  lapsed: "Your award has lapsed",
};

export function AwardResponseEmail(props: AwardResponseProps) {
  const amount = formatPounds(props.amountPence);
  return (
    <EmailLayout fundName={props.fundName} preview={SUBJECT[props.response](props.reference)} heading={HEADING[props.response]}>
      <Paragraph>Dear {props.recipientName},</Paragraph>
      {props.response === "accepted" ? (
        <Paragraph>
          Thank you. {props.organisationName} has accepted the award of {amount} and its conditions. We will send the grant agreement for you to sign, and pay
          the award into the bank account we hold for your organisation once the signed agreement is back with us.
        </Paragraph>
      ) : props.response === "declined" ? (
        <Paragraph>
          {props.organisationName} has declined the award of {amount}. The money goes back to the fund so that it can be offered to another project. You do not
          need to do anything else.
        </Paragraph>
      ) : (
        <Paragraph>
          {props.organisationName} did not accept the award of {amount}
          {props.acceptBy ? ` by ${formatDateTime(props.acceptBy)}` : ""}, so the offer has lapsed and the money goes back to the fund. If you think this is a
          mistake, contact the fund team straight away.
        </Paragraph>
      )}
      <Inset
        lines={[
          ...bidInsetLines(props),
          `Award: ${amount}`,
          ...(props.response === "declined" && props.declineReason ? [`Your reason: ${props.declineReason}`] : []),
        ]}
      />
      {props.response === "accepted" && props.reports && props.reports.length > 0 ? (
        <>
          <Paragraph>You will need to send us these monitoring reports:</Paragraph>
          <List items={props.reports.map((r) => `${r.title}, due ${formatDateTime(r.dueAt)}`)} />
        </>
      ) : null}
      <LinkParagraph href={props.awardUrl}>See your award</LinkParagraph>
    </EmailLayout>
  );
}

export function renderAwardResponse(props: AwardResponseProps) {
  return renderEmail("award-response", SUBJECT[props.response](props.reference), <AwardResponseEmail {...props} />);
}

export const awardResponseSample: AwardResponseProps = {
  recipientName: "Harry Ibbotson",
  organisationName: "Safe Streets CIC",
  reference: "CSF-2526-R1-0002",
  bidTitle: "Recovery mentors",
  roundName: "2025 to 2026, round 1",
  response: "accepted",
  amountPence: 1_850_000,
  acceptBy: "2026-04-30T22:59:59.999Z",
  reports: [
    { title: "Mid-point report", dueAt: "2026-10-01T00:00:00.000Z" },
    { title: "Final report", dueAt: "2027-04-30T00:00:00.000Z" },
  ],
  awardUrl: "http://localhost:3000/applicant/bids/example/award",
};
