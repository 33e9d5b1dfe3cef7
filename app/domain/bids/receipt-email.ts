// The submission receipt, as plain HTML and text for now. The React Email templates in emails/
// will replace this function; its input and output stay the same.
import type { RenderedEmail } from "~/domain/email/outbox.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";

export type SubmissionReceipt = {
  recipientName: string;
  reference: string;
  bidTitle: string;
  organisationName: string;
  fundName: string;
  roundName: string;
  amountRequestedPence: number;
  submittedAt: Date;
  bidUrl: string;
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderSubmissionReceipt(receipt: SubmissionReceipt): RenderedEmail & { template: "submission-receipt" } {
  const subject = `Bid received: ${receipt.reference}`;
  const facts: [string, string][] = [
    ["Reference", receipt.reference],
    ["Bid", receipt.bidTitle],
    ["Organisation", receipt.organisationName],
    ["Round", `${receipt.fundName}: ${receipt.roundName}`],
    ["Amount requested", formatPounds(receipt.amountRequestedPence)],
    ["Submitted", formatDateTime(receipt.submittedAt)],
  ];
  const text = [
    `Dear ${receipt.recipientName},`,
    "",
    `We have received your bid to the ${receipt.fundName}.`,
    "",
    ...facts.map(([k, v]) => `${k}: ${v}`),
    "",
    "Keep the reference: use it if you contact the fund team about this bid.",
    "The bid cannot be changed now. You can read it, or withdraw it before a decision, here:",
    receipt.bidUrl,
    "",
    "Community Safety Fund team",
  ].join("\n");
  const html = [
    `<p>Dear ${escapeHtml(receipt.recipientName)},</p>`,
    `<p>We have received your bid to the ${escapeHtml(receipt.fundName)}.</p>`,
    `<table>${facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join("")}</table>`,
    "<p>Keep the reference: use it if you contact the fund team about this bid.</p>",
    `<p>The bid cannot be changed now. You can <a href="${escapeHtml(receipt.bidUrl)}">read it, or withdraw it before a decision</a>.</p>`,
    "<p>Community Safety Fund team</p>",
  ].join("\n");
  return { template: "submission-receipt", subject, html, text };
}
