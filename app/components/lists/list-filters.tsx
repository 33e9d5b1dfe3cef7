// The filter and search form above a staff list (ADR 0023): a GET form, so it works without
// JavaScript and its choices end up in the address, which the pagination links keep.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The form; `clearHref` is the list without any filter. */
export function ListFilters({ legend = "Filter the list", clearHref, children }: { legend?: string; clearHref: string; children: ReactNode }) {
  return (
    <Form method="get" className="app-list-filters">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {children}
      </fieldset>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" to={clearHref}>
          Clear filters
        </Link>
      </div>
    </Form>
  );
}

export function SearchField({ name = "q", label, hint, value }: { name?: string; label: string; hint?: string; value: string }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      {hint ? (
        <div id={`filter-${name}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <input
        className="govuk-input govuk-!-width-one-half"
        id={`filter-${name}`}
        name={name}
        type="search"
        spellCheck={false}
        defaultValue={value}
        aria-describedby={hint ? `filter-${name}-hint` : undefined}
      />
    </div>
  );
}

export function SelectField({
  name,
  id = `filter-${name}`,
  label,
  value,
  anyLabel,
  options,
}: {
  name: string;
  id?: string;
  label: string;
  value: string;
  /** The first option, meaning no filter; none when every choice is a filter. */
  anyLabel?: string;
  options: readonly { value: string; text: string }[];
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select" id={id} name={name} defaultValue={value}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
