import { formatDate } from "../app/lib/dates";
import { formatPounds } from "../app/lib/money";
import { bidInsetLines, type BidEmailProps } from "./bid-parts";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

/** Which bid it is about as every outcome email names it; the recipient is a fund administrator. */
export type AwardMoneyBackProps = BidEmailProps & {
  /** Declined by the organisation, or not answered by its accept-by date. */
  reason: "declined" | "lapsed";
  /** What the award held and the round's pot has back. */
  returnedToPotPence: number;
  acceptBy: Date | string | null;
  declineReason?: string | null;
  awardsUrl: string;
};

/** To each fund administrator: an award's money is back in the pot and can be offered again. */
export function AwardMoneyBackEmail(props: AwardMoneyBackProps) {
  const money = formatPounds(props.returnedToPotPence);
  const why =
    props.reason === "declined"
      ? `${props.organisationName} has declined its award.`
      : `${props.organisationName} did not accept its award by ${props.acceptBy ? formatDate(props.acceptBy) : "the deadline"}, so the offer has lapsed.`;
  return (
    <EmailLayout fundName={props.fundName} preview={`${money} is back in the pot of ${props.roundName}`} heading={`${money} is back in the pot`}>
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>{why}</Paragraph>
      <Inset
        lines={[
          ...bidInsetLines(props),
          `Back in the pot: ${money}`,
          ...(props.reason === "declined" && props.declineReason ? [`Their reason: ${props.declineReason}`] : []),
        ]}
      />
      <Paragraph>If the round has bids on its reserve list, you can offer the money to the next one from the awards page.</Paragraph>
      <LinkParagraph href={props.awardsUrl}>See the round&apos;s awards</LinkParagraph>
    </EmailLayout>
  );
}

export function renderAwardMoneyBack(props: AwardMoneyBackProps) {
  const what = props.reason === "declined" ? "Award declined" : "Award lapsed";
  return renderEmail(
    "award-money-back",
    `${what}: ${props.reference}, ${formatPounds(props.returnedToPotPence)} back in the pot`,
    <AwardMoneyBackEmail {...props} />,
  );
}

export const awardMoneyBackSample: AwardMoneyBackProps = {
  recipientName: "Dev Sharma",
  organisationName: "Safe Streets CIC",
  reference: "CSF-2526-R1-0002",
  bidTitle: "Recovery mentors",
  roundName: "2025-26 Round 1",
  reason: "declined",
  returnedToPotPence: 850_000,
  acceptBy: new Date("2026-07-01T23:59:59Z"),
  declineReason: "Our venue has closed.",
  awardsUrl: "http://localhost:3000/administrator/rounds/sample/awards",
};
