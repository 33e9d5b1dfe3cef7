// A round's monitoring report schedule: the reports every award of the round owes, each due a
// number of days from the project's start, mid-point or end. Read when an award is accepted, so a
// change applies to awards accepted afterwards only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RoundSetupPage } from "~/components/rounds/round-setup-page";
import { Button, Radios, TextInput } from "~/components/govuk/fields";
import { Table, TableCell, TableRow, TableRowHeader } from "~/components/govuk/table";
import { titleMeta } from "~/components/page-title";
import { changeReportStages, loadReportStages, refuseStageChange } from "~/domain/monitoring/stages.server";
import { describeStageTiming, RELATIVE_TO_CHOICES, reportStageSchema, USUAL_SCHEDULE } from "~/domain/monitoring/stages.schema";
import { parseValues } from "~/lib/parse-form";
import { useGovukForm } from "~/lib/use-govuk-form";
import type { FieldErrors } from "~/lib/form-errors";
import { requirePermission } from "~/web/guards.server";
import { orNotFound } from "~/web/not-found";
import { readForm } from "~/web/parse-form.server";
import { refusalResponse } from "~/web/respond.server";

export const meta = titleMeta("Monitoring report schedule");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:round");
  return orNotFound(await loadReportStages(params.roundId ?? ""), "Round not found");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:round");
  const roundId = params.roundId ?? "";
  orNotFound(await loadReportStages(roundId), "Round not found");
  const posted = await readForm(request);
  const intent = posted.intent;
  const here = `/administrator/rounds/${roundId}/monitoring`;
  if (intent === "remove") {
    const result = await changeReportStages(user.id, roundId, { kind: "remove", stageId: String(posted.stageId ?? "") });
    return result.ok ? redirect(`${here}?saved=removed`) : refusalResponse(result.refusal, { values: null });
  }
  if (intent === "usual") {
    const result = await changeReportStages(user.id, roundId, { kind: "usual" });
    return result.ok ? redirect(`${here}?saved=usual`) : refusalResponse(result.refusal, { values: null });
  }
  const parsed = parseValues(posted, reportStageSchema);
  if (!parsed.ok) {
    await refuseStageChange(user.id, roundId, posted.stageId ? "edit" : "add", { ok: false, refusal: parsed.refusal });
    return refusalResponse(parsed.refusal, { values: posted as Record<string, string> });
  }
  const kind = parsed.data.stageId ? "edit" : "add";
  const result = await changeReportStages(user.id, roundId, { kind, stage: parsed.data });
  return result.ok ? redirect(`${here}?saved=${kind}`) : refusalResponse(result.refusal, { values: posted as Record<string, string> });
}

const BANNERS: Record<string, string> = {
  add: "The report has been added to the schedule.",
  edit: "The report has been changed.",
  removed: "The report has been removed from the schedule.",
  usual: "The usual schedule has been set up: a mid-point report and a final report.",
};

export default function MonitoringSchedule() {
  const { round, stages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { register, errors: formErrors, onSubmit } = useGovukForm(reportStageSchema, { serverErrors: actionData?.errors as FieldErrors | undefined });
  const errors = formErrors as FieldErrors;
  const editing = stages.find((s) => s.id === search.get("edit"));
  const posted = (actionData?.values ?? null) as Record<string, string> | null;
  const values =
    posted ?? (editing ? { stageId: editing.id, title: editing.title, relativeTo: editing.relativeTo, offsetDays: String(editing.offsetDays) } : {});
  const editingId = values.stageId ?? "";
  const saved = search.get("saved");
  return (
    <RoundSetupPage
      title="Monitoring report schedule"
      roundName={round.name}
      errors={errors}
      banner={saved && BANNERS[saved] && !actionData ? <p className="govuk-notification-banner__heading">{BANNERS[saved]}</p> : null}
    >
      <p className="govuk-body">
        Every award in this round owes these monitoring reports. Each is due a number of days from the project&apos;s start, mid-point or end, using the dates
        in the organisation&apos;s bid.
      </p>
      <div className="govuk-inset-text">
        Changes to the schedule apply to awards accepted after the change. Reports already owed for awards accepted earlier keep their dates.
      </div>
      {stages.length === 0 ? (
        <>
          <p className="govuk-body">This round has no monitoring reports yet.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="usual" />
            <Button>Use the usual schedule (mid-point and final)</Button>
          </Form>
          <p className="govuk-body">
            The usual schedule is: {USUAL_SCHEDULE.map((s) => `${s.title.toLowerCase()}, ${describeStageTiming(s).toLowerCase()}`).join("; ")}.
          </p>
        </>
      ) : (
        <Table caption="Reports owed by each award" captionSize="m" head={["Report", "Due", { text: "Actions" }]}>
          {stages.map((stage) => (
            <TableRow key={stage.id}>
              <TableRowHeader>{stage.title}</TableRowHeader>
              <TableCell>{describeStageTiming(stage)}</TableCell>
              <TableCell>
                <Link className="govuk-link" to={`?edit=${stage.id}#title`}>
                  Change<span className="govuk-visually-hidden"> {stage.title}</span>
                </Link>
                <Form method="post" className="govuk-!-display-inline govuk-!-margin-left-3">
                  <input type="hidden" name="stageId" value={stage.id} />
                  <button type="submit" name="intent" value="remove" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    Remove<span className="govuk-visually-hidden"> {stage.title}</span>
                  </button>
                </Form>
              </TableCell>
            </TableRow>
          ))}
        </Table>
      )}

      <h2 className="govuk-heading-m">{editingId ? "Change a report" : "Add a report"}</h2>
      <Form method="post" noValidate onSubmit={onSubmit} key={editingId || "new"}>
        <input type="hidden" {...register("stageId")} defaultValue={editingId} />
        <TextInput {...register("title")} label="Name of the report" hint="For example, Mid-point report" error={errors.title} defaultValue={values.title} />
        <Radios
          name="relativeTo"
          legend="What is the due date counted from?"
          error={errors.relativeTo}
          defaultValue={values.relativeTo}
          inputProps={register("relativeTo")}
          choices={RELATIVE_TO_CHOICES.map((c) => ({ value: c.value, label: c.label }))}
        />
        <TextInput
          {...register("offsetDays")}
          label="Number of days after that date"
          hint="For example, 0 for on the day, 28 for four weeks after. Use a minus sign for days before, like -14"
          error={errors.offsetDays}
          defaultValue={values.offsetDays}
          inputMode="numeric"
          widthClass="govuk-input--width-4"
          suffix="days"
        />
        <div className="govuk-button-group">
          <Button name="intent" value="save">
            {editingId ? "Save changes" : "Add report"}
          </Button>
          {editingId ? (
            <Link className="govuk-link" to=".">
              Cancel
            </Link>
          ) : null}
        </div>
      </Form>
    </RoundSetupPage>
  );
}
