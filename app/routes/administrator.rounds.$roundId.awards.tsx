import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, fieldId } from "~/components/govuk/error-summary";
import { Button, Radios, Textarea, TextInput } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { Pagination } from "~/components/govuk/pagination";
import { titleMeta } from "~/components/page-title";
import { awardReturnSchema } from "~/domain/awards/award-return.schema";
import { loadRoundAwards, parseAwardFilter, recordAwardReturn, sendAcceptanceReminder, type AwardFilter } from "~/domain/awards/round-awards.server";
import { requirePermission } from "~/web/guards.server";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { formatDateTime } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-errors";
import { textValue } from "~/lib/form-values";
import { formatPounds } from "~/lib/money";
import { parseValues } from "~/lib/parse-form";
import { useGovukForm } from "~/lib/use-govuk-form";
import { BackLink, ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Awards: ${data.round.name}`);

async function pageFor(request: Request, roundId: string | undefined) {
  const url = new URL(request.url);
  const page = await loadRoundAwards(
    roundId ?? "",
    { filter: parseAwardFilter(url.searchParams.get("filter")), page: Number(url.searchParams.get("page") ?? "1") || 1 },
    new Date(),
  );
  if (!page) throw new Response("Page not found", { status: 404, statusText: "Not Found" });
  return page;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "approve:award");
  return pageFor(request, params.roundId);
}

type ReturnValues = { awardId: string; amount: string; kind: string; reason: string };
type ActionResult = { message?: string; errors?: FieldErrors; values?: ReturnValues };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "approve:award");
  const roundId = params.roundId ?? "";
  const posted = await readForm(request);
  const intent = textValue(posted, "intent");
  if (intent === "remind") {
    const result = await sendAcceptanceReminder(roundId, textValue(posted, "awardId"), user.id, new Date());
    if (!result.ok) return refusalResponse<ActionResult>(result.refusal);
    return data<ActionResult>({ message: result.message });
  }
  if (intent === "return") {
    const values: ReturnValues = {
      awardId: textValue(posted, "awardId"),
      amount: textValue(posted, "amount"),
      kind: textValue(posted, "kind"),
      reason: textValue(posted, "reason"),
    };
    const parsed = parseValues(posted, awardReturnSchema);
    if (!parsed.ok) return refusalResponse<ActionResult>(parsed.refusal, { values });
    const result = await recordAwardReturn(roundId, user.id, parsed.data, new Date());
    if (!result.ok) return refusalResponse<ActionResult>(result.refusal, { values });
    return data<ActionResult>({ message: result.message });
  }
  throw new Response("Choose what to do", { status: 400, statusText: "Bad Request" });
}

const FILTER_LABELS: Record<AwardFilter, string> = { all: "All awards", not_accepted: "Not yet accepted", declined_or_lapsed: "Declined or lapsed" };

const STATUS_TAGS: Record<string, string> = {
  released: "govuk-tag--yellow",
  accepted: "govuk-tag--green",
  closed: "govuk-tag--grey",
  declined_by_applicant: "govuk-tag--red",
  lapsed: "govuk-tag--red",
  withdrawn: "govuk-tag--grey",
};

export default function RoundAwards() {
  const { round, figures, counts, filter, page, pages, total, awards, reserve } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const [search] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const returnFor = actionData?.values?.awardId || search.get("return") || "";
  const returning = awards.find((a) => a.id === returnFor && a.canReturn);
  const listUrl = (changes: Record<string, string>) => {
    const next = new URLSearchParams({ filter, page: String(page), ...changes });
    if (next.get("filter") === "all") next.delete("filter");
    if (next.get("page") === "1") next.delete("page");
    const query = next.toString();
    return query ? `?${query}` : ".";
  };
  return (
    <PageColumn width="full">
      <BackLink to={`/administrator/rounds/${round.id}/allocation`}>Back to the allocation</BackLink>
      <ErrorSummary errors={errors} />
      <SuccessBanner message={actionData?.message} />
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Awards</h1>
      {!round.released ? (
        <p className="govuk-body">Outcomes for this round have not been released yet. Awards appear here once they are.</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">The pot</h2>
          <SummaryList>
            <SummaryRow label="Pot">{formatPounds(figures.potPence)}</SummaryRow>
            <SummaryRow label="Awarded">{formatPounds(figures.awardedPence)}</SummaryRow>
            <SummaryRow label="Returned unspent or clawed back">{formatPounds(figures.returnedPence)}</SummaryRow>
            <SummaryRow label="Freed by declined or lapsed awards">{formatPounds(figures.freedPence)}</SummaryRow>
            <SummaryRow label="Re-offered to reserve bids">{formatPounds(figures.reofferedPence)}</SummaryRow>
            <SummaryRow label="Remaining in the pot">
              <span data-testid="remaining-pot">{formatPounds(figures.remainingPotPence)}</span>
            </SummaryRow>
          </SummaryList>
          <ParagraphLink to={`/administrator/rounds/${round.id}/publishing`}>Check the published 360Giving data</ParagraphLink>

          <h2 className="govuk-heading-m">Awards and answers</h2>
          <p className="govuk-body">
            {counts.notAccepted === 0
              ? "Every organisation has answered."
              : `${counts.notAccepted} of ${counts.all} ${counts.all === 1 ? "award" : "awards"} ${counts.notAccepted === 1 ? "has" : "have"} not been accepted yet. An award not accepted by its date lapses and its money goes back to the pot.`}
          </p>
          <nav aria-label="Filter awards">
            <ul className="govuk-list app-inline-list">
              {(Object.keys(FILTER_LABELS) as AwardFilter[]).map((key) => (
                <li key={key} className="govuk-!-display-inline-block govuk-!-margin-right-4">
                  {key === filter ? (
                    <strong aria-current="page">{FILTER_LABELS[key]}</strong>
                  ) : (
                    <Link className="govuk-link" to={listUrl({ filter: key, page: "1" })}>
                      {FILTER_LABELS[key]}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
          {awards.length === 0 ? (
            <p className="govuk-body">No awards match this filter.</p>
          ) : (
            <Table
              caption={`${FILTER_LABELS[filter]} (${total})`}
              captionSize="s"
              head={["Bid", { text: "Award", numeric: true }, "Status", "Accept by", "Actions"]}
            >
              {awards.map((a) => (
                <TableRow key={a.id}>
                  <TableCell>
                    <strong>{a.reference}</strong>
                    <br />
                    {`${a.title}, ${a.organisationName}`}
                    {a.offeredFromReserve ? <span className="govuk-hint govuk-!-margin-bottom-0">Offered from the reserve list</span> : null}
                  </TableCell>
                  <TableCell numeric>
                    {formatPounds(a.amountPence)}
                    {a.returnedPence > 0 ? <span className="govuk-hint govuk-!-margin-bottom-0">{`${formatPounds(a.returnedPence)} returned`}</span> : null}
                    {a.freedPence > 0 ? <span className="govuk-hint govuk-!-margin-bottom-0">{`${formatPounds(a.freedPence)} back to the pot`}</span> : null}
                  </TableCell>
                  <TableCell>
                    <strong className={`govuk-tag ${STATUS_TAGS[a.status] ?? ""}`}>{a.statusLabel}</strong>
                    {a.respondedAt ? <span className="govuk-hint govuk-!-margin-bottom-0">{`Answered ${formatDateTime(a.respondedAt)}`}</span> : null}
                    {a.declineReason ? <span className="govuk-hint govuk-!-margin-bottom-0">{`Reason: ${a.declineReason}`}</span> : null}
                  </TableCell>
                  <TableCell>
                    {a.acceptBy ? formatDateTime(a.acceptBy) : "No deadline"}
                    {a.overdue ? <span className="govuk-hint govuk-!-margin-bottom-0">Deadline passed: lapses within a minute</span> : null}
                  </TableCell>
                  <TableCell>
                    {a.canRemind ? (
                      <Form method="post" noValidate>
                        <input type="hidden" name="awardId" value={a.id} />
                        <Button name="intent" value="remind" secondary className="govuk-!-margin-bottom-2">
                          Send a reminder<span className="govuk-visually-hidden"> to {a.organisationName}</span>
                        </Button>
                        <span className="govuk-hint govuk-!-margin-bottom-0">{a.reminders === 0 ? "No reminders sent" : `${a.reminders} sent`}</span>
                      </Form>
                    ) : null}
                    {a.canReturn ? (
                      <Link className="govuk-link" to={`${listUrl({ return: a.id })}#return`}>
                        Record money returned<span className="govuk-visually-hidden"> on {a.reference}</span>
                      </Link>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </Table>
          )}
          <Pagination page={page} pageCount={pages} href={(n) => listUrl({ page: String(n) })} label="Pages of awards" />

          {returning ? <ReturnForm award={returning} values={actionData?.values} errors={errors} /> : null}

          <h2 className="govuk-heading-m">Reserve list</h2>
          {reserve.total === 0 ? (
            <p className="govuk-body">There are no bids on the reserve list.</p>
          ) : (
            <>
              <p className="govuk-body">
                {`${formatPounds(figures.remainingPotPence)} is free to offer, including ${formatPounds(figures.freedPence + figures.returnedPence)} from declined, lapsed and returned awards. `}
                <Link className="govuk-link" to={`/administrator/rounds/${round.id}/allocation?award=reserve`}>
                  Offer an award to a reserve bid on the allocation page
                </Link>
                .
              </p>
              <Table
                caption={
                  reserve.total > reserve.bids.length
                    ? `The first ${reserve.bids.length} of ${reserve.total} reserve bids, in rank order`
                    : "Reserve bids, in rank order"
                }
                captionSize="s"
                head={["Rank", "Bid", "Organisation", { text: "Requested", numeric: true }]}
              >
                {reserve.bids.map((r) => (
                  <TableRow key={r.bidId}>
                    <TableCell>{r.rank ?? "Not ranked"}</TableCell>
                    <TableCell>{`${r.reference}: ${r.title}`}</TableCell>
                    <TableCell>{r.organisationName}</TableCell>
                    <TableCell numeric>{formatPounds(r.requestedPence)}</TableCell>
                  </TableRow>
                ))}
              </Table>
            </>
          )}
        </>
      )}
    </PageColumn>
  );
}

type AwardRow = ReturnType<typeof useLoaderData<typeof loader>>["awards"][number];

function ReturnForm({ award, values, errors: serverErrors }: { award: AwardRow; values?: ReturnValues; errors: FieldErrors }) {
  const { register, errors, onSubmit } = useGovukForm(awardReturnSchema, { serverErrors });
  const left = award.amountPence - award.returnedPence;
  return (
    <Form method="post" noValidate onSubmit={onSubmit} id="return" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m">{`Record money returned on ${award.reference}`}</h2>
      <p className="govuk-body">
        {`${award.organisationName} was awarded ${formatPounds(award.amountPence)}; ${formatPounds(award.returnedPence)} has been returned so far, so you can record up to ${formatPounds(left)}. The money goes back to the pot and the organisation is emailed.`}
      </p>
      <input type="hidden" name="intent" value="return" />
      <input type="hidden" value={award.id} {...register("awardId")} />
      <TextInput
        label="Amount"
        prefix="£"
        widthClass="govuk-input--width-10"
        inputMode="decimal"
        spellCheck={false}
        error={errors.amount}
        defaultValue={values?.amount ?? ""}
        {...register("amount")}
      />
      <Radios
        name="kind"
        legend="What happened to the money?"
        error={errors.kind}
        defaultValue={values?.kind ?? ""}
        choices={[
          { value: "returned", label: "The organisation returned it unspent" },
          { value: "clawed_back", label: "The fund clawed it back" },
        ]}
        inputProps={register("kind")}
      />
      <Textarea label="Reason" error={errors.reason} defaultValue={values?.reason ?? ""} rows={3} {...register("reason")} />
      <span id={fieldId("awardId")} />
      <Button>Record money returned</Button>
    </Form>
  );
}
