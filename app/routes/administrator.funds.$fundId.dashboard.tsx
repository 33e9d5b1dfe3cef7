import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/components/page-title";
import { FundDashboard } from "~/components/reporting/round-dashboard";
import { fundDashboardPage } from "~/web/dashboard-page.server";
import { requireRole } from "~/web/guards.server";

export const meta = titleMeta<typeof loader>(({ data }) => `Rounds compared: ${data.fund.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["fund_administrator"]);
  return fundDashboardPage(params.fundId ?? "");
}

export default function AdministratorFundDashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <FundDashboard
      data={data}
      home={{ path: "/administrator", label: "Back to fund administration" }}
      roundPath={(id) => `/administrator/rounds/${id}/dashboard`}
    />
  );
}
