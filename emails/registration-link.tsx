import { DEFAULT_FUND_NAME, EmailLayout, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type RegistrationLinkProps = {
  fundName?: string;
  finishUrl: string;
  expiresInHours: number;
};

export function RegistrationLinkEmail(props: RegistrationLinkProps) {
  return (
    <EmailLayout fundName={props.fundName} preview="Use this link to finish creating your account" heading="Finish creating your account">
      <Paragraph>Someone asked to create an account with this email address. If it was you, use this link to choose your name and password.</Paragraph>
      <LinkParagraph href={props.finishUrl}>Finish creating your account</LinkParagraph>
      <Paragraph>The link stops working after {props.expiresInHours} hours.</Paragraph>
      <Paragraph>If you did not ask for this, you can ignore this email: no account has been created.</Paragraph>
    </EmailLayout>
  );
}

export function renderRegistrationLink(props: RegistrationLinkProps) {
  return renderEmail("registration-link", `Finish creating your ${props.fundName ?? DEFAULT_FUND_NAME} account`, <RegistrationLinkEmail {...props} />);
}

export const registrationLinkSample: RegistrationLinkProps = {
  finishUrl: "http://localhost:3000/register/sample-token",
  expiresInHours: 24,
};
