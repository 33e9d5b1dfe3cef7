import type { LoaderFunctionArgs } from "@remix-run/node";
import { DocumentTitle } from "~/components/document-title";
import { Link, useLoaderData } from "@remix-run/react";
import { listStaff } from "~/domain/auth/accounts.server";
import { requireRole } from "~/web/guards.server";
import { isRole, roleLabel } from "~/domain/auth/roles";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const staff = await listStaff();
  return { staff: staff.map((s) => ({ ...s, role: isRole(s.role) ? roleLabel(s.role) : s.role, disabled: Boolean(s.disabledAt) })) };
}

export default function AdminHome() {
  const { staff } = useLoaderData<typeof loader>();
  return (
    <>
      <DocumentTitle title="Staff accounts" />
      <h1 className="govuk-heading-l">Staff accounts</h1>
      <Link to="/admin/staff/new" className="govuk-button" data-module="govuk-button">
        Add a staff account
      </Link>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Staff accounts</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Email</th>
            <th scope="col" className="govuk-table__header">Role</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {staff.map((s) => (
            <tr className="govuk-table__row" key={s.id}>
              <td className="govuk-table__cell">{s.name}{s.disabled ? " (disabled)" : ""}</td>
              <td className="govuk-table__cell">{s.email}</td>
              <td className="govuk-table__cell">{s.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Email</h2>
      <ul className="govuk-list">
        <li><Link className="govuk-link" to="/admin/outbox">Email outbox</Link>: what is waiting, sent or failed</li>
        <li><Link className="govuk-link" to="/admin/mailbox">Demo mailbox</Link>: emails delivered here when no mail server is set</li>
        <li><Link className="govuk-link" to="/admin/emails">Email templates</Link>: every email with sample details</li>
      </ul>
    </>
  );
}
