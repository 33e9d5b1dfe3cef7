import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { ErrorMessage } from "~/components/govuk/fields";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import {
  assignAutomatically,
  assignByHand,
  findRound,
  loadAssignmentPage,
  removeAssignment,
  type AssignmentFilters,
} from "~/domain/assessment/assignment.server";
import { backToList, choice, LIST_QUERY_FIELD, listHref, listQuery, requestedPage, searchText, showingText } from "~/domain/lists/list-page";
import { ListFilters, SearchField, SelectField } from "~/components/lists/list-filters";
import { Pagination } from "~/components/govuk/pagination";
import { requirePermission } from "~/web/guards.server";
import { refusalResponse } from "~/web/respond.server";
import type { FieldErrors } from "~/lib/form-errors";
import { textValue } from "~/lib/form-values";
import { readForm } from "~/web/parse-form.server";
import { orNotFound } from "~/web/not-found";
import { roundTitle } from "~/domain/rounds/round-title";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

async function roundOr404(roundId: string | undefined) {
  return orNotFound(roundId ? await findRound(roundId) : null, "Round not found");
}

export const meta = titleMeta("Assign assessors");

/** What the board reads from its address (filters and page), kept when an action sends the browser back. */
const LIST_PARAMS = ["q", "assessor", "need", "page"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "assign:assessor");
  const round = await roundOr404(params.roundId);
  const search = new URL(request.url).searchParams;
  const filters: AssignmentFilters = {
    q: searchText(search.get("q")),
    assessor: searchText(search.get("assessor")),
    need: choice(search.get("need"), ["unassigned", "needs_reassignment"] as const),
  };
  const board = await loadAssignmentPage(round.id, filters, requestedPage(search.get("page")));
  return { round: { id: round.id, name: roundTitle(round), assessorsPerBid: round.assessorsPerBid }, filters, ...board };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "assign:assessor");
  const round = await roundOr404(params.roundId);
  const form = await readForm(request);
  const intent = textValue(form, "intent");
  const path = `/administrator/rounds/${round.id}/assignments`;
  const kept = listQuery(textValue(form, LIST_QUERY_FIELD), LIST_PARAMS);
  if (intent === "auto") {
    const result = await assignAutomatically(round.id, user.id);
    return redirect(backToList(path, kept, { assigned: String(result.assignments.length), short: String(result.shortfalls.length) }));
  }
  const bidId = textValue(form, "bidId");
  const assessorId = textValue(form, "assessorId");
  if (intent === "assign") {
    const result = await assignByHand(round.id, user.id, bidId, assessorId);
    if (result.ok) return redirect(backToList(path, kept, { assigned: "1", short: "0" }));
    return refusalResponse(result.refusal);
  }
  if (intent === "remove") {
    const result = await removeAssignment(round.id, user.id, bidId, assessorId);
    if (result.ok) {
      const banner = {
        removed: assessorId,
        bid: bidId,
        ...(result.draftKept ? { draft: "1" } : {}),
        ...(result.emailed ? {} : { emailed: "0" }),
      };
      return redirect(backToList(path, kept, banner));
    }
    return refusalResponse(result.refusal);
  }
  return data({ errors: { form: "Choose what to do" } as FieldErrors }, { status: 400 });
}

const PROGRESS = {
  not_started: { label: "Not started", tag: "govuk-tag--grey" },
  draft: { label: "Draft assessment", tag: "govuk-tag--blue" },
  submitted: { label: "Assessment submitted", tag: "govuk-tag--green" },
} as const;

export default function RoundAssignments() {
  const { round, bids, assessors, window, filters } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const [search] = useSearchParams();
  const assigned = search.get("assigned");
  const short = Number(search.get("short") ?? 0);
  const removedBid = search.get("removed") ? bids.find((b) => b.id === search.get("bid")) : undefined;
  const removedName = assessors.find((a) => a.id === search.get("removed"))?.name ?? "The assessor";
  // Each form posts this page's filters and page number, so the action sends the browser back here.
  const keep = <input type="hidden" name={LIST_QUERY_FIELD} value={listHref(filters, window.page)} />;
  return (
    <PageColumn width="full">
      <BackLink to="/administrator">Back to fund administration</BackLink>
      <ErrorSummary errors={errors} />
      {assigned !== null && !actionData ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">
            {assigned === "0"
              ? "No new assignments were needed."
              : `${assigned} ${assigned === "1" ? "assignment" : "assignments"} made. Each assessor has been emailed.`}
          </p>
          {short > 0 ? (
            <p className="govuk-body">
              {short} {short === 1 ? "bid still needs" : "bids still need"} assessors: there are not enough assessors without a conflict.
            </p>
          ) : null}
        </NotificationBanner>
      ) : null}
      {removedBid && !actionData ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">
            {`${removedName} has been removed from ${removedBid.reference}.${search.get("emailed") === "0" ? "" : " They have been emailed to say they no longer need to assess it."}`}
          </p>
          {search.get("draft") ? (
            <p className="govuk-body">Their draft assessment has been kept. It comes back if they are assigned to this bid again.</p>
          ) : null}
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Assign assessors</h1>
      <p className="govuk-body">
        Each bid needs {round.assessorsPerBid} {round.assessorsPerBid === 1 ? "assessor" : "assessors"}. Automatic assignment fills the empty places, keeps
        workloads within one bid of each other, and never gives an assessor a bid they have declared a conflict of interest on.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="auto" />
        {keep}
        <button type="submit" className="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
          Assign automatically
        </button>
      </Form>

      <Table caption="Assessors" head={["Assessor", { text: "Bids assigned", numeric: true }]}>
        {assessors.map((a) => (
          <TableRow key={a.id}>
            <TableRowHeader>{a.name}</TableRowHeader>
            <TableCell numeric>{a.assigned}</TableCell>
          </TableRow>
        ))}
      </Table>

      <h2 className="govuk-heading-m">Bids</h2>
      <ListFilters legend="Find bids" clearHref={`/administrator/rounds/${round.id}/assignments`}>
        <SearchField label="Reference, title or organisation" value={filters.q} />
        <SelectField
          name="assessor"
          label="Assigned to"
          anyLabel="Any assessor"
          value={filters.assessor}
          options={assessors.map((a) => ({ value: a.id, text: a.name }))}
        />
        <SelectField
          name="need"
          label="Needs"
          anyLabel="Any bid"
          value={filters.need}
          options={[
            { value: "unassigned", text: "No assessors yet" },
            { value: "needs_reassignment", text: "Needs another assessor" },
          ]}
        />
      </ListFilters>
      <p className="govuk-body" role="status">
        {showingText(window, { one: "bid", many: "bids" })}
      </p>
      {bids.length > 0 ? (
        <p className="govuk-body">
          You can remove an assessor who has not submitted their assessment. A draft they have started is kept, and comes back if they are assigned to the bid
          again. Automatic assignment may give the place back to the same assessor: to choose who replaces them, add an assessor by hand.
        </p>
      ) : null}
      {bids.length === 0 && !filters.q && !filters.assessor && !filters.need ? (
        <p className="govuk-body">There are no bids to assess in this round yet.</p>
      ) : null}
      {bids.map((bid) => {
        const field = `assessor.${bid.id}`;
        const id = fieldId(field);
        const free = assessors.filter((a) => !bid.assessors.some((b) => b.id === a.id) && !bid.conflictedAssessorIds.includes(a.id));
        const removeField = `remove.${bid.id}`;
        return (
          <section key={bid.id} className="govuk-!-margin-bottom-7" aria-labelledby={`bid-${bid.id}`}>
            <h3 className="govuk-heading-s" id={`bid-${bid.id}`}>
              {bid.reference}: {bid.title} {bid.needsReassignment ? <strong className="govuk-tag govuk-tag--red">Needs another assessor</strong> : null}
            </h3>
            <p className="govuk-body govuk-!-margin-bottom-2">{bid.organisationName}</p>
            {errors[removeField] ? (
              <div id={fieldId(removeField)} tabIndex={-1}>
                <ErrorMessage id={`${fieldId(removeField)}-error`}>{errors[removeField]}</ErrorMessage>
              </div>
            ) : null}
            {bid.assessors.length === 0 ? (
              <ul className="govuk-list govuk-list--bullet">
                <li>No assessors yet</li>
              </ul>
            ) : (
              <SummaryList withActions>
                {bid.assessors.map((a) => (
                  <SummaryRow
                    key={a.id}
                    label={a.name}
                    action={
                      a.progress === "submitted" ? null : (
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          {keep}
                          <input type="hidden" name="bidId" value={bid.id} />
                          <input type="hidden" name="assessorId" value={a.id} />
                          <button
                            type="submit"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                            data-module="govuk-button"
                            data-prevent-double-click="true"
                          >
                            Remove<span className="govuk-visually-hidden">{` ${a.name} from ${bid.reference}`}</span>
                          </button>
                        </Form>
                      )
                    }
                  >
                    {a.conflicted ? <strong className="govuk-tag govuk-tag--orange">Conflict of interest</strong> : null}
                    {a.conflicted && a.progress !== "submitted" ? null : (
                      <>
                        {" "}
                        <strong className={`govuk-tag ${PROGRESS[a.progress].tag}`}>{PROGRESS[a.progress].label}</strong>
                      </>
                    )}
                  </SummaryRow>
                ))}
              </SummaryList>
            )}
            {free.length > 0 ? (
              <Form method="post" className="app-inline-form">
                <input type="hidden" name="intent" value="assign" />
                {keep}
                <input type="hidden" name="bidId" value={bid.id} />
                <div className={`govuk-form-group${errors[field] ? " govuk-form-group--error" : ""}`}>
                  <label className="govuk-label" htmlFor={id}>
                    Add an assessor to {bid.reference}
                  </label>
                  {errors[field] ? <ErrorMessage id={`${id}-error`}>{errors[field]}</ErrorMessage> : null}
                  <select
                    className={`govuk-select${errors[field] ? " govuk-select--error" : ""}`}
                    id={id}
                    name="assessorId"
                    aria-describedby={errors[field] ? `${id}-error` : undefined}
                  >
                    {free.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name} ({a.assigned} assigned)
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Assign<span className="govuk-visually-hidden"> to {bid.reference}</span>
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}
      <Pagination page={window.page} pageCount={window.pageCount} href={(n) => listHref(filters, n)} label="Pages of bids" />
    </PageColumn>
  );
}
