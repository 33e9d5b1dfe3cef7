import { forwardRef, Fragment, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { fieldId } from "./error-summary";

type FieldChrome = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Show the label as the page heading (one-question pages). */
  labelIsPageHeading?: boolean;
};

function describedBy(id: string, hint: unknown, error: unknown, extra?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra].filter(Boolean).join(" ") || undefined;
}

function Label({ id, label, asHeading }: { id: string; label: ReactNode; asHeading?: boolean }) {
  if (asHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={id}>
          {label}
        </label>
      </h1>
    );
  }
  return (
    <label className="govuk-label" htmlFor={id}>
      {label}
    </label>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

type TextInputProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & { widthClass?: string; prefix?: string; suffix?: string };

export const TextInput = forwardRef<HTMLInputElement, TextInputProps>(function TextInput(
  { name, label, hint, error, labelIsPageHeading, widthClass, prefix, suffix, className, type = "text", ...input },
  ref,
) {
  const id = input.id ?? fieldId(name);
  const control = (
    <input
      {...input}
      ref={ref}
      id={id}
      name={name}
      type={type}
      className={["govuk-input", widthClass, error ? "govuk-input--error" : null, className].filter(Boolean).join(" ")}
      aria-describedby={describedBy(id, hint, error)}
    />
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label id={id} label={label} asHeading={labelIsPageHeading} />
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {control}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        control
      )}
    </div>
  );
});

/** An email address field: the browser's email keyboard and autofill, no spelling checks. */
export const EmailInput = forwardRef<HTMLInputElement, Omit<TextInputProps, "type">>(function EmailInput(props, ref) {
  return <TextInput type="email" autoComplete="email" spellCheck={false} {...props} ref={ref} />;
});

/** GOV.UK file upload, one file; `accept` lists the types the service takes. */
export function FileUpload({ name, label, hint, error, accept }: FieldChrome & { hint: ReactNode; accept: string }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label id={id} label={label} />
      <Hint id={`${id}-hint`}>{hint}</Hint>
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

type TextareaProps = FieldChrome &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> & {
    /** Word limit: shown to everyone, counted live by GOV.UK Frontend's character count with JavaScript. */
    maxWords?: number;
  };

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { name, label, hint, error, labelIsPageHeading, maxWords, rows = 5, ...textarea },
  ref,
) {
  const id = textarea.id ?? fieldId(name);
  const field = (
    <div
      className={`govuk-form-group${error ? " govuk-form-group--error" : ""}${maxWords ? " govuk-character-count" : ""}`}
      {...(maxWords ? { "data-module": "govuk-character-count", "data-maxwords": String(maxWords) } : {})}
    >
      <Label id={id} label={label} asHeading={labelIsPageHeading} />
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <textarea
        {...textarea}
        ref={ref}
        id={id}
        name={name}
        rows={rows}
        className={`govuk-textarea${maxWords ? " govuk-js-character-count" : ""}${error ? " govuk-textarea--error" : ""}`}
        aria-describedby={describedBy(id, hint, error, maxWords ? `${id}-info` : undefined)}
      />
      {maxWords ? (
        <div id={`${id}-info`} className="govuk-hint govuk-character-count__message">
          You can enter up to {maxWords} words
        </div>
      ) : null}
    </div>
  );
  return field;
});

type Choice = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Text of a GOV.UK divider shown before this option, usually "or". */
  dividerBefore?: string;
  /** A "None of these" checkbox: with JavaScript, ticking it clears the others (and the reverse). */
  exclusive?: boolean;
};

type ChoicesProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: Choice[];
  legendIsPageHeading?: boolean;
  inline?: boolean;
  /** Props for each input (react-hook-form's register result, or defaultChecked handling). */
  inputProps?: InputHTMLAttributes<HTMLInputElement> & { ref?: React.Ref<HTMLInputElement> };
  defaultValue?: string | string[];
};

function Choices({
  kind,
  name,
  legend,
  hint,
  error,
  choices,
  legendIsPageHeading,
  inline,
  inputProps,
  defaultValue,
}: ChoicesProps & { kind: "radios" | "checkboxes" }) {
  const id = fieldId(name);
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend${legendIsPageHeading ? " govuk-fieldset__legend--l" : " govuk-fieldset__legend--s"}`}>
          {legendIsPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ""}`} data-module={`govuk-${kind}`}>
          {choices.map((choice, index) => {
            // The first option carries the field's id so the error summary link lands on it.
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            const item = kind === "radios" ? "govuk-radios" : "govuk-checkboxes";
            return (
              <Fragment key={choice.value}>
                {choice.dividerBefore ? <div className={`${item}__divider`}>{choice.dividerBefore}</div> : null}
                <div className={`${item}__item`}>
                  <input
                    {...inputProps}
                    className={`${item}__input`}
                    id={optionId}
                    name={name}
                    type={kind === "radios" ? "radio" : "checkbox"}
                    value={choice.value}
                    defaultChecked={selected.has(choice.value)}
                    aria-describedby={choice.hint ? `${optionId}-item-hint` : undefined}
                    {...(choice.exclusive ? { "data-behaviour": "exclusive" } : {})}
                  />
                  <label className={`govuk-label ${item}__label`} htmlFor={optionId}>
                    {choice.label}
                  </label>
                  {choice.hint ? (
                    <div id={`${optionId}-item-hint`} className={`govuk-hint ${item}__hint`}>
                      {choice.hint}
                    </div>
                  ) : null}
                </div>
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios(props: ChoicesProps) {
  return <Choices kind="radios" {...props} />;
}

const YES_NO: Choice[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** A yes-or-no question: inline radios posting "yes" or "no", as GOV.UK lays out two short answers. */
export function YesNoRadios(props: Omit<ChoicesProps, "choices" | "inline">) {
  return <Choices kind="radios" {...props} inline choices={YES_NO} />;
}

export function Checkboxes(props: ChoicesProps) {
  return <Choices kind="checkboxes" {...props} />;
}

export function Button({
  children,
  secondary,
  warning,
  ...button
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { secondary?: boolean; warning?: boolean }) {
  const variant = secondary ? " govuk-button--secondary" : warning ? " govuk-button--warning" : "";
  return (
    <button type="submit" data-prevent-double-click="true" data-module="govuk-button" {...button} className={`govuk-button${variant}`}>
      {children}
    </button>
  );
}
