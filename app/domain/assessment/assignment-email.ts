// The email an assessor gets for each new assignment. It names the bid by reference and the
// round only: nothing about the applicant, which the assessor sees after declaring any conflict.
import type { RenderedEmail } from "~/domain/email/outbox.server";

export type AssignmentEmail = { assessorName: string; reference: string; roundName: string; assessUrl: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderAssignmentEmail(email: AssignmentEmail): RenderedEmail & { template: "assessor-assignment" } {
  const subject = `Bid to assess: ${email.reference}`;
  const text = [
    `Dear ${email.assessorName},`,
    "",
    `The fund administrator has asked you to assess bid ${email.reference} in ${email.roundName}.`,
    "",
    "Before you read the bid, tell us if you have a conflict of interest, for example if you work with or are related to anyone at the organisation.",
    "Declare any conflict and assess the bid here:",
    email.assessUrl,
    "",
    "Community Safety Fund team",
  ].join("\n");
  const html = [
    `<p>Dear ${escapeHtml(email.assessorName)},</p>`,
    `<p>The fund administrator has asked you to assess bid ${escapeHtml(email.reference)} in ${escapeHtml(email.roundName)}.</p>`,
    "<p>Before you read the bid, tell us if you have a conflict of interest, for example if you work with or are related to anyone at the organisation.</p>",
    `<p><a href="${escapeHtml(email.assessUrl)}">Declare any conflict and assess the bid</a></p>`,
    "<p>Community Safety Fund team</p>",
  ].join("\n");
  return { template: "assessor-assignment", subject, html, text };
}
