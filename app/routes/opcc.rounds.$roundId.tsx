import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Radios, Textarea } from "~/components/govuk/fields";
import { NotificationBanner } from "~/components/govuk/notification-banner";
import { signOffAllocation } from "~/domain/allocation/decisions.server";
import { ALLOCATION_STATUS_LABEL } from "~/domain/allocation/workspace";
import { loadAllocation } from "~/domain/allocation/workspace.server";
import { requirePermission } from "~/web/guards.server";
import { signOffSchema } from "~/domain/allocation/sign-off.schema";
import { textValue } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { formatPounds } from "~/lib/money";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { Pagination } from "~/components/govuk/pagination";
import { ListFilters, SearchField } from "~/components/lists/list-filters";
import { listHref, matchesSearch, pageOfRows, requestedPage, searchText, showingText } from "~/domain/lists/list-page";
import { ParagraphLink } from "~/components/govuk/links";

export const meta = titleMeta<typeof loader>(({ data }) => `Sign off allocation: ${data.round.name}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "sign-off:allocation");
  const allocation = await loadAllocation(params.roundId ?? "");
  if (!allocation) throw new Response("Page not found", { status: 404 });
  // The ranking is of the whole round (ADR 0023); the page shows one page of its awards, searched.
  const search = new URL(request.url).searchParams;
  const filters = { q: searchText(search.get("q")) };
  const awarded = allocation.rows.filter((r) => r.award && r.award.status !== "proposed" && matchesSearch(filters.q, r.reference, r.title, r.organisationName));
  const shown = pageOfRows(awarded, requestedPage(search.get("page")));
  return {
    round: allocation.round,
    pot: allocation.pot,
    filters,
    window: shown.window,
    awards: shown.rows.map((r) => ({
      bidId: r.bidId,
      reference: r.reference,
      title: r.title,
      organisationName: r.organisationName,
      rank: r.rank,
      scoreText: r.scoreText,
      requestedPence: r.requestedPence,
      award: r.award!,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "sign-off:allocation");
  const parsed = await parseForm(request, signOffSchema);
  const values = { decision: textValue(parsed.values, "decision"), comment: textValue(parsed.values, "comment").trim() };
  if (!parsed.ok) return refusalResponse(parsed.refusal, { values });
  const { decision, comment } = parsed.data;
  const result = await signOffAllocation(params.roundId ?? "", user.id, decision === "approved" ? { decision } : { decision, comment });
  if (!result.ok) return refusalResponse(result.refusal, { values });
  return { message: result.message };
}

export default function OpccRoundSignOff() {
  const { round, pot, awards, filters, window } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit } = useGovukForm(signOffSchema, { serverErrors: actionData && "errors" in actionData ? actionData.errors : undefined });
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      {actionData && "message" in actionData ? (
        <NotificationBanner success>
          <p className="govuk-notification-banner__heading">{actionData.message}</p>
        </NotificationBanner>
      ) : null}
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Sign off allocation</h1>
      <p className="govuk-body">
        Status: <strong className="govuk-tag govuk-tag--blue">{ALLOCATION_STATUS_LABEL[round.allocationStatus] ?? round.allocationStatus}</strong>
      </p>
      <SummaryList>
        <SummaryRow label="Pot">
          {formatPounds(pot.potPence)} ({formatPounds(pot.baseAllocationPence)} base allocation + {formatPounds(pot.rolledForwardPence)} rolled forward +{" "}
          {formatPounds(pot.matchFundingPence)} match funding)
        </SummaryRow>
        <SummaryRow label="Awarded">{formatPounds(pot.awardedPence)}</SummaryRow>
        <SummaryRow label="Remaining">{formatPounds(pot.remainingPotPence)}</SummaryRow>
      </SummaryList>
      <ListFilters legend="Find awards" clearHref={`/opcc/rounds/${round.id}`}>
        <SearchField label="Reference, title or organisation" value={filters.q} />
      </ListFilters>
      {awards.length === 0 ? (
        <p className="govuk-body">{filters.q ? "No awards match." : "There are no approved awards in this round yet."}</p>
      ) : (
        <Table
          caption={`Approved awards: ${showingText(window, { one: "award", many: "awards" })}`}
          head={[
            "Rank",
            "Bid",
            "Score",
            { text: "Requested", numeric: true },
            { text: "Award", numeric: true },
            { text: "PCC / match funding", numeric: true },
          ]}
        >
          {awards.map((a) => (
            <TableRow key={a.bidId}>
              <TableCell>{a.rank ?? "Not ranked"}</TableCell>
              <TableCell>
                <strong>{a.reference}</strong>
                <br />
                {a.title}
                <br />
                <span className="govuk-hint">{a.organisationName}</span>
                {a.award.conditions ? <p className="govuk-body-s">Conditions: {a.award.conditions}</p> : null}
              </TableCell>
              <TableCell>{a.scoreText ?? "Not scored"}</TableCell>
              <TableCell numeric>{formatPounds(a.requestedPence)}</TableCell>
              <TableCell numeric>{formatPounds(a.award.amountPence)}</TableCell>
              <TableCell numeric>
                {formatPounds(a.award.pccFundedPence)} / {formatPounds(a.award.matchFundedPence)}
              </TableCell>
            </TableRow>
          ))}
        </Table>
      )}
      <Pagination page={window.page} pageCount={window.pageCount} href={(n) => listHref(filters, n)} label="Pages of awards" />
      {round.allocationStatus === "approved" && round.opccSignOffRequired ? (
        <Form method="post" noValidate onSubmit={onSubmit}>
          <Radios
            name="decision"
            legend="Do you sign off this allocation?"
            error={errors.decision}
            defaultValue={values?.decision}
            choices={[
              { value: "approved", label: "Yes, sign it off" },
              { value: "sent_back", label: "No, send it back to the fund administrator" },
            ]}
            inputProps={register("decision")}
          />
          <Textarea
            label="Comment"
            hint="Required if you send the allocation back."
            error={errors.comment}
            defaultValue={values?.comment}
            rows={3}
            {...register("comment")}
          />
          <Button>Continue</Button>
        </Form>
      ) : null}
      <h2 className="govuk-heading-m">Downloads</h2>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`/administrator/rounds/${round.id}/exports/bids`} download>
            Bids in this round (CSV)
          </a>
        </li>
        <li>
          <a className="govuk-link" href={`/administrator/rounds/${round.id}/exports/awards`} download>
            Awards in this round (CSV)
          </a>
        </li>
      </ul>
      <ParagraphLink to="/opcc">Back to allocations for sign-off</ParagraphLink>
    </>
  );
}
