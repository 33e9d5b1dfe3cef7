// The answer to a request whose body is over the limit: the Node server (server/body-limit.mjs)
// turns such a request into a GET of this page, reads no more of its body, and says so in the
// load context (ADR 0016); then it answers 413. Visited directly it is a plain page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { titleMeta } from "~/components/page-title";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta("The information you sent was too large");

export function loader({ context }: LoaderFunctionArgs) {
  const refused = (context as { bodyTooLarge?: unknown } | undefined)?.bodyTooLarge === true;
  return data(null, { status: refused ? 413 : 200, headers: { "Cache-Control": "no-store" } });
}

export default function RequestTooLarge() {
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">The information you sent was too large</h1>
      <p className="govuk-body">Nothing has been saved. Go back, shorten what you entered and try again.</p>
      <p className="govuk-body">
        To upload a document, use the upload on the page for it.{" "}
        <Link className="govuk-link" to="/">
          Go to the start page
        </Link>
        .
      </p>
    </PageColumn>
  );
}
