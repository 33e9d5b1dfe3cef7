import type { ReactNode } from "react";
import { PageColumn } from "~/components/govuk/page-column";

/** What a page says for a link from an email that does not work (the same for every kind of link). */
export const UNKNOWN_LINK = { title: "This link does not work", body: "The link may be incomplete. Check you copied all of it from the email." };

/** The page for a link that cannot be used: what happened, and (`children`) what to do instead. */
export function LinkProblem({ title, body, children }: { title: string; body: string; children: ReactNode }) {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{body}</p>
      <p className="govuk-body">{children}</p>
    </PageColumn>
  );
}
