import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("Accessibility statement");

export default function AccessibilityStatement() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">Accessibility statement</h1>
      <p className="govuk-body">
        This service is built with the GOV.UK Design System&apos;s patterns and is tested with automated accessibility checks on every page. Every page works
        without JavaScript.
      </p>
      <p className="govuk-body">If you find a problem or need information in a different format, contact the fund team.</p>
    </PageColumn>
  );
}
