import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ApproveForm } from "~/components/allocation/approve-form";
import { ReleaseForm } from "~/components/allocation/release-form";
import { ReleasedAwards } from "~/components/allocation/released-awards";
import { ReserveList } from "~/components/allocation/reserve-list";
import { SignOffStatus } from "~/components/allocation/sign-off-status";
import type { AllocationActionData } from "~/components/allocation/types";
import { Workspace } from "~/components/allocation/workspace";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { titleMeta } from "~/components/page-title";
import { approveAllocation, releaseOutcomes } from "~/domain/allocation/decisions.server";
import { postedReleaseChoices, releaseFormPage, saveReleaseChoices } from "~/domain/allocation/release-choices.server";
import { offerAward, returnAward } from "~/domain/allocation/reserve.server";
import {
  ALLOCATION_AWARDS,
  ALLOCATION_BANDS,
  isEditable,
  offerAmountField,
  offerConditionsField,
  priorityMinimumField,
  ringFenceField,
  type AllocationFilters,
  type ProposalValues,
  type SuggestionView,
} from "~/domain/allocation/workspace";
import {
  allocationPage,
  currentValues,
  loadAllocation,
  loadAllocationBids,
  loadAllocationPage,
  optimalSuggestion,
  rankOrderSuggestion,
  proposalValues,
  saveProposal,
  type Allocation,
} from "~/domain/allocation/workspace.server";
import type { Permission } from "~/domain/auth/roles";
import { requirePermission } from "~/web/guards.server";
import { textAt, textValue, type FormObject } from "~/lib/form-values";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { choice, requestedPage, searchText } from "~/domain/lists/list-page";
import { AllocationFiltersForm, AllocationPagination } from "~/components/allocation/allocation-filters";

async function allocationOr404(roundId: string | undefined) {
  const allocation = roundId ? await loadAllocation(roundId) : null;
  if (!allocation) throw new Response("Page not found", { status: 404 });
  return allocation;
}

export const meta = titleMeta<typeof loader>(({ data }) => `Allocation: ${data.round.name}`);

/** The filters and page in the address: the GET form's, which the page's POST form keeps too. */
function shownPart(url: URL) {
  const search = url.searchParams;
  const filters: AllocationFilters = {
    q: searchText(search.get("q")),
    band: choice(search.get("band"), ALLOCATION_BANDS),
    award: choice(search.get("award"), ALLOCATION_AWARDS),
    area: searchText(search.get("area")),
    priority: searchText(search.get("priority")),
  };
  return { filters, page: requestedPage(search.get("page")) };
}

/** A suggestion covers the whole round; its lines are shown beside the bids on the page. */
function suggestionOnPage(suggestion: SuggestionView, values: ProposalValues): SuggestionView {
  return { ...suggestion, values: {}, lines: suggestion.lines.filter((l) => Object.hasOwn(values, l.bidId)) };
}

/** The form's values for the bids on the page, the off-page values it carries, and the proposal off the page. */
function shownValues(allocation: Allocation, url: URL, values: ProposalValues) {
  const { filters, page } = shownPart(url);
  const shown = allocationPage(allocation, filters, page, { ...currentValues(allocation), ...values });
  return { values: shown.values, carried: shown.carried, offPageProposedPence: shown.offPageProposedPence };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "allocate:award");
  const { filters, page } = shownPart(new URL(request.url));
  // One page of the round, with the pot's figures for the whole round (ADR 0028).
  const shown = params.roundId ? await loadAllocationPage(params.roundId, filters, page) : null;
  if (!shown) throw new Response("Page not found", { status: 404 });
  // The release form holds the page's bids; their choices are saved a page at a time (ADR 0031).
  const releaseForm = shown.round.allocationStatus === "signed_off" ? await releaseFormPage(shown.round.id, shown.rows) : null;
  return {
    round: shown.round,
    pot: shown.pot,
    rowsAboveThreshold: shown.rowsAboveThreshold,
    reserveBids: shown.reserveBids,
    tieBreakRule: shown.tieBreakRule,
    filters,
    window: shown.window,
    rows: shown.rows,
    values: shown.values,
    offPageProposedPence: shown.offPageProposedPence,
    releaseForm,
  };
}

type RequestContext = { intent: string; posted: FormObject; roundId: string | undefined; userId: string; url: URL };
type IntentContext = RequestContext & { allocation: Allocation };
type Handler = (context: RequestContext) => Promise<ReturnType<typeof answer>>;

/** Most buttons work on the whole round: it is read before the handler runs. */
const withRound =
  (handle: (context: IntentContext) => Promise<ReturnType<typeof answer>>): Handler =>
  async (context) =>
    handle({ ...context, allocation: await allocationOr404(context.roundId) });

function answer(result: AllocationActionData, status?: number) {
  return data<AllocationActionData>(result, status ? { status } : undefined);
}

/** A text field of the posted form by its dotted name ("" when not posted). */
const text = (posted: FormObject, name: string) => textAt(posted, name) ?? "";

async function save({ posted, allocation, userId, url }: IntentContext) {
  const values = proposalValues(allocation, posted);
  const result = await saveProposal(allocation, userId, values);
  return result.ok ? answer({ message: result.message }) : refusalResponse<AllocationActionData>(result.refusal, shownValues(allocation, url, values));
}

async function loadRankOrder({ posted, allocation, url }: IntentContext) {
  const suggestion = rankOrderSuggestion(allocation, posted.mode === "part_fund" ? "part_fund" : "skip");
  const shown = shownValues(allocation, url, suggestion.values);
  return answer({ suggestion: suggestionOnPage(suggestion, shown.values), ...shown });
}

async function loadOptimal({ posted, allocation, url }: IntentContext) {
  const ringFences = Object.fromEntries(allocation.round.areas.map((area) => [area.id, text(posted, ringFenceField(area.id))]));
  const priorityMinimums = Object.fromEntries(allocation.round.priorities.map((p) => [p.id, text(posted, priorityMinimumField(p.id))]));
  const result = await optimalSuggestion(allocation, { onePerOrganisation: posted.onePerOrganisation === "yes", ringFences, priorityMinimums });
  if (!result.ok)
    return refusalResponse<AllocationActionData>(result.refusal, {
      ...shownValues(allocation, url, proposalValues(allocation, posted)),
      ringFences,
      priorityMinimums,
    });
  const shown = shownValues(allocation, url, result.suggestion.values);
  return answer({ suggestion: suggestionOnPage(result.suggestion, shown.values), ...shown, ringFences, priorityMinimums });
}

async function approve({ allocation, userId }: IntentContext) {
  const result = await approveAllocation(allocation, userId);
  return result.ok ? answer({ message: result.message }) : refusalResponse<AllocationActionData>(result.refusal);
}

async function release({ posted, allocation, userId }: IntentContext) {
  const page = postedReleaseChoices(posted);
  const result = await releaseOutcomes(allocation, userId, { page, shareAssessorComments: posted.shareAssessorComments === "yes" });
  if (result.ok) return answer({ message: result.message });
  const unassessed = result.refusal.kind === "conflict" ? result.refusal.details?.unassessed : undefined;
  return refusalResponse<AllocationActionData>(result.refusal, { feedback: page.feedback, reserve: page.reserve, unassessed });
}

/** Saving a page of release choices reads only the bids the page posted, not the whole round (ADR 0031). */
async function saveChoices({ posted, roundId, userId }: RequestContext) {
  const page = postedReleaseChoices(posted);
  const posting = roundId ? await loadAllocationBids(roundId, page.bidIds) : null;
  if (!posting) throw new Response("Page not found", { status: 404 });
  const result = await saveReleaseChoices(posting, userId, page);
  if (!result.ok) return refusalResponse<AllocationActionData>(result.refusal, { feedback: page.feedback, reserve: page.reserve });
  return answer({
    message:
      result.saved === 0
        ? "There were no choices on this page to save."
        : `Choices saved for ${result.saved === 1 ? "1 bid" : `${result.saved} bids`} on this page. The release uses them.`,
  });
}

async function recordReturnedAward({ intent, posted, allocation, userId }: IntentContext) {
  const bidId = textValue(posted, "bidId");
  const result = await returnAward(allocation, bidId, userId, intent === "award-withdrawn" ? "withdrawn" : "declined_by_applicant");
  return result.ok ? answer({ message: result.message }) : refusalResponse<AllocationActionData>(result.refusal);
}

async function offerReserveAward({ posted, allocation, userId }: IntentContext) {
  const bidId = textValue(posted, "bidId");
  const offer = { bidId, amount: text(posted, offerAmountField(bidId)), conditions: text(posted, offerConditionsField(bidId)) };
  const result = await offerAward(allocation, bidId, userId, offer);
  return result.ok ? answer({ message: result.message }) : refusalResponse<AllocationActionData>(result.refusal, { offer });
}

/** What each button of the page does, and the permission it needs beyond seeing the page. */
const INTENTS: Record<string, { permission: Permission; handle: Handler }> = {
  save: { permission: "allocate:award", handle: withRound(save) },
  "rank-order": { permission: "allocate:award", handle: withRound(loadRankOrder) },
  optimal: { permission: "allocate:award", handle: withRound(loadOptimal) },
  approve: { permission: "approve:award", handle: withRound(approve) },
  release: { permission: "release:outcome", handle: withRound(release) },
  "release-choices": { permission: "release:outcome", handle: saveChoices },
  "award-declined": { permission: "approve:award", handle: withRound(recordReturnedAward) },
  "award-withdrawn": { permission: "approve:award", handle: withRound(recordReturnedAward) },
  offer: { permission: "approve:award", handle: withRound(offerReserveAward) },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const posted = await readForm(request, ["reserve", "releaseBids"]);
  const intent = textValue(posted, "intent");
  const handler = Object.hasOwn(INTENTS, intent) ? INTENTS[intent] : undefined;
  const user = await requirePermission(request, handler?.permission ?? "allocate:award");
  if (!handler) {
    await allocationOr404(params.roundId);
    return answer({ errors: { proposal: "Choose what to do with the allocation" } }, 400);
  }
  return handler.handle({ intent, posted, roundId: params.roundId, userId: user.id, url: new URL(request.url) });
}

export default function AllocationPage() {
  const {
    round,
    pot,
    rows,
    releaseForm,
    filters,
    window,
    rowsAboveThreshold,
    reserveBids,
    tieBreakRule,
    values: saved,
    offPageProposedPence,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AllocationActionData | undefined;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? saved;
  const editable = isEditable(round.allocationStatus);
  return (
    <>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={actionData?.message} />
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Allocation</h1>
      <SignOffStatus allocationStatus={round.allocationStatus} latestSignOff={round.latestSignOff} />
      <AllocationFiltersForm round={round} filters={filters} />

      {/* Re-mounted when the values change (a saved proposal or a loaded suggestion). */}
      <Workspace
        key={JSON.stringify(values)}
        values={values}
        errors={errors}
        editable={editable}
        round={round}
        pot={pot}
        rows={rows}
        window={window}
        filtered={Object.values(filters).some(Boolean)}
        carried={actionData?.carried ?? {}}
        offPageProposedPence={actionData?.offPageProposedPence ?? offPageProposedPence}
        rowsAboveThreshold={rowsAboveThreshold}
        tieBreakRule={tieBreakRule}
        suggestion={actionData?.suggestion}
        ringFences={actionData?.ringFences}
        priorityMinimums={actionData?.priorityMinimums}
      />

      <AllocationPagination window={window} filters={filters} />

      {editable && pot.proposedPence > 0 ? (
        <ApproveForm proposedPence={pot.proposedPence} opccSignOffRequired={round.opccSignOffRequired} />
      ) : (
        <span id={fieldId("approve")} />
      )}

      {round.allocationStatus === "released" ? (
        <>
          <ReleasedAwards roundId={round.id} rows={rows} givenBackPence={pot.givenBackPence} remainingPotPence={pot.remainingPotPence} errors={errors} />
          {/* Rows come in rank order. */}
          <ReserveList
            reserve={rows.filter((r) => r.status === "reserve")}
            reserveBids={reserveBids}
            minAwardPence={round.minAwardPence}
            remainingPotPence={pot.remainingPotPence}
            errors={errors}
            offer={actionData?.offer}
          />
        </>
      ) : null}

      {releaseForm ? (
        <ReleaseForm
          roundId={round.id}
          rows={rows}
          page={releaseForm}
          window={window}
          posted={actionData?.feedback ? { feedback: actionData.feedback, reserve: actionData.reserve ?? [] } : undefined}
          error={errors.release}
          unassessed={actionData?.unassessed}
        />
      ) : (
        <span id={fieldId("release")} />
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/administrator">
          Back to rounds
        </Link>
      </p>
    </>
  );
}
