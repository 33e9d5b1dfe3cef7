// Creating an accepted award's monitoring reports (the rule: ./schedule.ts).
import type { Tx } from "~/lib/db.server";
import { scheduleReports, type ReportStageRule } from "./schedule";

/**
 * Inside the transaction that accepts the award: one report per report stage of the award's
 * round, due relative to the bid's project dates. Creating them twice is impossible (one report
 * per award and stage, unique), so a repeated acceptance fails instead of doubling them.
 */
export async function createMonitoringReports(tx: Tx, awardId: string, now: Date): Promise<number> {
  const award = await tx.award.findUniqueOrThrow({
    where: { id: awardId },
    select: {
      bid: { select: { projectStartDate: true, projectEndDate: true } },
      round: { select: { reportStages: { select: { id: true, title: true, relativeTo: true, offsetDays: true }, orderBy: { position: "asc" } } } },
    },
  });
  const due = scheduleReports(award.round.reportStages as ReportStageRule[], { startDate: award.bid.projectStartDate, endDate: award.bid.projectEndDate }, now);
  for (const report of due) {
    await tx.monitoringReport.create({ data: { awardId, stageId: report.stageId, title: report.title, dueAt: report.dueAt }, select: { id: true } });
  }
  return due.length;
}
