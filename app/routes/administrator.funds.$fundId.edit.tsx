import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FundPage } from "~/components/funds/fund-form";
import { titleMeta } from "~/components/page-title";
import { FUND_LISTS } from "~/domain/funds/fund.schema";
import { loadFund, updateFund } from "~/domain/funds/funds.server";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";

export const meta = titleMeta("Change a fund");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadFund(params.fundId ?? ""), "Fund not found");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const result = await updateFund(user.id, params.fundId ?? "", await readForm(request, FUND_LISTS));
  if (!result.ok) return refusalResponse(result.refusal, { values: result.values });
  return redirect(`/administrator/funds?saved=${encodeURIComponent(result.fundId)}`);
}

export default function EditFund() {
  const { fund, values, codeLockedBy } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <FundPage
      title="Change the fund"
      caption={fund.name}
      values={actionData?.values ?? values}
      serverErrors={actionData?.errors}
      submitLabel="Save fund"
      codeLockedBy={codeLockedBy}
    />
  );
}
