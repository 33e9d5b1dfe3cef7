import { DEFAULT_FUND_NAME, EmailLayout, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type RegistrationAccountExistsProps = {
  fundName?: string;
  recipientName: string;
  signInUrl: string;
  forgotPasswordUrl: string;
};

// Sent instead of a registration link when the address already has an account, so the page that
// asked for the link says the same thing whoever asked (ADR 0021).
export function RegistrationAccountExistsEmail(props: RegistrationAccountExistsProps) {
  return (
    <EmailLayout fundName={props.fundName} preview="You already have an account" heading="You already have an account">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>Someone asked to create an account with this email address, but you already have one. No new account has been created.</Paragraph>
      <LinkParagraph href={props.signInUrl}>Sign in</LinkParagraph>
      <Paragraph>If you have forgotten your password, you can choose a new one.</Paragraph>
      <LinkParagraph href={props.forgotPasswordUrl}>Reset your password</LinkParagraph>
      <Paragraph>If you did not ask for this, you can ignore this email: your account has not changed.</Paragraph>
    </EmailLayout>
  );
}

export function renderRegistrationAccountExists(props: RegistrationAccountExistsProps) {
  return renderEmail(
    "registration-account-exists",
    `You already have a ${props.fundName ?? DEFAULT_FUND_NAME} account`,
    <RegistrationAccountExistsEmail {...props} />,
  );
}

export const registrationAccountExistsSample: RegistrationAccountExistsProps = {
  recipientName: "Asha Patel",
  signInUrl: "http://localhost:3000/sign-in",
  forgotPasswordUrl: "http://localhost:3000/forgot-password",
};
