import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, Checkboxes, Textarea } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryList, SummaryRow } from "~/components/govuk/summary-list";
import { titleMeta } from "~/components/page-title";
import { acceptAwardSchema, declineAwardSchema, DECLINE_REASON_MAX } from "~/domain/awards/award-response.schema";
import { AWARD_STATUS_LABELS, type AwardStatus } from "~/domain/awards/award-status";
import { acceptAward, declineAward, loadAwardResponsePage } from "~/domain/awards/response.server";
import { requireApplicantBid } from "~/web/bid-page.server";
import { readForm } from "~/web/parse-form.server";
import { parseValues } from "~/lib/parse-form";
import { refusalResponse } from "~/web/respond.server";
import { formatDateTime } from "~/lib/dates";
import { formatPounds } from "~/lib/money";
import { textValue } from "~/lib/form-values";
import { useGovukForm } from "~/lib/use-govuk-form";
import { BackLink, ParagraphLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Your award for ${data.bid.reference ?? data.bid.title}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  const page = await loadAwardResponsePage(bid.id, user, new Date());
  // No decided award (none yet, or not funded): the page says so rather than pretending it is missing.
  if (!page)
    return {
      bid: { id: bid.id, reference: bid.reference, title: bid.title, organisationName: "" },
      award: null,
      answerable: false,
      message: null,
      reports: [],
    };
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, bid } = await requireApplicantBid(request, params.bidId);
  const posted = await readForm(request);
  const intent = textValue(posted, "intent");
  if (intent === "decline") {
    const parsed = parseValues(posted, declineAwardSchema);
    const values = { declineReason: textValue(posted, "declineReason") };
    if (!parsed.ok) return refusalResponse(parsed.refusal, { values, form: "decline" as const });
    const result = await declineAward(bid.id, user, parsed.data.declineReason, new Date());
    if (!result.ok) return refusalResponse(result.refusal, { values, form: "decline" as const });
    return redirect(`/applicant/bids/${bid.id}/award?answered=declined`);
  }
  if (intent === "accept") {
    const parsed = parseValues(posted, acceptAwardSchema);
    if (!parsed.ok) return refusalResponse(parsed.refusal, { values: { declineReason: "" }, form: "accept" as const });
    const result = await acceptAward(bid.id, user, new Date());
    if (!result.ok) return refusalResponse(result.refusal, { values: { declineReason: "" }, form: "accept" as const });
    return redirect(`/applicant/bids/${bid.id}/award?answered=accepted`);
  }
  throw new Response("Choose to accept or decline the award.", { status: 400, statusText: "Bad Request" });
}

export default function AwardResponse() {
  const page = useLoaderData<typeof loader>();
  if (!page.award) return <NoAward bid={page.bid} />;
  return <Award {...page} award={page.award} />;
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function NoAward({ bid }: { bid: PageData["bid"] }) {
  return (
    <PageColumn>
      <BackLink to={`/applicant/bids/${bid.id}`}>Back to your bid</BackLink>
      <span className="govuk-caption-l">{bid.reference ?? (bid.title || "Untitled bid")}</span>
      <h1 className="govuk-heading-l">Your award</h1>
      <p className="govuk-body">This bid has no award to accept. If it is awarded funding, we will email you and you can accept the award here.</p>
      <ParagraphLink to={`/applicant/bids/${bid.id}`}>Return to your bid</ParagraphLink>
    </PageColumn>
  );
}

function Award({ bid, award, answerable, message, reports }: PageData & { award: NonNullable<PageData["award"]> }) {
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const answered = search.get("answered");
  const accept = useGovukForm(acceptAwardSchema, { serverErrors: actionData?.form === "accept" ? actionData.errors : undefined });
  const decline = useGovukForm(declineAwardSchema, { serverErrors: actionData?.form === "decline" ? actionData.errors : undefined });
  const errors = { ...accept.errors, ...decline.errors };
  const name = bid.title || "Untitled bid";
  return (
    <PageColumn>
      <BackLink to={`/applicant/bids/${bid.id}`}>Back to your bid</BackLink>
      <ErrorSummary errors={errors} />
      {answered === "accepted" && award.status === "accepted" ? (
        <SuccessBanner title="Award accepted" message="You have accepted the award. We have sent a confirmation email to your organisation's contact." />
      ) : null}
      {answered === "declined" && award.status === "declined_by_applicant" ? (
        <SuccessBanner title="Award declined" message="You have declined the award. We have sent a confirmation email to your organisation's contact." />
      ) : null}
      <span className="govuk-caption-l">{`${bid.reference ?? name}: ${bid.organisationName}`}</span>
      <h1 className="govuk-heading-l">{answerable ? "Accept or decline your award" : "Your award"}</h1>
      <SummaryList>
        <SummaryRow label="Bid">{name}</SummaryRow>
        <SummaryRow label="Award">{award.amount}</SummaryRow>
        <SummaryRow label="Funded by">{`${award.pccFunded} from the Police and Crime Commissioner, ${award.matchFunded} match funding`}</SummaryRow>
        <SummaryRow label="Status">
          <strong className="govuk-tag">{AWARD_STATUS_LABELS[award.status as AwardStatus] ?? award.status}</strong>
        </SummaryRow>
        {award.acceptBy ? <SummaryRow label="Accept by">{formatDateTime(award.acceptBy)}</SummaryRow> : null}
        {award.respondedAt ? <SummaryRow label="Answered">{formatDateTime(award.respondedAt)}</SummaryRow> : null}
        {award.status === "declined_by_applicant" && award.declineReason ? <SummaryRow label="Your reason">{award.declineReason}</SummaryRow> : null}
        {award.returnedPence > 0 ? <SummaryRow label="Returned to the fund">{formatPounds(award.returnedPence)}</SummaryRow> : null}
      </SummaryList>
      <h2 className="govuk-heading-m">Conditions of the award</h2>
      {award.conditions.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet">
          {award.conditions.map((condition) => (
            <li key={condition}>{condition}</li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">The award has no conditions beyond the fund&apos;s standard terms.</p>
      )}
      {message && !answered ? <div className="govuk-inset-text">{message.replace(/ Nothing was changed\.$/, "")}</div> : null}
      {reports.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Monitoring reports you will send</h2>
          <ul className="govuk-list govuk-list--bullet">
            {reports.map((r) => (
              <li key={r.id}>{`${r.title}: due ${formatDateTime(r.dueAt)}`}</li>
            ))}
          </ul>
        </>
      ) : null}
      {answerable ? (
        <>
          <h2 className="govuk-heading-m">Accept the award</h2>
          <p className="govuk-body">
            We do not ask for or keep bank details on this website. The fund administrator holds your organisation&apos;s bank details and pays the award into
            that account. If they have changed, tell the fund team by phone before you accept.
          </p>
          <Form method="post" noValidate onSubmit={accept.onSubmit}>
            <input type="hidden" name="intent" value="accept" />
            <Checkboxes
              name="acceptConditions"
              legend="Conditions"
              error={accept.errors.acceptConditions}
              choices={[{ value: "yes", label: "I accept the conditions of this award on behalf of my organisation" }]}
              inputProps={accept.register("acceptConditions")}
            />
            <Checkboxes
              name="bankDetailsHeld"
              legend="Bank details"
              error={accept.errors.bankDetailsHeld}
              choices={[{ value: "yes", label: "I confirm the fund administrator holds our organisation's bank details" }]}
              inputProps={accept.register("bankDetailsHeld")}
            />
            <Button id="accept">Accept the award</Button>
          </Form>
          <h2 className="govuk-heading-m">Decline the award</h2>
          <p className="govuk-body">If you decline, the money goes back to the fund to be offered to another project. You cannot undo this.</p>
          <Form method="post" noValidate onSubmit={decline.onSubmit}>
            <input type="hidden" name="intent" value="decline" />
            <Textarea
              label="Why is your organisation declining the award?"
              hint={`Up to ${DECLINE_REASON_MAX} characters.`}
              error={decline.errors.declineReason}
              defaultValue={actionData?.values?.declineReason ?? ""}
              rows={4}
              {...decline.register("declineReason")}
            />
            <Button warning id="decline">
              Decline the award
            </Button>
          </Form>
        </>
      ) : null}
      <ParagraphLink to={`/applicant/bids/${bid.id}`}>Return to your bid</ParagraphLink>
    </PageColumn>
  );
}
