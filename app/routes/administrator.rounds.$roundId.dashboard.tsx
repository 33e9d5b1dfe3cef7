import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/components/page-title";
import { RoundDashboard } from "~/components/reporting/round-dashboard";
import { roundDashboardPage } from "~/web/dashboard-page.server";
import { requireRole } from "~/web/guards.server";

export const meta = titleMeta<typeof loader>(({ data }) => `Round dashboard: ${data.round.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["fund_administrator"]);
  return roundDashboardPage(params.roundId ?? "");
}

export default function AdministratorRoundDashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <RoundDashboard
      data={data}
      home={{ path: "/administrator", label: "Back to fund administration" }}
      fundDashboardPath={`/administrator/funds/${data.round.fund.id}/dashboard`}
    />
  );
}
