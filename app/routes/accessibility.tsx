import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Accessibility statement");

export default function AccessibilityStatement() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement</h1>
        <p className="govuk-body">
          This service is built with the GOV.UK Design System&apos;s patterns and is tested with automated accessibility checks on every page. Every page works
          without JavaScript.
        </p>
        <p className="govuk-body">If you find a problem or need information in a different format, contact the fund team.</p>
      </div>
    </div>
  );
}
