// Turns a template's React element into what the outbox stores: subject, HTML and plain text.
import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";
import type { RenderedEmail } from "../app/domain/email/outbox.server";
import { singleLine } from "../app/domain/email/header-safety";

export type { RenderedEmail };

export async function renderEmail(template: string, subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  const text = toPlainText(html, {
    // html-to-text shouts headings by default; plain language reads better as written.
    selectors: [
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
    ],
  });
  // Subjects carry what people typed (bid titles, names): never let them break a header.
  return { template, subject: singleLine(subject), html, text: text.trim() + "\n" };
}
