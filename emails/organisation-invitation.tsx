import { formatDateTime } from "../app/lib/dates";
import { DEFAULT_FUND_NAME, EmailLayout, LinkParagraph, Paragraph } from "./layout";
import { renderEmail } from "./render";

export type OrganisationInvitationProps = {
  fundName?: string;
  inviterName: string;
  organisationName: string;
  acceptUrl: string;
  expiresAt: Date | string;
};

export function OrganisationInvitationEmail(props: OrganisationInvitationProps) {
  return (
    <EmailLayout
      fundName={props.fundName}
      preview={`Join ${props.organisationName} on the ${props.fundName ?? DEFAULT_FUND_NAME} portal`}
      heading={`You have been invited to join ${props.organisationName}`}
    >
      <Paragraph>
        {props.inviterName} has invited you to join {props.organisationName} on the {props.fundName ?? DEFAULT_FUND_NAME} portal. Members can see and work on
        the organisation&apos;s bids.
      </Paragraph>
      <LinkParagraph href={props.acceptUrl}>Accept the invitation</LinkParagraph>
      <Paragraph>The link works once and stops working on {formatDateTime(props.expiresAt)}.</Paragraph>
      <Paragraph>If you were not expecting this invitation, you can ignore this email.</Paragraph>
    </EmailLayout>
  );
}

export function renderOrganisationInvitation(props: OrganisationInvitationProps) {
  return renderEmail(
    "organisation-invitation",
    `${props.inviterName} has invited you to join ${props.organisationName} on the ${props.fundName ?? DEFAULT_FUND_NAME}`,
    <OrganisationInvitationEmail {...props} />,
  );
}

export const organisationInvitationSample: OrganisationInvitationProps = {
  inviterName: "Asha Patel",
  organisationName: "Darlington Youth Outreach",
  acceptUrl: "http://localhost:3000/invitations/sample-token",
  expiresAt: new Date("2025-06-09T17:00:00Z"),
};
