import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import type { FieldErrors } from "~/lib/form-errors";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

/**
 * The frame of a round set-up page (details, criteria, descriptors, rules): way back,
 * error summary, the success banner after a save, and the round's name above the heading.
 */
export function RoundSetupPage({
  title,
  roundName,
  errors,
  banner,
  children,
}: {
  title: string;
  roundName: string;
  errors: FieldErrors;
  banner?: ReactNode;
  children: ReactNode;
}) {
  return (
    <PageColumn>
      <BackLink to="/administrator">Back to fund administration</BackLink>
      <ErrorSummary errors={errors} />
      {banner ? <NotificationBanner success>{banner}</NotificationBanner> : null}
      <span className="govuk-caption-l">{roundName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
    </PageColumn>
  );
}
