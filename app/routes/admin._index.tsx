import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listStaff } from "~/domain/auth/accounts.server";
import { requireRole } from "~/web/guards.server";
import { isRole, roleLabel } from "~/domain/auth/roles";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { documentScanner } from "~/domain/documents/scanning.server";

export const meta = titleMeta("Staff accounts");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const staff = await listStaff();
  return {
    scanningOn: documentScanner() !== null,
    staff: staff.map((s) => ({ ...s, role: isRole(s.role) ? roleLabel(s.role) : s.role, disabled: Boolean(s.disabledAt) })),
  };
}

export default function AdminHome() {
  const { staff, scanningOn } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Staff accounts</h1>
      <Link to="/admin/staff/new" className="govuk-button" data-module="govuk-button">
        Add a staff account
      </Link>
      <Table label="Staff accounts" head={["Name", "Email", "Role"]}>
        {staff.map((s) => (
          <TableRow key={s.id}>
            <TableCell>
              <Link className="govuk-link" to={`/admin/users/${s.id}`}>
                {s.name}
              </Link>
              {s.disabled ? " (disabled)" : ""}
            </TableCell>
            <TableCell>{s.email}</TableCell>
            <TableCell>{s.role}</TableCell>
          </TableRow>
        ))}
      </Table>
      <p className="govuk-body">
        <Link className="govuk-link" to="/admin/users">
          All accounts
        </Link>
        : find any account, applicants included, to disable or re-enable it or change its role
      </p>
      <h2 className="govuk-heading-m">Email</h2>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/admin/outbox">
            Email outbox
          </Link>
          : what is waiting, sent or failed
        </li>
        <li>
          <Link className="govuk-link" to="/admin/mailbox">
            Demo mailbox
          </Link>
          : emails delivered here when no mail server is set
        </li>
        <li>
          <Link className="govuk-link" to="/admin/emails">
            Email templates
          </Link>
          : every email with sample details
        </li>
      </ul>
      <h2 className="govuk-heading-m">Documents</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/admin/documents">
          Document scanning
        </Link>
        {`: virus scanning is ${scanningOn ? "on" : "off"}; quarantined files`}
      </p>
      <h2 className="govuk-heading-m">Audit</h2>
      <p className="govuk-body">
        <Link className="govuk-link" to="/administrator/audit">
          Audit log
        </Link>
        : who did what, and every refused attempt
      </p>
    </>
  );
}
