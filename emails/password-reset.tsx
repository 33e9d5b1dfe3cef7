import { DEFAULT_FUND_NAME, EmailLayout, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type PasswordResetProps = {
  fundName?: string;
  recipientName: string;
  resetUrl: string;
  expiresInMinutes: number;
};

export function PasswordResetEmail(props: PasswordResetProps) {
  return (
    <EmailLayout fundName={props.fundName} preview="Use this link to choose a new password" heading="Reset your password">
      <Paragraph>Dear {props.recipientName},</Paragraph>
      <Paragraph>Someone asked to reset the password for your account. If it was you, use this link to choose a new one.</Paragraph>
      <LinkParagraph href={props.resetUrl}>Choose a new password</LinkParagraph>
      <Paragraph>The link works once and stops working after {props.expiresInMinutes} minutes.</Paragraph>
      <Paragraph>If you did not ask for this, you can ignore this email: your password has not changed.</Paragraph>
    </EmailLayout>
  );
}

export function renderPasswordReset(props: PasswordResetProps) {
  return renderEmail("password-reset", `Reset your ${props.fundName ?? DEFAULT_FUND_NAME} password`, <PasswordResetEmail {...props} />);
}

export const passwordResetSample: PasswordResetProps = {
  recipientName: "Asha Patel",
  resetUrl: "http://localhost:3000/reset-password/sample-token",
  expiresInMinutes: 60,
};
