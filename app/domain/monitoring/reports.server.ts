// Monitoring reports: the organisation fills one in (saved as a draft, then submitted) against the
// bid's own outcomes and budget lines; the fund administrator reads it and accepts it or asks for
// changes. Who may see a report is part of every query (reportScope), never checked afterwards.
import { renderReportReview, renderReportSubmitted, type RenderedEmail } from "../../../emails";
import { activeFundAdministrators } from "~/domain/auth/accounts.server";
import { recordAudit } from "~/domain/audit/audit.server";
import type { Role } from "~/domain/auth/roles";
import { lockRoundForMoney } from "~/domain/allocation/pot-ledger.server";
import { decisionLinks } from "~/domain/awards/links.server";
import { emailKeys } from "~/domain/email/idempotency-keys";
import { queueEmail } from "~/domain/email/outbox.server";
import { db, type Prisma } from "~/lib/db.server";
import type { FormObject } from "~/lib/form-values";
import { parseValues } from "~/lib/parse-form";
import { conflict, notFound, refusalReason, type Refused, type Result } from "~/lib/refusal";
import { reportEmailBidSelect, reportEmailDetails } from "./report-email";
import { EDITABLE_REPORT_STATUSES, isOverdue, reportStatusLabel } from "./report-status";
import { reportSchema, reviewSchema, type ReportIntent } from "./report.schema";

export type Viewer = { id: string; role: Role };

/** Reports live only on awards the organisation accepted (a closed award keeps its reports). */
const REPORTING_AWARD_STATUSES = ["accepted", "closed"];

/** The reports a person may see: their own organisations' (applicants), all (the fund administrator), none (anyone else). */
export function reportScope(viewer: Viewer): Prisma.MonitoringReportWhereInput {
  if (viewer.role === "applicant") return { award: { bid: { organisation: { members: { some: { userId: viewer.id } } } } } };
  if (viewer.role === "fund_administrator") return {};
  return { id: { in: [] } };
}

export const reportPageSelect = {
  id: true,
  title: true,
  dueAt: true,
  status: true,
  progress: true,
  challenges: true,
  submittedAt: true,
  reviewedAt: true,
  reviewComment: true,
  award: {
    select: {
      id: true,
      roundId: true,
      status: true,
      amountPence: true,
      bid: {
        select: {
          id: true,
          title: true,
          reference: true,
          organisation: { select: { name: true } },
          round: { select: { name: true, maxDocumentBytes: true, fund: { select: { name: true } } } },
          outcomes: { select: { id: true, outcome: true, indicator: true, target: true }, orderBy: { position: "asc" } },
          budgetLines: { select: { id: true, item: true, costPence: true }, orderBy: { position: "asc" } },
        },
      },
    },
  },
  outcomes: { select: { bidOutcomeId: true, achievedValue: true, commentary: true } },
  budgetLines: { select: { budgetLineId: true, spentPence: true } },
  documents: { select: { id: true, originalName: true, sizeBytes: true, scanStatus: true, createdAt: true }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.MonitoringReportSelect;

export type ReportForPage = Prisma.MonitoringReportGetPayload<{ select: typeof reportPageSelect }>;

function findReport(where: Prisma.MonitoringReportWhereInput) {
  return db.monitoringReport.findFirst({ where, select: reportPageSelect });
}

/** One report of the bid, for a member of the bid's organisation; null otherwise (audited). */
export async function findReportForApplicant(bidId: string, reportId: string, viewer: Viewer): Promise<ReportForPage | null> {
  const report = await findReport({ id: reportId, award: { bidId, status: { in: REPORTING_AWARD_STATUSES } }, AND: [reportScope(viewer)] });
  if (!report) await auditAccessRefused(viewer.id, reportId, { bidId });
  return report;
}

/** One report of the round, for the fund administrator; null when there is none. */
export function findReportForReview(roundId: string, reportId: string, viewer: Viewer): Promise<ReportForPage | null> {
  return findReport({ id: reportId, award: { roundId }, AND: [reportScope(viewer)] });
}

async function auditAccessRefused(actorId: string, reportId: string, details: Record<string, unknown>) {
  await recordAudit({ actorId, action: "report.access_refused", outcome: "refused", subjectType: "monitoring_report", subjectId: reportId || null, details });
}

async function refused(actorId: string, action: string, reportId: string, result: Refused, details: Record<string, unknown> = {}): Promise<Refused> {
  await recordAudit({
    actorId,
    action,
    outcome: "refused",
    subjectType: "monitoring_report",
    subjectId: reportId || null,
    details: { ...details, reason: refusalReason(result.refusal) },
  });
  return result;
}

/** What the form shows for a stored report: every field as text, in the form's own names. */
/** Where a report has got to, as both its pages (the organisation's and the fund administrator's) show it. */
export function reportProgress(report: ReportForPage, now: Date) {
  return {
    id: report.id,
    title: report.title,
    dueAt: report.dueAt,
    status: report.status,
    overdue: isOverdue(report, now),
    submittedAt: report.submittedAt,
    reviewComment: report.reviewComment,
  };
}

export function reportFormValues(report: ReportForPage): FormObject {
  const outcomes: FormObject = {};
  for (const outcome of report.award.bid.outcomes) {
    const stored = report.outcomes.find((o) => o.bidOutcomeId === outcome.id);
    outcomes[outcome.id] = { achieved: stored?.achievedValue?.toString() ?? "", commentary: stored?.commentary ?? "" };
  }
  const spent: FormObject = {};
  for (const line of report.award.bid.budgetLines) {
    const stored = report.budgetLines.find((l) => l.budgetLineId === line.id);
    spent[line.id] = stored ? (stored.spentPence / 100).toFixed(2) : "";
  }
  return { outcomes, spent, progress: report.progress, challenges: report.challenges };
}

export const SUBMITTED_MESSAGE = "This report has been submitted, so it cannot be changed unless the fund team asks for changes";

/**
 * Saves the organisation's answers as a draft, or submits them (every answer required). All of
 * it is written in one transaction, only while the report may still be changed, so a refused
 * submission saves nothing and a submitted report is never changed by a late draft.
 */
export async function saveReport(input: {
  viewer: Viewer;
  bidId: string;
  reportId: string;
  intent: ReportIntent;
  values: FormObject;
  now: Date;
}): Promise<Result<{ status: string }>> {
  const { viewer, bidId, reportId, intent, now } = input;
  const action = intent === "submit" ? "report.submit_refused" : "report.save_refused";
  const report = await findReport({ id: reportId, award: { bidId, status: { in: REPORTING_AWARD_STATUSES } }, AND: [reportScope(viewer)] });
  if (!report) return refused(viewer.id, action, reportId, notFound("Not Found"), { bidId });
  const parsed = parseValues(input.values, reportSchema(report.award.bid.outcomes, report.award.bid.budgetLines, intent));
  if (!parsed.ok) return refused(viewer.id, action, reportId, { ok: false, refusal: parsed.refusal });
  const answers = parsed.data;
  // The fund administrators are told of a submission (rendered now, queued with the change).
  const notices: { idempotencyKey: string; to: string; rendered: RenderedEmail }[] = [];
  if (intent === "submit") {
    const administrators = await activeFundAdministrators();
    for (const administrator of administrators) {
      notices.push({
        idempotencyKey: emailKeys.reportSubmitted(reportId, now, administrator.id),
        to: administrator.email,
        rendered: await renderReportSubmitted({
          ...reportEmailDetails(report),
          recipientName: administrator.name,
          dueAt: report.dueAt,
          resubmitted: report.status === "changes_requested",
          reviewUrl: decisionLinks.reportReview(report.award.roundId, reportId),
        }),
      });
    }
  }
  const result = await db.$transaction(async (tx): Promise<Result<{ status: string }>> => {
    const current = await tx.monitoringReport.findUniqueOrThrow({ where: { id: reportId }, select: { status: true } });
    // A draft saved after changes were asked for keeps saying so until it is submitted again.
    const status = intent === "submit" ? "submitted" : current.status === "changes_requested" ? "changes_requested" : "draft";
    const claimed = await tx.monitoringReport.updateMany({
      where: { id: reportId, status: current.status, award: { status: "accepted" }, AND: [{ status: { in: [...EDITABLE_REPORT_STATUSES] } }] },
      data: {
        status,
        progress: answers.progress,
        challenges: answers.challenges,
        ...(intent === "submit" ? { submittedAt: now, submittedById: viewer.id } : {}),
      },
    });
    if (claimed.count === 0) return conflict(SUBMITTED_MESSAGE);
    await tx.reportOutcome.deleteMany({ where: { reportId } });
    await tx.reportOutcome.createMany({ data: answers.outcomes.map((o) => ({ reportId, ...o })) });
    await tx.reportBudgetLine.deleteMany({ where: { reportId } });
    await tx.reportBudgetLine.createMany({ data: answers.budgetLines.map((l) => ({ reportId, ...l })) });
    await recordAudit(
      {
        actorId: viewer.id,
        action: intent === "submit" ? "report.submitted" : "report.saved",
        subjectType: "monitoring_report",
        subjectId: reportId,
        before: { status: current.status },
        after: { status, outcomes: answers.outcomes.length, budgetLines: answers.budgetLines.length },
      },
      tx,
    );
    for (const notice of notices) await queueEmail(tx, notice);
    return { ok: true, status };
  });
  if (!result.ok) return refused(viewer.id, action, reportId, result);
  return result;
}

export type ReviewDecision = "accept" | "changes";

/**
 * The fund administrator accepts a submitted report or asks for changes, with a comment the
 * organisation is emailed. When every report of the award has been accepted the award is
 * `closed` (it still holds its money: ADR 0010; the round row is written first all the same).
 */
export async function reviewReport(input: {
  actorId: string;
  roundId: string;
  reportId: string;
  values: FormObject;
  now: Date;
}): Promise<Result<{ decision: ReviewDecision; awardClosed: boolean }>> {
  const { actorId, roundId, reportId, now } = input;
  const parsed = parseValues(input.values, reviewSchema);
  if (!parsed.ok) return refused(actorId, "report.review_refused", reportId, { ok: false, refusal: parsed.refusal });
  const { decision, comment } = parsed.data;
  const report = await db.monitoringReport.findFirst({
    where: { id: reportId, award: { roundId } },
    select: {
      id: true,
      title: true,
      status: true,
      award: { select: { id: true, bid: { select: reportEmailBidSelect } } },
    },
  });
  if (!report) return refused(actorId, "report.review_refused", reportId, notFound("Report not found"), { roundId });
  if (report.status !== "submitted") {
    return refused(
      actorId,
      "report.review_refused",
      reportId,
      conflict(`This report is not waiting for review: it is ${reportStatusLabel(report.status).toLowerCase()}`),
    );
  }
  const { bid } = report.award;
  const rendered = await renderReportReview({
    ...reportEmailDetails(report),
    recipientName: bid.organisation.contactName,
    decision,
    comment,
    reportUrl: decisionLinks.report(bid.id, report.id),
  });
  const result = await db.$transaction(async (tx): Promise<Result<{ decision: ReviewDecision; awardClosed: boolean }>> => {
    const status = decision === "accept" ? "accepted" : "changes_requested";
    const claimed = await tx.monitoringReport.updateMany({
      where: { id: reportId, status: "submitted" },
      data: { status, reviewedAt: now, reviewedById: actorId, reviewComment: comment },
    });
    if (claimed.count === 0) return conflict("This report has just been reviewed by someone else");
    await recordAudit(
      {
        actorId,
        action: decision === "accept" ? "report.accepted" : "report.changes_requested",
        subjectType: "monitoring_report",
        subjectId: reportId,
        before: { status: "submitted" },
        after: { status, comment },
      },
      tx,
    );
    await queueEmail(tx, { idempotencyKey: emailKeys.reportReview(reportId, now), to: bid.organisation.contactEmail, rendered });
    let awardClosed = false;
    if (decision === "accept") {
      const outstanding = await tx.monitoringReport.count({ where: { awardId: report.award.id, status: { not: "accepted" } } });
      if (outstanding === 0) {
        await lockRoundForMoney(tx, roundId, now);
        const closed = await tx.award.updateMany({ where: { id: report.award.id, status: "accepted" }, data: { status: "closed" } });
        awardClosed = closed.count === 1;
        if (awardClosed) {
          await recordAudit(
            {
              actorId,
              action: "award.closed",
              subjectType: "award",
              subjectId: report.award.id,
              before: { status: "accepted" },
              after: { status: "closed", because: "every report accepted" },
            },
            tx,
          );
        }
      }
    }
    return { ok: true, decision, awardClosed };
  });
  if (!result.ok) return refused(actorId, "report.review_refused", reportId, result);
  return result;
}

/** A report's answers joined to the bid's own outcomes and budget lines, for reading. */
export function reportAnswers(report: ReportForPage) {
  return {
    outcomes: report.award.bid.outcomes.map((o) => {
      const stored = report.outcomes.find((r) => r.bidOutcomeId === o.id);
      return { ...o, achievedValue: stored?.achievedValue ?? null, commentary: stored?.commentary ?? "" };
    }),
    budgetLines: report.award.bid.budgetLines.map((l) => ({ ...l, spentPence: report.budgetLines.find((r) => r.budgetLineId === l.id)?.spentPence ?? null })),
    progress: report.progress,
    challenges: report.challenges,
    documents: report.documents.map(({ id, originalName, sizeBytes, scanStatus }) => ({ id, originalName, sizeBytes, scanStatus })),
  };
}
