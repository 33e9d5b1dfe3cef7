// The "Safeguarding and equality" section's one schema, read by the browser and parsed on the server.
import type { FormRules } from "../proportionate";
import { charsFor, checkText, sectionSchema, text, type SaveMode } from "./common";

export function safeguardingSchema(rules: FormRules, mode: SaveMode) {
  const required = mode === "complete";
  return sectionSchema({ safeguardingAnswer: text, equalityAnswer: text }, (raw, problems) => {
    const safeguardingAnswer = checkText(
      raw.safeguardingAnswer,
      {
        path: ["safeguardingAnswer"],
        name: "Safeguarding answer",
        missing: "Describe how you will keep children and adults at risk safe",
        required,
        maxWords: rules.safeguardingMaxWords,
        maxChars: charsFor(rules.safeguardingMaxWords),
      },
      problems,
    );
    const equalityAnswer = checkText(
      raw.equalityAnswer,
      {
        path: ["equalityAnswer"],
        name: "Equality answer",
        missing: "Describe how your project will reach and include everyone who could benefit",
        required: required && rules.equalityRequired,
        maxWords: rules.equalityMaxWords,
        maxChars: charsFor(rules.equalityMaxWords),
      },
      problems,
    );
    return { safeguardingAnswer, equalityAnswer };
  });
}
