import type { SuggestionView } from "~/domain/allocation/workspace";

/** What a loaded suggestion did, shown until the proposal is saved. */
export function SuggestionNotice({ suggestion }: { suggestion: SuggestionView }) {
  return (
    <div className="govuk-inset-text" data-testid="suggestion">
      <h2 className="govuk-heading-s">{`${suggestion.title} loaded`}</h2>
      {suggestion.summary.map((line) => (
        <p className="govuk-body" key={line}>
          {line}
        </p>
      ))}
      <p className="govuk-body">The suggestion is not saved until you select “Save proposal”. You can change any award first.</p>
    </div>
  );
}
