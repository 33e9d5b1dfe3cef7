import type { ReactNode } from "react";
import { fieldId } from "~/components/govuk/error-summary";
import { ErrorMessage, Hint } from "~/components/govuk/fields";
import type { FieldErrors } from "~/lib/form-errors";

type Part = "day" | "month" | "year" | "time";
const DATE_PARTS: { part: Part; label: string; width: string }[] = [
  { part: "day", label: "Day", width: "govuk-input--width-2" },
  { part: "month", label: "Month", width: "govuk-input--width-2" },
  { part: "year", label: "Year", width: "govuk-input--width-4" },
];
const TIME_PART = { part: "time", label: "Time", width: "govuk-input--width-4" } as const;

type RegisterFn = (name: string) => Record<string, unknown>;

/**
 * GOV.UK date input, with a time field (24-hour clock) after the year when `withTime` is set.
 * Errors are keyed by part (`projectStart.day`, `.month`, `.year`, `.time`) so the error summary
 * links to the first field to fix; a message about the whole date sits on the day and marks the
 * day, month and year.
 */
export function DateInput({
  name,
  legend,
  hint,
  errors,
  values,
  register,
  withTime = false,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors: FieldErrors;
  values: Partial<Record<Part, string>> | undefined;
  register?: RegisterFn;
  withTime?: boolean;
}) {
  const id = fieldId(name);
  const parts = withTime ? [...DATE_PARTS, TIME_PART] : DATE_PARTS;
  const partErrors = Object.fromEntries(parts.map(({ part }) => [part, errors[`${name}.${part}`]])) as Partial<Record<Part, string>>;
  const message = partErrors.day ?? partErrors.month ?? partErrors.year ?? partErrors.time;
  const wholeDate = Boolean(partErrors.day) && !/\bday\b/i.test(partErrors.day!);
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${message ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {message ? <ErrorMessage id={`${id}-error`}>{message}</ErrorMessage> : null}
        <div className="govuk-date-input" id={id}>
          {parts.map(({ part, label, width }) => {
            const fieldName = `${name}.${part}`;
            const inError = (wholeDate && part !== "time") || Boolean(partErrors[part]);
            return (
              <div className="govuk-date-input__item" key={part}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={fieldId(fieldName)}>
                    {label}
                  </label>
                  <input
                    {...(register ? register(fieldName) : { name: fieldName })}
                    className={`govuk-input govuk-date-input__input ${width}${inError ? " govuk-input--error" : ""}`}
                    id={fieldId(fieldName)}
                    type="text"
                    inputMode={part === "time" ? "text" : "numeric"}
                    defaultValue={values?.[part] ?? ""}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
