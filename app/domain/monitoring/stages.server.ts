// A round's report schedule (ReportStage rows). Stages are read when an award is accepted
// (schedule.server.ts), so changing them affects only awards accepted afterwards.
import { recordAudit } from "~/domain/audit/audit.server";
import { db } from "~/lib/db.server";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { conflict, notFound, refusalReason, type Refused, type Result } from "~/lib/refusal";
import { MAX_STAGES, USUAL_SCHEDULE, type ReportStageInput } from "./stages.schema";

export type ReportStageRow = { id: string; title: string; relativeTo: string; offsetDays: number };

const stageSelect = { id: true, title: true, relativeTo: true, offsetDays: true } as const;

export async function loadReportStages(roundId: string) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { id: true, name: true, reportStages: { select: stageSelect, orderBy: { position: "asc" } } },
  });
  if (!round) return null;
  return { round: { id: round.id, name: round.name }, stages: round.reportStages as ReportStageRow[] };
}

export type StageChange =
  { kind: "add"; stage: ReportStageInput } | { kind: "edit"; stage: ReportStageInput } | { kind: "remove"; stageId: string } | { kind: "usual" };

/** Audits a refused change to the schedule, and hands the refusal back. */
export async function refuseStageChange(actorId: string, roundId: string, change: string, refused: Refused): Promise<Refused> {
  await recordAudit({
    actorId,
    action: "round.report_schedule_refused",
    outcome: "refused",
    subjectType: "round",
    subjectId: roundId,
    details: { change, reason: refusalReason(refused.refusal) },
  });
  return refused;
}

/** A stage as the audit log records it. */
function auditedStage(stageId: string, { title, relativeTo, offsetDays }: Omit<ReportStageRow, "id">) {
  return { stageId, title, relativeTo, offsetDays };
}

/** Adds, edits or removes a stage, or sets up the usual schedule; audited either way. */
export async function changeReportStages(actorId: string, roundId: string, change: StageChange): Promise<Result> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true } });
  if (!round) return refuseStageChange(actorId, roundId, change.kind, notFound("Round not found"));
  try {
    const result = await db.$transaction(async (tx): Promise<Result> => {
      const stages = await tx.reportStage.findMany({ where: { roundId }, select: { ...stageSelect, position: true }, orderBy: { position: "asc" } });
      const nextPosition = stages.reduce((max, s) => Math.max(max, s.position + 1), 0);
      const audit = (action: string, states: { before?: unknown; after?: unknown }) =>
        recordAudit({ actorId, action, subjectType: "round", subjectId: roundId, ...states }, tx);
      switch (change.kind) {
        case "add": {
          if (stages.length >= MAX_STAGES) return conflict(`A round can have up to ${MAX_STAGES} reports`);
          const { title, relativeTo, offsetDays } = change.stage;
          const created = await tx.reportStage.create({ data: { roundId, position: nextPosition, title, relativeTo, offsetDays }, select: { id: true } });
          await audit("round.report_stage_added", { after: auditedStage(created.id, change.stage) });
          return { ok: true };
        }
        case "edit": {
          const before = stages.find((s) => s.id === change.stage.stageId);
          if (!before) return conflict("This report has been removed from the schedule. Add it again if you need it");
          const { title, relativeTo, offsetDays } = change.stage;
          await tx.reportStage.update({ where: { id: before.id }, data: { title, relativeTo, offsetDays }, select: { id: true } });
          await audit("round.report_stage_changed", { before: auditedStage(before.id, before), after: auditedStage(before.id, change.stage) });
          return { ok: true };
        }
        case "remove": {
          const before = stages.find((s) => s.id === change.stageId);
          // Already gone: the page the administrator sees will agree.
          if (!before) return { ok: true };
          // Reports already owed keep their title and due date (their stage link is cleared).
          await tx.reportStage.delete({ where: { id: before.id } });
          await audit("round.report_stage_removed", { before: auditedStage(before.id, before) });
          return { ok: true };
        }
        case "usual": {
          if (stages.length > 0) return conflict("This round already has a report schedule");
          await tx.reportStage.createMany({ data: USUAL_SCHEDULE.map((stage, position) => ({ roundId, position, ...stage })) });
          await audit("round.report_schedule_set", { after: { stages: USUAL_SCHEDULE } });
          return { ok: true };
        }
      }
    });
    if (!result.ok) return refuseStageChange(actorId, roundId, change.kind, result);
    return result;
  } catch (error) {
    // Two changes at once took the same position: the second is told to look again.
    if (!isUniqueViolation(error)) throw error;
    return refuseStageChange(actorId, roundId, change.kind, conflict("The schedule was changed at the same time. Check it and try again"));
  }
}
