import { Fragment } from "react";

/**
 * An email's plain-text version as page text: a paragraph per blank-line-separated block, line
 * breaks kept, long links broken to fit a narrow screen. (The page's CSP allows no inline
 * styles, so no `white-space: pre` here.) A link to its HTML version comes first.
 */
export function EmailText({ text, htmlHref }: { text: string; htmlHref: string }) {
  const blocks = text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean);
  return (
    <>
      <p className="govuk-body">
        <a className="govuk-link" href={htmlHref}>
          See the HTML version
        </a>
      </p>
      <div className="govuk-inset-text govuk-!-text-break-word">
        {blocks.map((block, index) => (
          <p className="govuk-body" key={index}>
            {block.split("\n").map((line, lineIndex) => (
              <Fragment key={lineIndex}>
                {lineIndex > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        ))}
      </div>
    </>
  );
}
