import { formatPounds } from "../app/lib/money";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { bidInsetLines, type BidEmailProps } from "./bid-parts";
import { renderEmail } from "./render";

export type AwardReturnProps = BidEmailProps & {
  kind: "returned" | "clawed_back";
  returnedPence: number;
  reason: string;
  amountPence: number;
  /** Everything returned on this award so far, this amount included. */
  totalReturnedPence: number;
  outcomeUrl: string;
};

export function AwardReturnEmail(props: AwardReturnProps) {
  const returned = formatPounds(props.returnedPence);
  return (
    <EmailLayout
      fundName={props.fundName}
      preview={props.kind === "returned" ? `We have recorded ${returned} returned` : `We have recorded ${returned} clawed back`}
      heading={props.kind === "returned" ? "Unspent money returned" : "Money clawed back"}
    >
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        {props.kind === "returned"
          ? `We have recorded that ${props.organisationName} returned ${returned} of its award unspent. Thank you for letting us know.`
          : `We have recorded that ${returned} of ${props.organisationName}'s award has been clawed back by the fund.`}
      </Paragraph>
      <Inset
        lines={[
          ...bidInsetLines(props),
          `Award: ${formatPounds(props.amountPence)}`,
          `Returned so far: ${formatPounds(props.totalReturnedPence)}`,
          `Reason: ${props.reason}`,
        ]}
      />
      <Paragraph>If anything here is wrong, contact the fund team.</Paragraph>
      <LinkParagraph href={props.outcomeUrl}>See your award</LinkParagraph>
    </EmailLayout>
  );
}

export function renderAwardReturn(props: AwardReturnProps) {
  const what = props.kind === "returned" ? "Money returned" : "Money clawed back";
  return renderEmail("award-return", `${what} on the award for bid ${props.reference}`, <AwardReturnEmail {...props} />);
}

export const awardReturnSample: AwardReturnProps = {
  recipientName: "Harry Ibbotson",
  organisationName: "Safe Streets CIC",
  reference: "CSF-2526-R1-0002",
  bidTitle: "Recovery mentors",
  roundName: "2025 to 2026, round 1",
  kind: "returned",
  returnedPence: 120_000,
  reason: "The summer sessions cost less than planned.",
  amountPence: 1_850_000,
  totalReturnedPence: 120_000,
  outcomeUrl: "http://localhost:3000/applicant/bids/example/outcome",
};
