import { useEffect, useRef } from "react";
import { useReportErrorSummary } from "~/components/page-title";
import { FORM_ERROR, type FieldErrors } from "~/lib/form-errors";

/**
 * GOV.UK error summary: "There is a problem" with a link to each field in error. Fed by the
 * same field-errors map as the inline messages, and focused when it appears.
 */
export function ErrorSummary({ errors }: { errors: FieldErrors | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter(([, message]) => Boolean(message));
  const signature = entries.map(([k, v]) => `${k}:${v}`).join("|");
  // The page title says "Error: " while problems are listed (GOV.UK validation pattern).
  useReportErrorSummary(entries.length > 0);

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (entries.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                {/* A problem with the form as a whole has no field to link to. */}
                {field === FORM_ERROR ? message : <a href={`#${fieldId(field)}`}>{message}</a>}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The id of the input for a field name: `outcomes.0.target` → `outcomes-0-target`. */
export function fieldId(name: string) {
  return name.replace(/[^A-Za-z0-9_-]+/g, "-");
}
