import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** GOV.UK back link, at the top of a page, to where the person came from. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

/** A paragraph that is one link: the way on from a page ("Return to your bid"). */
export function ParagraphLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={to}>
        {children}
      </Link>
    </p>
  );
}
