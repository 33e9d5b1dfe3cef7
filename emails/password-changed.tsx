import { DEFAULT_FUND_NAME, EmailLayout, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type PasswordChangedProps = {
  fundName?: string;
  recipientName: string;
  forgotPasswordUrl: string;
};

export function PasswordChangedEmail(props: PasswordChangedProps) {
  return (
    <EmailLayout fundName={props.fundName} preview="The password for your account was changed" heading="Your password was changed">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>The password for your account was changed. Anyone else signed in as you has been signed out.</Paragraph>
      <Paragraph>If you did not change it, reset your password now and tell the fund team.</Paragraph>
      <LinkParagraph href={props.forgotPasswordUrl}>Reset your password</LinkParagraph>
    </EmailLayout>
  );
}

export function renderPasswordChanged(props: PasswordChangedProps) {
  return renderEmail("password-changed", `Your ${props.fundName ?? DEFAULT_FUND_NAME} password was changed`, <PasswordChangedEmail {...props} />);
}

export const passwordChangedSample: PasswordChangedProps = {
  recipientName: "Asha Patel",
  forgotPasswordUrl: "http://localhost:3000/forgot-password",
};
