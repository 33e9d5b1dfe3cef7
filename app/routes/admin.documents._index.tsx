// Malware scanning of uploaded documents (ADR 0022), for the admin: whether it is on and the
// scanner answers, how many files still wait for a check, and the quarantined files, a page at a time.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/govuk/pagination";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { listQuarantine, scanningSummary } from "~/domain/documents/scanning.server";
import { formatDateTime } from "~/lib/dates";
import { requireRole } from "~/web/guards.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) =>
  data.quarantine.page > 1 ? `Document scanning (page ${data.quarantine.page} of ${data.quarantine.pageCount})` : "Document scanning",
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1") || 1;
  const [scanning, quarantine] = await Promise.all([scanningSummary(), listQuarantine(page)]);
  return { scanning, quarantine };
}

export default function DocumentScanning() {
  const { scanning, quarantine } = useLoaderData<typeof loader>();
  return (
    <PageColumn width="full">
      <BackLink to="/admin">Back to admin</BackLink>
      <h1 className="govuk-heading-l">Document scanning</h1>
      <SummaryList>
        <SummaryRow label="Virus scanning">
          {scanning.on
            ? `On (${scanning.kind}). ${
                scanning.reachable
                  ? "The scanner is answering."
                  : "The scanner is not answering: new uploads wait for their check, and staff cannot download them until it is done."
              }`
            : "Off. Uploaded documents are not scanned for viruses and are marked “not scanned”. Set CLAMD_SOCKET or CLAMD_HOST to turn scanning on."}
        </SummaryRow>
        <SummaryRow label="Waiting for a virus check">
          {scanning.waiting === 0
            ? "None"
            : `${scanning.waiting} ${scanning.waiting === 1 ? "file" : "files"}, checked again when someone tries to download them`}
        </SummaryRow>
      </SummaryList>
      <h2 className="govuk-heading-m">Quarantined files</h2>
      <p className="govuk-body">Files the virus check found a problem with. Nobody can download them; the applicant was asked to upload a different file.</p>
      {quarantine.documents.length === 0 ? (
        <p className="govuk-body">No files are quarantined.</p>
      ) : (
        <Table
          caption={`${quarantine.total} quarantined ${quarantine.total === 1 ? "file" : "files"}${quarantine.pageCount > 1 ? `, page ${quarantine.page} of ${quarantine.pageCount}` : ""}`}
          captionSize="s"
          head={["File", "Uploaded to", "What was found", "Found"]}
        >
          {quarantine.documents.map((d) => (
            <TableRow key={d.id}>
              <TableRowHeader>{d.originalName}</TableRowHeader>
              <TableCell>
                {`${d.where === "bid" ? "Bid" : "Monitoring report of bid"} ${d.bidReference ?? "(draft)"}${d.bidTitle ? `: ${d.bidTitle}` : ""}`}
              </TableCell>
              <TableCell>{d.signature ?? "Not named"}</TableCell>
              <TableCell>{d.scannedAt ? formatDateTime(d.scannedAt) : "Not recorded"}</TableCell>
            </TableRow>
          ))}
        </Table>
      )}
      <Pagination page={quarantine.page} pageCount={quarantine.pageCount} href={(n) => `?page=${n}`} label="Pages of quarantined files" />
    </PageColumn>
  );
}
