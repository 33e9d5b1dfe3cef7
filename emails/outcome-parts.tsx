// What the outcome emails (reserve, not funded, not eligible) say the same way: which bid the
// decision is about, text the fund team wrote for it, and the link to the bid's outcome page.
import { bidInsetLines, type BidEmailProps } from "./bid-parts";
import { Inset, LinkParagraph, Paragraph, Paragraphs } from "./layout";

export type OutcomeEmailProps = BidEmailProps & {
  /** The bid's outcome page (decisionLinks.outcome). */
  bidUrl: string;
};

export function OutcomeBidInset(bid: Pick<OutcomeEmailProps, "reference" | "bidTitle" | "roundName">) {
  return <Inset lines={bidInsetLines(bid)} />;
}

/** Text the fund team wrote for this bid, under its label; nothing when none was written. */
export function FundTeamText({ label, text }: { label: string; text?: string | null }) {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  return (
    <>
      <Paragraph>{label}</Paragraph>
      <Paragraphs text={trimmed} />
    </>
  );
}

export function OutcomePageLink({ href }: { href: string }) {
  return <LinkParagraph href={href}>See the decision on your bid</LinkParagraph>;
}
