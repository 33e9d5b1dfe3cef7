// The fund administrator's list of a round's monitoring reports: filtered by state (or overdue),
// one page at a time, overdue reports first and then by due date. The page's rows come with each
// row's award, bid and organisation in the same query (two at most, and the counts): never a query per row.
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
  const select = {
    id: true,
    title: true,
    dueAt: true,
    status: true,
    submittedAt: true,
    award: { select: { bid: { select: { reference: true, title: true, organisation: { select: { name: true } } } } } },
  } as const;
  const orderBy = [{ dueAt: "asc" as const }, { id: "asc" as const }];
  const skip = (page - 1) * REPORTS_PAGE_SIZE;
  let rows;
  if (options.filter === "all") {
    // Overdue reports lead the list, then the rest by due date: at most two queries a page.
    const overdueWhere: Prisma.MonitoringReportWhereInput = { AND: [inRound, filterWhere("overdue", now)] };
    const restWhere: Prisma.MonitoringReportWhereInput = { AND: [inRound, { NOT: filterWhere("overdue", now) }] };
    const first = skip < overdue ? await db.monitoringReport.findMany({ where: overdueWhere, orderBy, skip, take: REPORTS_PAGE_SIZE, select }) : [];
    const room = REPORTS_PAGE_SIZE - first.length;
    const rest = room > 0 ? await db.monitoringReport.findMany({ where: restWhere, orderBy, skip: Math.max(0, skip - overdue), take: room, select }) : [];
    rows = [...first, ...rest];
  } else {
    rows = await db.monitoringReport.findMany({ where, orderBy, skip, take: REPORTS_PAGE_SIZE, select });
  }
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
