import { useEffect } from "react";

type CharacterCountClass = new (root: Element) => unknown;

/**
 * Starts GOV.UK Frontend's character count on this page's word-limited answers, so the words
 * left are shown live as the applicant types. Without JavaScript (or if it fails) the limit is
 * still shown under the field, and the server always enforces it.
 */
export function useCharacterCounts() {
  useEffect(() => {
    let cancelled = false;
    // @ts-expect-error govuk-frontend ships no type declarations
    void import("govuk-frontend").then((frontend: { CharacterCount: CharacterCountClass }) => {
      if (cancelled) return;
      for (const root of document.querySelectorAll('[data-module="govuk-character-count"]:not([data-govuk-character-count-init])')) {
        try {
          new frontend.CharacterCount(root);
        } catch {
          // The static "You can enter up to N words" message stays.
        }
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);
}
