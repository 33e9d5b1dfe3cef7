// The emails of stage one of a two-stage round (ADR 0026): the receipt for an expression of
// interest, the invitation to a full bid, and the early, kind answer to those not invited.
import { formatDateTime } from "../app/lib/dates";
import { formatPounds } from "../app/lib/money";
import { EmailLayout, Inset, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

type EoiEmailBase = {
  fundName?: string;
  recipientName: string;
  organisationName: string;
  title: string;
  roundName: string;
  amountRequestedPence: number;
};

export type EoiReceiptProps = EoiEmailBase & { submittedAt: Date | string; eoiClosesAt: Date | string; eoiUrl: string };

export function EoiReceiptEmail(props: EoiReceiptProps) {
  return (
    <EmailLayout fundName={props.fundName} preview="We have your expression of interest" heading="Expression of interest received">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>{`Thank you: we have ${props.organisationName}'s expression of interest.`}</Paragraph>
      <Inset
        lines={[
          `Title: ${props.title}`,
          `Funding round: ${props.roundName}`,
          `Roughly how much: ${formatPounds(props.amountRequestedPence)}`,
          `Submitted: ${formatDateTime(props.submittedAt)}`,
        ]}
      />
      <Paragraph>{`Expressions of interest close on ${formatDateTime(props.eoiClosesAt)}. Soon after, we will tell you whether we invite a full bid.`}</Paragraph>
      <LinkParagraph href={props.eoiUrl}>See your expression of interest</LinkParagraph>
    </EmailLayout>
  );
}

export function renderEoiReceipt(props: EoiReceiptProps) {
  return renderEmail("eoi-receipt", `Expression of interest received: ${props.title}`, <EoiReceiptEmail {...props} />);
}

export const eoiReceiptSample: EoiReceiptProps = {
  recipientName: "Harry Ibbotson",
  organisationName: "Safe Streets CIC",
  title: "Night-time economy street pastors",
  roundName: "2026 to 2027, round 1",
  amountRequestedPence: 2_500_000,
  submittedAt: "2026-05-04T10:15:00Z",
  eoiClosesAt: "2026-05-29T12:00:00Z",
  eoiUrl: "http://localhost:3000/applicant/expressions-of-interest/example",
};

export type EoiInvitationProps = EoiEmailBase & { fullBidClosesAt: Date | string; feedback: string | null; bidUrl: string };

export function EoiInvitationEmail(props: EoiInvitationProps) {
  return (
    <EmailLayout fundName={props.fundName} preview="You are invited to make a full bid" heading="You are invited to make a full bid">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>{`Thank you for ${props.organisationName}'s expression of interest. We would like you to make a full bid.`}</Paragraph>
      <Inset lines={[`Title: ${props.title}`, `Funding round: ${props.roundName}`, `Roughly how much: ${formatPounds(props.amountRequestedPence)}`]} />
      {props.feedback ? <Paragraph>{`What we thought: ${props.feedback}`}</Paragraph> : null}
      <Paragraph>
        {`Your answers are already in the full form: check them and complete the rest. Your full bid must be submitted by ${formatDateTime(props.fullBidClosesAt)}.`}
      </Paragraph>
      <Paragraph>Being invited does not mean your bid will be funded: every full bid is assessed.</Paragraph>
      <LinkParagraph href={props.bidUrl}>Continue to your full bid</LinkParagraph>
    </EmailLayout>
  );
}

export function renderEoiInvitation(props: EoiInvitationProps) {
  return renderEmail("eoi-invitation", `Invitation to make a full bid: ${props.title}`, <EoiInvitationEmail {...props} />);
}

export const eoiInvitationSample: EoiInvitationProps = {
  ...eoiReceiptSample,
  fullBidClosesAt: "2026-07-31T12:00:00Z",
  feedback: "A clear need in the night-time economy, and good links with the licensing team.",
  bidUrl: "http://localhost:3000/applicant/bids/example",
};

export type EoiNotInvitedProps = EoiEmailBase & { feedback: string; eoiUrl: string };

export function EoiNotInvitedEmail(props: EoiNotInvitedProps) {
  return (
    <EmailLayout fundName={props.fundName} preview="The outcome of your expression of interest" heading="Your expression of interest">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>
        {`Thank you for ${props.organisationName}'s expression of interest. We have far more interest than money in this round, and we are sorry that we are not inviting a full bid for this project.`}
      </Paragraph>
      <Inset lines={[`Title: ${props.title}`, `Funding round: ${props.roundName}`, `Roughly how much: ${formatPounds(props.amountRequestedPence)}`]} />
      <Paragraph>{`Our feedback: ${props.feedback}`}</Paragraph>
      <Paragraph>
        We are telling you now so that you do not spend time on a full bid. You are welcome to apply to future rounds, and the fund team is happy to talk it
        through.
      </Paragraph>
      <LinkParagraph href={props.eoiUrl}>See your expression of interest</LinkParagraph>
    </EmailLayout>
  );
}

export function renderEoiNotInvited(props: EoiNotInvitedProps) {
  return renderEmail("eoi-not-invited", `Your expression of interest: ${props.title}`, <EoiNotInvitedEmail {...props} />);
}

export const eoiNotInvitedSample: EoiNotInvitedProps = {
  ...eoiReceiptSample,
  feedback: "The project fits the priorities, but others showed more direct reach into the areas with the highest need.",
};
