// The 'organisation-invitation' email, rendered as plain strings for now. The React Email
// templates in emails/ will replace this function; the call sites stay the same.
import { formatDateTime } from "~/lib/dates";

export type InvitationEmailInput = {
  organisationName: string;
  inviterName: string;
  acceptUrl: string;
  expiresAt: Date;
};

export type RenderedInvitationEmail = { template: "organisation-invitation"; subject: string; html: string; text: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export function renderInvitationEmail(input: InvitationEmailInput): RenderedInvitationEmail {
  const expires = formatDateTime(input.expiresAt);
  const subject = `${input.inviterName} has invited you to join ${input.organisationName} on the Community Safety Fund`;
  const text = [
    `${input.inviterName} has invited you to join ${input.organisationName} on the Community Safety Fund portal.`,
    "",
    "Members of an organisation can see and work on its bids.",
    "",
    `Accept the invitation: ${input.acceptUrl}`,
    "",
    `The link works until ${expires}. If you were not expecting this email, you can ignore it.`,
  ].join("\n");
  const html = [
    "<!DOCTYPE html>",
    '<html lang="en"><body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5;">',
    `<p>${escapeHtml(input.inviterName)} has invited you to join <strong>${escapeHtml(input.organisationName)}</strong> on the Community Safety Fund portal.</p>`,
    "<p>Members of an organisation can see and work on its bids.</p>",
    `<p><a href="${escapeHtml(input.acceptUrl)}">Accept the invitation</a></p>`,
    `<p>The link works until ${escapeHtml(expires)}. If you were not expecting this email, you can ignore it.</p>`,
    "</body></html>",
  ].join("\n");
  return { template: "organisation-invitation", subject, html, text };
}
