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
import { capRefusal, checkChoice } from "~/domain/stages/invitation-cap";
import { loadStageOne, reinviteEoi, sendStageOneDecision } from "~/domain/stages/stage-one.server";
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

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadStageOne(params.roundId ?? "", new Date()));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  const parsed = await parseForm(request, invitationChoiceSchema, ["invite"]);
  const intent = textValue(parsed.values, "intent");
  const chosen = parsed.ok ? parsed.data.invite : [];
  const now = new Date();
  if (intent === "reinvite") {
    const result = await reinviteEoi(user.id, roundId, textValue(parsed.values, "eoiId"), now);
    if (!result.ok) return refusalResponse(result.refusal, { chosen });
    return redirect(`/administrator/rounds/${roundId}/expressions-of-interest?reinvited=1`);
  }
  const page = orNotFound(await loadStageOne(roundId, now));
  const check = checkChoice(page.eois, chosen, page.round.capPence);
  if (intent !== "send") {
    // "Check total": the running total of the boxes ticked, worked out on the server for pages without JavaScript.
    const errors: FieldErrors = check.withinCap ? {} : { invite: capRefusal(check) };
    return data({ chosen, check, errors }, { status: check.withinCap ? 200 : 400 });
  }
  const result = await sendStageOneDecision(user.id, roundId, chosen, now);
  if (!result.ok) return refusalResponse(result.refusal, { chosen, check });
  return redirect(`/administrator/rounds/${roundId}/expressions-of-interest?sent=1`);
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

export default function ExpressionsOfInterest() {
  const { round, eois } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const [chosen, setChosen] = useState<string[] | null>(null);
  const ticked = chosen ?? actionData?.chosen ?? [];
  // With JavaScript the total follows the boxes as they are ticked; without it, "Check total" asks the server.
  const total = checkChoice(eois, ticked, round.capPence).totalPence;
  const over = total > round.capPence;
  const decided = round.invitationsSentAt !== null;
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      const base = current ?? ticked;
      return on ? [...base.filter((x) => x !== id), id] : base.filter((x) => x !== id);
    });
  const unreviewed = eois.filter((e) => e.status === "submitted" && !e.reviewDecision).length;
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
      <span className="govuk-caption-l">{round.name}</span>
      <h1 className="govuk-heading-l">Expressions of interest</h1>
      <p className="govuk-body">
        {`Expressions of interest ${round.eoiClosed ? "closed" : "close"} at ${round.eoiClosesAt ? formatDateTime(round.eoiClosesAt) : "a time not yet set"}. Invited organisations submit full bids by ${formatDateTime(round.closesAt)}. The pot is ${formatPounds(round.potPence)}.`}
      </p>
      {eois.length === 0 ? (
        <p className="govuk-body">No expressions of interest have been submitted yet.</p>
      ) : decided ? (
        <>
          <div className="govuk-inset-text">
            {`The stage-one decision was sent at ${formatDateTime(round.invitationsSentAt!)}. Invited so far: ${formatPounds(round.invitedTotalPence)} of the ${formatPounds(round.capPence)} cap. It can change only by inviting an eligible organisation that was not invited, within the cap.`}
          </div>
          {errors.reinvite ? <ErrorMessage id="reinvite-error">{errors.reinvite}</ErrorMessage> : null}
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
                    <Form method="post" id={e === eois.find((x) => x.status === "not_invited" && x.reviewDecision === "eligible") ? "reinvite" : undefined}>
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
      ) : (
        <Form method="post" noValidate>
          {unreviewed > 0 ? <div className="govuk-inset-text">{`${unreviewed} still to review. Review each one before sending the decision.`}</div> : null}
          <div className={`govuk-form-group${errors.invite ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" id="invite" aria-describedby={errors.invite ? "invite-error" : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Choose whom to invite to a full bid</legend>
              {errors.invite ? <ErrorMessage id="invite-error">{errors.invite}</ErrorMessage> : null}
              <Table
                label="Expressions of interest"
                head={["Invite", "Organisation and project", { text: "Amount", numeric: true }, { text: "Score", numeric: true }, "Review"]}
              >
                {eois.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell>
                      {e.reviewDecision === "eligible" ? (
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
              Check total
            </Button>
            {round.eoiClosed ? (
              <Button name="intent" value="send">
                Send invitations and tell the others
              </Button>
            ) : null}
          </div>
          {round.eoiClosed ? (
            <p className="govuk-body">
              Sending invites the organisations ticked and emails every other one, kindly and with your feedback, that they are not invited. It cannot be
              undone.
            </p>
          ) : (
            <p className="govuk-body">You can send the decision once expressions of interest have closed.</p>
          )}
        </Form>
      )}
    </PageColumn>
  );
}
