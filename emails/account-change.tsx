import { DEFAULT_FUND_NAME, EmailLayout, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type AccountChangeProps = {
  fundName?: string;
  recipientName: string;
  change: { kind: "disabled" } | { kind: "enabled" } | { kind: "role"; from: string; to: string } | { kind: "second_factor_reset" };
};

const HEADINGS = {
  disabled: "Your account has been disabled",
  enabled: "Your account has been enabled again",
  role: "Your role has changed",
  second_factor_reset: "Your second factor has been reset",
} as const;

export function AccountChangeEmail({ fundName, recipientName, change }: AccountChangeProps) {
  return (
    <EmailLayout fundName={fundName} preview={HEADINGS[change.kind]} heading={HEADINGS[change.kind]}>
      <Paragraph>Dear {recipientName},</Paragraph>
      {change.kind === "disabled" ? (
        <Paragraph>An administrator has disabled your account. You have been signed out and cannot sign in until it is enabled again.</Paragraph>
      ) : change.kind === "second_factor_reset" ? (
        <Paragraph>
          An administrator has reset the authenticator app on your account and you have been signed out. When you next sign in you will be asked to set up an
          authenticator app again, and given new recovery codes.
        </Paragraph>
      ) : change.kind === "enabled" ? (
        <Paragraph>An administrator has enabled your account again. You can sign in with your email address and password.</Paragraph>
      ) : (
        <Paragraph>
          An administrator has changed your role from {change.from} to {change.to}. What you can see and do in the portal has changed with it.
        </Paragraph>
      )}
      <Paragraph>If you think this is a mistake, contact the fund team.</Paragraph>
    </EmailLayout>
  );
}

export function renderAccountChange(props: AccountChangeProps) {
  return renderEmail("account-change", `${HEADINGS[props.change.kind]}: ${props.fundName ?? DEFAULT_FUND_NAME}`, <AccountChangeEmail {...props} />);
}

export const accountChangeSample: AccountChangeProps = {
  recipientName: "Asha Patel",
  change: { kind: "role", from: "Assessor", to: "Fund administrator" },
};
