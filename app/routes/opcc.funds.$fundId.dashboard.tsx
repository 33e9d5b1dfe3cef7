import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/components/page-title";
import { FundDashboard } from "~/components/reporting/round-dashboard";
import { fundDashboardPage } from "~/web/dashboard-page.server";
import { requireRole } from "~/web/guards.server";

// The OPCC's copy of the administrator's fund comparison (read-only).
export const meta = titleMeta<typeof loader>(({ data }) => `Rounds compared: ${data.fund.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["opcc_sign_off"]);
  return fundDashboardPage(params.fundId ?? "");
}

export default function OpccFundDashboard() {
  const data = useLoaderData<typeof loader>();
  return <FundDashboard data={data} home={{ path: "/opcc", label: "Back to allocations for sign-off" }} roundPath={(id) => `/opcc/rounds/${id}/dashboard`} />;
}
