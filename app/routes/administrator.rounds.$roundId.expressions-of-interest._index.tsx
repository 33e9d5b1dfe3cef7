import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { Button, ErrorMessage } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { Table, TableCell, TableRow } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { EoiStatusTag } from "~/components/stages/eoi-status";
import { invitationChoiceSchema } from "~/domain/stages/stage-one.schema";
import { capRefusal, checkChoice, checkInvitationCap } from "~/domain/stages/invitation-cap";
import { saveInvitationChoices } from "~/domain/stages/invitation-choices.server";
import { EOI_REVIEW_FILTERS, loadStageOne, reinviteEoi, sendStageOneDecision, type StageOneFilters } from "~/domain/stages/stage-one.server";
import { choice, listHref, requestedPage, searchText, showingText } from "~/domain/lists/list-page";
import { ListFilters, SearchField, SelectField } from "~/components/lists/list-filters";
import { Pagination } from "~/components/govuk/pagination";
import { formatDateTime } from "~/lib/dates";
import type { FieldErrors } from "~/lib/form-errors";
import { textValue } from "~/lib/form-values";
import { formatPounds } from "~/lib/money";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { parseForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";
import { BackLink } from "~/components/govuk/links";
import { PageColumn } from "~/components/govuk/page-column";

export const meta = titleMeta<typeof loader>(({ data }) => `Expressions of interest: ${data.round.name}`);

/** The list's filters and page, from the address (the GET form's; the POST forms keep them). */
function shownPart(url: URL) {
  const filters: StageOneFilters = { q: searchText(url.searchParams.get("q")), review: choice(url.searchParams.get("review"), EOI_REVIEW_FILTERS) };
  return { filters, page: requestedPage(url.searchParams.get("page")) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  const { filters, page } = shownPart(new URL(request.url));
  return orNotFound(await loadStageOne(params.roundId ?? "", new Date(), filters, page));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const parsed = await parseForm(request, invitationChoiceSchema, ["invite", "shown"]);
  const intent = textValue(parsed.values, "intent");
  const page = parsed.ok ? parsed.data : { invite: [], shown: [] };
  const now = new Date();
  if (intent === "reinvite") {
    const result = await reinviteEoi(user.id, roundId, textValue(parsed.values, "eoiId"), now);
    if (!result.ok) return refusalResponse(result.refusal);
    return redirect(`/administrator/rounds/${roundId}/expressions-of-interest?reinvited=1`);
  }
  if (intent === "send") {
    const result = await sendStageOneDecision(user.id, roundId, page, now);
    if (!result.ok) return refusalResponse(result.refusal, { check: result.refusal.kind === "conflict" ? result.refusal.details?.check : undefined });
    return redirect(`/administrator/rounds/${roundId}/expressions-of-interest?sent=1`);
  }
  // "Save choices and check total": the page's choice is saved, and the whole choice checked against the cap.
  const saved = await saveInvitationChoices(user.id, roundId, page);
  if (!saved.ok) return refusalResponse(saved.refusal);
  const stage = orNotFound(await loadStageOne(roundId, now));
  const check = checkInvitationCap([stage.chosenPence], stage.round.capPence);
  const errors: FieldErrors = check.withinCap ? {} : { invite: capRefusal(check) };
  return data(
    { check, errors, message: `Choices saved. ${stage.counts.chosen} chosen to invite, asking for ${formatPounds(check.totalPence)}.` },
    { status: check.withinCap ? 200 : 400 },
  );
}

/** The columns both tables give an expression of interest: the project (a link to its review), the amount asked and the review score. */
function ProjectCells({
  eoi,
}: {
  eoi: { id: string; title: string; organisation: { name: string }; amountRequestedPence: number; reviewScore: number | null };
}) {
  return (
    <>
      <TableCell>
        <Link className="govuk-link" to={eoi.id}>
          {eoi.organisation.name}: {eoi.title}
        </Link>
      </TableCell>
      <TableCell numeric>{formatPounds(eoi.amountRequestedPence)}</TableCell>
      <TableCell numeric>{eoi.reviewScore ?? ""}</TableCell>
    </>
  );
}

const REVIEW_OPTIONS = [
  { value: "eligible", text: "Eligible" },
  { value: "ineligible", text: "Not eligible" },
  { value: "to_review", text: "To review" },
  { value: "chosen", text: "Chosen to invite" },
] as const;

type StageOne = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ExpressionsOfInterest() {
  const stage = useLoaderData<typeof loader>();
  const { round, filters, window, counts } = stage;
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const decided = round.invitationsSentAt !== null;
  const pageHref = (page: number) => listHref(filters, page);
  return (
    <PageColumn width="full">
      <BackLink to="/administrator">Back to fund administration</BackLink>
      {search.get("sent") ? (
        <SuccessBanner message="The stage-one decision has been sent">
          <p className="govuk-body">Invited organisations have their full bids to complete; the others have been told, with your feedback.</p>
        </SuccessBanner>
      ) : search.get("reinvited") ? (
        <SuccessBanner message="The organisation has been invited to make a full bid" />
      ) : null}
      <ErrorSummary errors={errors} />
      <SuccessBanner
        message={actionData && "message" in actionData && typeof actionData.message === "string" && !errors.invite ? actionData.message : undefined}
      />
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Expressions of interest</h1>
      <p className="govuk-body">
        {`Expressions of interest ${round.eoiClosed ? "closed" : "close"} at ${round.eoiClosesAt ? formatDateTime(round.eoiClosesAt) : "a time not yet set"}. Invited organisations submit full bids by ${formatDateTime(round.closesAt)}. The pot is ${formatPounds(round.potPence)}.`}
      </p>
      {counts.all === 0 ? (
        <p className="govuk-body">No expressions of interest have been submitted yet.</p>
      ) : (
        <>
          <ListFilters clearHref="?" legend="Find expressions of interest">
            <SearchField label="Organisation or project" value={filters.q} />
            <SelectField name="review" label="Review" value={filters.review} anyLabel="Any" options={REVIEW_OPTIONS} />
          </ListFilters>
          <p className="govuk-body" data-testid="eoi-showing">
            {showingText(window, { one: "expression of interest", many: "expressions of interest" })}
          </p>
          {decided ? (
            <DecidedTable stage={stage} error={errors.reinvite} />
          ) : (
            <ChoiceForm key={`${window.page}|${filters.q}|${filters.review}`} stage={stage} error={errors.invite} />
          )}
          <Pagination page={window.page} pageCount={window.pageCount} href={pageHref} label="Pages of expressions of interest" />
        </>
      )}
    </PageColumn>
  );
}

/** After the decision: the list with each one's status, and "Invite now" for an eligible one not invited. */
function DecidedTable({ stage, error }: { stage: StageOne; error?: string }) {
  const { round, eois } = stage;
  const firstReinvite = eois.find((x) => x.status === "not_invited" && x.reviewDecision === "eligible");
  return (
    <>
      <div className="govuk-inset-text">
        {`The stage-one decision was sent at ${formatDateTime(round.invitationsSentAt!)}. Invited so far: ${formatPounds(round.invitedTotalPence)} of the ${formatPounds(round.capPence)} cap. It can change only by inviting an eligible organisation that was not invited, within the cap.`}
      </div>
      {error ? <ErrorMessage id="reinvite-error">{error}</ErrorMessage> : null}
      <Table
        caption="The decision"
        head={["Organisation and project", { text: "Amount", numeric: true }, { text: "Score", numeric: true }, "Status", "Action"]}
      >
        {eois.map((e) => (
          <TableRow key={e.id}>
            <ProjectCells eoi={e} />
            <TableCell>
              <EoiStatusTag status={e.status} />
            </TableCell>
            <TableCell>
              {e.status === "not_invited" && e.reviewDecision === "eligible" ? (
                <Form method="post" id={e === firstReinvite ? "reinvite" : undefined}>
                  <input type="hidden" name="eoiId" value={e.id} />
                  <Button secondary name="intent" value="reinvite" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                    Invite now<span className="govuk-visually-hidden">{`: ${e.organisation.name}`}</span>
                  </Button>
                </Form>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </Table>
    </>
  );
}

/**
 * Before the decision: the page's expressions of interest to tick. The choice is saved a page at a
 * time and the decision sends every saved choice (ADR 0031); the running total adds the choice on
 * other pages to the boxes ticked here.
 */
function ChoiceForm({ stage, error }: { stage: StageOne; error?: string }) {
  const { round, eois, counts, offPageChosenPence } = stage;
  const [ticked, setTicked] = useState<string[]>(() => eois.filter((e) => e.chosen).map((e) => e.id));
  const total = offPageChosenPence + checkChoice(eois, ticked, round.capPence).totalPence;
  const over = total > round.capPence;
  const toggle = (id: string, on: boolean) => setTicked((current) => (on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id)));
  const eligible = eois.filter((e) => e.status === "submitted" && e.reviewDecision === "eligible");
  return (
    <Form method="post" noValidate>
      {counts.unreviewed > 0 ? (
        <div className="govuk-inset-text">{`${counts.unreviewed} still to review. Review each one before sending the decision.`}</div>
      ) : null}
      {stage.window.pageCount > 1 ? (
        <p className="govuk-body" data-testid="choice-pages">
          Tick on each page and save the choices before you go to another page: sending the decision invites every expression of interest chosen on any page.
        </p>
      ) : null}
      {/* Numbered names: one name repeated on hidden fields is invalid HTML. */}
      {eligible.map((e, i) => (
        <input key={e.id} type="hidden" name={`shown.${i}`} value={e.id} />
      ))}
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" id="invite" aria-describedby={error ? "invite-error" : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Choose whom to invite to a full bid</legend>
          {error ? <ErrorMessage id="invite-error">{error}</ErrorMessage> : null}
          <Table
            label="Expressions of interest"
            head={["Invite", "Organisation and project", { text: "Amount", numeric: true }, { text: "Score", numeric: true }, "Review"]}
          >
            {eois.map((e) => (
              <TableRow key={e.id}>
                <TableCell>
                  {e.status === "submitted" && e.reviewDecision === "eligible" ? (
                    <div className="govuk-checkboxes govuk-checkboxes--small">
                      <div className="govuk-checkboxes__item">
                        <input
                          className="govuk-checkboxes__input"
                          type="checkbox"
                          name="invite"
                          id={`invite-${e.id}`}
                          value={e.id}
                          checked={ticked.includes(e.id)}
                          onChange={(event) => toggle(e.id, event.target.checked)}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`invite-${e.id}`}>
                          <span className="govuk-visually-hidden">{`Invite ${e.organisation.name}: ${e.title}`}</span>
                        </label>
                      </div>
                    </div>
                  ) : null}
                </TableCell>
                <ProjectCells eoi={e} />
                <TableCell>{e.reviewDecision === "eligible" ? "Eligible" : e.reviewDecision === "ineligible" ? "Not eligible" : "To review"}</TableCell>
              </TableRow>
            ))}
          </Table>
        </fieldset>
      </div>
      <p className="govuk-body govuk-!-font-weight-bold" id="running-total" aria-live="polite">
        {`Chosen: ${formatPounds(total)} of the ${formatPounds(round.capPence)} invitation cap${over ? `, ${formatPounds(total - round.capPence)} over` : ""}`}
      </p>
      <div className="govuk-button-group">
        <Button secondary name="intent" value="check">
          Save choices and check total
        </Button>
        {round.eoiClosed ? (
          <Button name="intent" value="send">
            Send invitations and tell the others
          </Button>
        ) : null}
      </div>
      {round.eoiClosed ? (
        <p className="govuk-body">
          Sending invites the organisations chosen on every page and emails every other one, kindly and with your feedback, that they are not invited. It cannot
          be undone.
        </p>
      ) : (
        <p className="govuk-body">You can send the decision once expressions of interest have closed.</p>
      )}
    </Form>
  );
}
