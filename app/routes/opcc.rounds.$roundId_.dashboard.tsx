import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/components/page-title";
import { RoundDashboard } from "~/components/reporting/round-dashboard";
import { roundDashboardPage } from "~/web/dashboard-page.server";
import { requireRole } from "~/web/guards.server";

// The OPCC's copy of the administrator's round dashboard (same figures, read-only); a page of
// its own because each role's pages live under its own path (route-access.ts).
export const meta = titleMeta<typeof loader>(({ data }) => `Round dashboard: ${data.round.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ["opcc_sign_off"]);
  return roundDashboardPage(params.roundId ?? "");
}

export default function OpccRoundDashboard() {
  const data = useLoaderData<typeof loader>();
  return (
    <RoundDashboard
      data={data}
      home={{ path: "/opcc", label: "Back to allocations for sign-off" }}
      fundDashboardPath={`/opcc/funds/${data.round.fund.id}/dashboard`}
    />
  );
}
