// The audit log for staff: filtered, newest first, 50 a page, and the same view as a CSV.
//
// An audit event names only its subject (subjectType + subjectId), so "events of a round" means:
// events whose subject is the round itself, or one of the round's bids, awards or monitoring
// reports. "Events of a bid" (by reference) means the bid, its award and its reports. The ids are
// looked up first, one query each, so a page always costs the same number of queries whatever
// the filters. The ids are then listed in one statement, within the bound values a statement
// takes (ADR 0032).
import { recordAudit } from "~/domain/audit/audit.server";
import { csvStream, EXPORT_PAGE_SIZE, exportFileName, isoTime, type Column } from "~/domain/exports/csv.server";
import { db, type Prisma } from "~/lib/db.server";
import { formatDateTime } from "~/lib/dates";
import type { AuditFilters } from "./audit-filters";

export const AUDIT_PAGE_SIZE = 50;

const NOTHING: Prisma.AuditEventWhereInput = { id: { in: [] } };

type Subjects = { bids: string[]; awards: string[]; reports: string[]; rounds: string[] };

function subjectWhere(s: Subjects): Prisma.AuditEventWhereInput {
  const parts: Prisma.AuditEventWhereInput[] = [];
  if (s.rounds.length) parts.push({ subjectType: "round", subjectId: { in: s.rounds } });
  if (s.bids.length) parts.push({ subjectType: "bid", subjectId: { in: s.bids } });
  if (s.awards.length) parts.push({ subjectType: "award", subjectId: { in: s.awards } });
  if (s.reports.length) parts.push({ subjectType: "monitoring_report", subjectId: { in: s.reports } });
  return parts.length ? { OR: parts } : NOTHING;
}

/** The round's (or one bid's) bids, awards and reports: three queries. */
async function subjectsOf(scope: { roundId: string } | { bidReference: string }): Promise<Subjects> {
  const bidWhere: Prisma.BidWhereInput = "roundId" in scope ? { roundId: scope.roundId } : { reference: scope.bidReference };
  const [bids, awards, reports] = await Promise.all([
    db.bid.findMany({ where: bidWhere, select: { id: true } }),
    db.award.findMany({ where: { bid: bidWhere }, select: { id: true } }),
    db.monitoringReport.findMany({ where: { award: { bid: bidWhere } }, select: { id: true } }),
  ]);
  return { rounds: "roundId" in scope ? [scope.roundId] : [], bids: bids.map((b) => b.id), awards: awards.map((a) => a.id), reports: reports.map((r) => r.id) };
}

/**
 * The where clause for the filters. A user is matched by email (whole, any case) or by name
 * (the text anywhere in it).
 */
export async function auditWhere(filters: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filters.roundId) and.push(subjectWhere(await subjectsOf({ roundId: filters.roundId })));
  if (filters.bidReference) and.push(subjectWhere(await subjectsOf({ bidReference: filters.bidReference })));
  if (filters.user) {
    const users = await db.user.findMany({
      where: { OR: [{ email: filters.user.toLowerCase() }, { name: { contains: filters.user } }] },
      select: { id: true },
    });
    and.push({ actorId: { in: users.map((u) => u.id) } });
  }
  if (filters.actionPrefix) and.push({ action: { startsWith: filters.actionPrefix } });
  if (filters.outcome) and.push({ outcome: filters.outcome });
  if (filters.from) and.push({ createdAt: { gte: filters.from } });
  if (filters.to) and.push({ createdAt: { lte: filters.to } });
  return { AND: and };
}

const eventFields = {
  id: true,
  action: true,
  outcome: true,
  subjectType: true,
  subjectId: true,
  before: true,
  after: true,
  details: true,
  createdAt: true,
  actor: { select: { name: true, email: true, role: true } },
} as const;

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof eventFields }>;

/** What each event's subject is called and, for bids, awards and reports, which round it is in (three queries). */
async function describeSubjects(events: { subjectType: string; subjectId: string | null }[]) {
  const ids = (type: string) => [...new Set(events.filter((e) => e.subjectType === type && e.subjectId).map((e) => e.subjectId!))];
  const [bids, awards, reports, rounds] = await Promise.all([
    db.bid.findMany({ where: { id: { in: ids("bid") } }, select: { id: true, roundId: true, reference: true, title: true } }),
    db.award.findMany({ where: { id: { in: ids("award") } }, select: { id: true, roundId: true, bid: { select: { reference: true } } } }),
    db.monitoringReport.findMany({
      where: { id: { in: ids("monitoring_report") } },
      select: { id: true, title: true, award: { select: { roundId: true, bid: { select: { reference: true } } } } },
    }),
    db.round.findMany({ where: { id: { in: ids("round") } }, select: { id: true, name: true } }),
  ]);
  const described = new Map<string, { label: string; href: string | null }>();
  for (const b of bids)
    described.set(`bid:${b.id}`, { label: b.reference ?? `Draft bid “${b.title}”`, href: `/administrator/rounds/${b.roundId}/bids/${b.id}/history` });
  for (const a of awards)
    described.set(`award:${a.id}`, { label: `Award to ${a.bid.reference ?? "a bid"}`, href: `/administrator/rounds/${a.roundId}/awards` });
  for (const r of reports)
    described.set(`monitoring_report:${r.id}`, {
      label: `${r.title} (${r.award.bid.reference ?? "a bid"})`,
      href: `/administrator/rounds/${r.award.roundId}/reports/${r.id}`,
    });
  for (const r of rounds) described.set(`round:${r.id}`, { label: r.name, href: `/administrator/rounds/${r.id}/details` });
  return (e: { subjectType: string; subjectId: string | null }) =>
    described.get(`${e.subjectType}:${e.subjectId}`) ?? { label: e.subjectId ? `${e.subjectType} ${e.subjectId}` : e.subjectType, href: null };
}

const SUMMARY_LENGTH = 160;

function summarise(text: string | null): string | null {
  if (!text) return null;
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

/** The rounds the filter can pick from, newest first. */
export function roundsForAuditFilter() {
  return db.round.findMany({ orderBy: [{ opensAt: "desc" }, { id: "desc" }], select: { id: true, name: true } });
}

/** One page (1-based) of the filtered log, newest first, with how many events match. */
export async function auditLogPage(filters: AuditFilters, requestedPage: number) {
  const where = await auditWhere(filters);
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: eventFields,
  });
  const subject = await describeSubjects(events);
  return {
    total,
    page,
    pageCount,
    events: events.map((e) => ({
      id: e.id,
      time: formatDateTime(e.createdAt),
      at: e.createdAt.toISOString(),
      actor: e.actor ? { name: e.actor.name, email: e.actor.email, role: e.actor.role } : null,
      action: e.action,
      outcome: e.outcome,
      subject: subject(e),
      before: summarise(e.before),
      after: summarise(e.after),
      details: summarise(e.details),
    })),
  };
}

type CsvRow = EventRow & { subjectLabel: string };

const AUDIT_COLUMNS: Column<CsvRow>[] = [
  { header: "Time (UTC)", value: (e) => isoTime(e.createdAt) },
  { header: "Time (UK)", value: (e) => formatDateTime(e.createdAt) },
  { header: "Actor", value: (e) => e.actor?.name ?? "System" },
  { header: "Actor email", value: (e) => e.actor?.email ?? null },
  { header: "Actor role", value: (e) => e.actor?.role ?? null },
  { header: "Action", value: (e) => e.action },
  { header: "Outcome", value: (e) => e.outcome },
  { header: "Subject type", value: (e) => e.subjectType },
  { header: "Subject id", value: (e) => e.subjectId },
  { header: "Subject", value: (e) => e.subjectLabel },
  { header: "Before", value: (e) => e.before },
  { header: "After", value: (e) => e.after },
  { header: "Details", value: (e) => e.details },
];

/** Keyset pages of the filtered log in the page's order (newest first, then id). */
async function* auditCsvPages(where: Prisma.AuditEventWhereInput): AsyncGenerator<CsvRow[]> {
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: EXPORT_PAGE_SIZE,
      select: eventFields,
    });
    const subject = await describeSubjects(page);
    if (page.length > 0) yield page.map((e) => ({ ...e, subjectLabel: subject(e).label }));
    if (page.length < EXPORT_PAGE_SIZE) return;
    after = page[page.length - 1];
  }
}

/**
 * The filtered log as a CSV stream, as it stood when asked for: the export is audited first
 * (`export.audit`, with the filters and row count) but is not part of its own file.
 */
export async function startAuditExport(filters: AuditFilters, actor: { id: string; role: string }) {
  const asOf = new Date();
  const where: Prisma.AuditEventWhereInput = { AND: [await auditWhere(filters), { createdAt: { lte: asOf } }] };
  const rows = await db.auditEvent.count({ where });
  const audited = await recordAudit({ actorId: actor.id, action: "export.audit", subjectType: "audit_log", details: { rows, filters, role: actor.role } });
  const body = csvStream(AUDIT_COLUMNS, auditCsvPages({ AND: [where, { id: { not: audited.id } }] }));
  return { filename: exportFileName("audit-log", "events"), rows, body };
}
