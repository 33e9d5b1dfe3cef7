import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RoundSetupPage } from "~/components/rounds/round-setup-page";
import { RoundDetailsForm } from "~/components/rounds/round-details-form";
import { requirePermission } from "~/web/guards.server";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { loadRoundDetails, updateRoundDetails } from "~/domain/rounds/round-details.server";
import { roundDetailsInput } from "~/domain/rounds/round-details.schema";
import { formatDateTime } from "~/lib/dates";
import { formatPounds, parsePounds } from "~/lib/money";
import { titleMeta } from "~/components/page-title";

export const meta = titleMeta("Round details");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  const details = await loadRoundDetails(params.roundId ?? "", new Date());
  if (!details) throw new Response("Round not found", { status: 404 });
  return details;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const values = await readForm(request);
  const result = await updateRoundDetails(user.id, roundId, roundDetailsInput(values), new Date());
  if (!result.ok) return refusalResponse(result.refusal, { values: result.values });
  return redirect(`/administrator/rounds/${roundId}/details?saved=1`);
}

function pounds(raw: string) {
  const parsed = parsePounds(raw);
  return parsed.ok ? formatPounds(parsed.pence) : raw;
}

export default function RoundDetailsPage() {
  const { round, locked, codeLock, values: loaded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? loaded;
  const banner = actionData ? null : search.get("created") ? "The round has been created." : search.get("saved") ? "The round details have been saved." : null;
  return (
    <RoundSetupPage
      title="Round details"
      roundName={round.name}
      errors={errors}
      banner={banner ? <p className="govuk-notification-banner__heading">{banner}</p> : null}
    >
      <RoundDetailsForm
        errors={errors}
        values={values}
        locked={locked}
        codeLockedReason={
          codeLock === null
            ? null
            : codeLock.reason === "referenced"
              ? `Bids in this round already have references made from this code, like ${codeLock.reference}, so it cannot be changed.`
              : `The round opened on ${formatDateTime(round.opensAt)}. Every bid submitted gets a reference made from this code, so it cannot be changed now.`
        }
        submitLabel="Save round details"
        lockedReason={`The round opened on ${formatDateTime(round.opensAt)}. The opening date, pot, award limits, small-bid threshold, eligible areas and priorities cannot be changed now: that would change the rules for bids already submitted.`}
        lockedSummary={[
          ["Opened", formatDateTime(round.opensAt)],
          ["Base allocation", pounds(loaded.baseAllocation)],
          ["Rolled forward", pounds(loaded.rolledForward)],
          ["Match funding", pounds(loaded.matchFunding)],
          ["Minimum award", pounds(loaded.minAward)],
          ["Maximum award", pounds(loaded.maxAward)],
          ["Small-bid threshold", pounds(loaded.smallBidThreshold)],
          ["Eligible areas", loaded.areas.split("\n").join(", ")],
          ["PCC priorities", loaded.priorities.split("\n").join(", ")],
        ]}
      />
    </RoundSetupPage>
  );
}
