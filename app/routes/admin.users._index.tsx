// Every account, for the admin: search by email or name, filter by role and by disabled, a page at a time.
import { Pagination } from "~/components/govuk/pagination";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/govuk/fields";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { listUsers } from "~/domain/auth/account-lifecycle.server";
import { isRole, roleLabel, ROLES } from "~/domain/auth/roles";
import { requireRole } from "~/web/guards.server";
import { BackLink, ParagraphLink } from "~/components/govuk/links";
import { SelectField } from "~/components/lists/list-filters";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => (data.page > 1 ? `Accounts (page ${data.page} of ${data.pageCount})` : "Accounts"));

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const search = new URL(request.url).searchParams;
  const q = (search.get("q") ?? "").slice(0, 100);
  const roleParam = search.get("role");
  const role = isRole(roleParam) ? roleParam : undefined;
  const statusParam = search.get("status");
  const status = statusParam === "enabled" || statusParam === "disabled" ? statusParam : undefined;
  const page = Number(search.get("page") ?? "1") || 1;
  const list = await listUsers({ search: q, role, status, page });
  return {
    ...list,
    users: list.users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: isRole(u.role) ? roleLabel(u.role) : u.role,
      disabled: Boolean(u.disabledAt),
    })),
    filters: { q, role: role ?? "", status: status ?? "" },
  };
}

const ACCOUNT_STATUSES = [
  { value: "enabled", text: "Enabled" },
  { value: "disabled", text: "Disabled" },
];

export default function Accounts() {
  const { users, total, page, pageCount, filters } = useLoaderData<typeof loader>();
  const pageHref = (n: number) =>
    `?${new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), ...(filters.role ? { role: filters.role } : {}), ...(filters.status ? { status: filters.status } : {}), page: String(n) })}`;
  return (
    <PageColumn width="full">
      <BackLink to="/admin">Back to admin</BackLink>
      <h1 className="govuk-heading-l">Accounts</h1>
      <ParagraphLink to="/admin/staff/new">Add a staff account</ParagraphLink>
      <Form method="get" className="app-filter">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            Email address or name
          </label>
          <input className="govuk-input govuk-!-width-one-half" id="q" name="q" type="search" spellCheck={false} defaultValue={filters.q} />
        </div>
        <SelectField
          name="role"
          id="role"
          label="Role"
          value={filters.role}
          anyLabel="All roles"
          options={ROLES.map((r) => ({ value: r, text: roleLabel(r) }))}
        />
        <SelectField name="status" id="status" label="Status" value={filters.status} anyLabel="Enabled and disabled" options={ACCOUNT_STATUSES} />
        <Button secondary>Search</Button>
      </Form>
      {users.length === 0 ? (
        <p className="govuk-body">No accounts match.</p>
      ) : (
        <Table
          caption={`${total} ${total === 1 ? "account" : "accounts"}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}`}
          captionSize="s"
          head={["Name", "Email address", "Role", "Status"]}
        >
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableRowHeader>
                <Link className="govuk-link" to={`/admin/users/${u.id}`}>
                  {u.name}
                </Link>
              </TableRowHeader>
              <TableCell>{u.email}</TableCell>
              <TableCell>{u.role}</TableCell>
              <TableCell>{u.disabled ? <strong className="govuk-tag govuk-tag--grey">Disabled</strong> : "Enabled"}</TableCell>
            </TableRow>
          ))}
        </Table>
      )}
      <Pagination page={page} pageCount={pageCount} href={pageHref} label="Pages of accounts" />
    </PageColumn>
  );
}
