// Turns a template's React element into what the outbox stores: subject, HTML and plain text.
import { plainTextSelectors, render } from "@react-email/render";
import { compile } from "html-to-text";
import type { ReactElement } from "react";
import type { RenderedEmail } from "../app/domain/email/outbox.server";
import { singleLine } from "../app/domain/email/header-safety";

export type { RenderedEmail };

/**
 * React Email's plain-text conversion (its options and selectors), compiled once: `toPlainText`
 * compiles html-to-text's options for every email, which made the text part more than a third of
 * an email's rendering, thousands of times over in a release.
 */
const toText = compile({
  wordwrap: false,
  selectors: [
    ...plainTextSelectors,
    // html-to-text shouts headings by default; plain language reads better as written.
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
  ],
});

export async function renderEmail(template: string, subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  // Subjects carry what people typed (bid titles, names): never let them break a header.
  return { template, subject: singleLine(subject), html, text: toText(html).trim() + "\n" };
}
