import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * GOV.UK start button: the one way into a service or journey. `reloadDocument` loads the page
 * afresh rather than in the browser's router (a plain link).
 */
export function StartButton({ to, reloadDocument = false, children }: { to: string; reloadDocument?: boolean; children: ReactNode }) {
  const content = (
    <>
      {children}
      <svg
        className="govuk-button__start-icon"
        xmlns="http://www.w3.org/2000/svg"
        width="17.5"
        height="19"
        viewBox="0 0 33 40"
        aria-hidden="true"
        focusable="false"
      >
        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
      </svg>
    </>
  );
  const attributes = { role: "button", draggable: "false", className: "govuk-button govuk-button--start", "data-module": "govuk-button" } as const;
  return reloadDocument ? (
    <a href={to} {...attributes}>
      {content}
    </a>
  ) : (
    <Link to={to} {...attributes}>
      {content}
    </Link>
  );
}
