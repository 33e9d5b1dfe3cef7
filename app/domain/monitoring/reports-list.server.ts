// The fund administrator's list of a round's monitoring reports: filtered by state (or overdue),
// one page at a time, earliest due first so overdue reports lead. One query for the page's rows
// (with each row's award, bid and organisation joined in) and counts: never a query per row.
import { db, type Prisma } from "~/lib/db.server";
import { isOverdue, isReportStatus, OUTSTANDING_REPORT_STATUSES, type ReportStatus } from "./report-status";

export const REPORTS_PAGE_SIZE = 25;

export type ReportFilter = ReportStatus | "overdue" | "all";

export function reportFilter(value: string | null): ReportFilter {
  if (value === "overdue" || isReportStatus(value)) return value;
  return "all";
}

function filterWhere(filter: ReportFilter, now: Date): Prisma.MonitoringReportWhereInput {
  if (filter === "all") return {};
  if (filter === "overdue") return { status: { in: [...OUTSTANDING_REPORT_STATUSES] }, dueAt: { lt: now } };
  return { status: filter };
}

export async function listRoundReports(roundId: string, options: { filter: ReportFilter; page: number }, now: Date) {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true, name: true } });
  if (!round) return null;
  const inRound: Prisma.MonitoringReportWhereInput = { award: { roundId } };
  const where: Prisma.MonitoringReportWhereInput = { AND: [inRound, filterWhere(options.filter, now)] };
  const [total, overdue] = await Promise.all([
    db.monitoringReport.count({ where }),
    db.monitoringReport.count({ where: { AND: [inRound, filterWhere("overdue", now)] } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / REPORTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(options.page) || 1), pageCount);
  const rows = await db.monitoringReport.findMany({
    where,
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * REPORTS_PAGE_SIZE,
    take: REPORTS_PAGE_SIZE,
    select: {
      id: true,
      title: true,
      dueAt: true,
      status: true,
      submittedAt: true,
      award: { select: { bid: { select: { reference: true, title: true, organisation: { select: { name: true } } } } } },
    },
  });
  return {
    round,
    total,
    overdue,
    page,
    pageCount,
    reports: rows.map((r) => ({
      id: r.id,
      title: r.title,
      dueAt: r.dueAt,
      status: r.status,
      submittedAt: r.submittedAt,
      overdue: isOverdue(r, now),
      bidReference: r.award.bid.reference ?? "",
      bidTitle: r.award.bid.title || "Untitled bid",
      organisationName: r.award.bid.organisation.name,
    })),
  };
}
