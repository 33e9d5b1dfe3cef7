import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { FundPage } from "~/components/funds/fund-form";
import { titleMeta } from "~/components/page-title";
import { EMPTY_FUND, FUND_LISTS } from "~/domain/funds/fund.schema";
import { createFund } from "~/domain/funds/funds.server";
import { requirePermission } from "~/web/guards.server";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";

export const meta = titleMeta("Create a fund");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const result = await createFund(user.id, await readForm(request, FUND_LISTS));
  if (!result.ok) return refusalResponse(result.refusal, { values: result.values });
  return redirect(`/administrator/funds?created=${encodeURIComponent(result.fundId)}`);
}

export default function NewFund() {
  const actionData = useActionData<typeof action>();
  return <FundPage title="Create a fund" values={actionData?.values ?? EMPTY_FUND} serverErrors={actionData?.errors} submitLabel="Create fund" />;
}
