// Where a download of a withheld document lands (ADR 0022): a file our virus check quarantined
// (nobody may download it), or one whose check has not finished (only its uploader may, until then).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/components/page-title";
import { requireUser } from "~/web/guards.server";
import { ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

const PAGES = {
  quarantined: {
    title: "This file cannot be downloaded",
    body: "Our virus check found a problem with this file, so it has been quarantined. Nobody can download it. If you uploaded it, upload a different file.",
  },
  not_scanned_yet: {
    title: "This file is not ready to download",
    body: "This file has not yet been checked for viruses. It can be downloaded once the check has finished. Try again later.",
  },
} as const;

export const meta = titleMeta<typeof loader>(({ data }) => PAGES[data.reason].title);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const reason = new URL(request.url).searchParams.get("reason") === "quarantined" ? "quarantined" : "not_scanned_yet";
  return data({ reason } as { reason: keyof typeof PAGES }, { headers: { "Cache-Control": "no-store" } });
}

export default function DocumentUnavailable() {
  const { reason } = useLoaderData<typeof loader>();
  const page = PAGES[reason];
  return (
    <PageColumn>
      <h1 className="govuk-heading-l">{page.title}</h1>
      <p className="govuk-body">{page.body}</p>
      <ParagraphLink to="/">Go to your home page</ParagraphLink>
    </PageColumn>
  );
}
