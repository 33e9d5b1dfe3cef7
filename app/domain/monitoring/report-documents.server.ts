// Supporting documents attached to a monitoring report: the same checks and storage as a bid's
// documents (ADR 0013), added and removed only while the report may be changed, and read only by
// people who may see the report, checked on every download.
import { recordAudit } from "~/domain/audit/audit.server";
import { ACCEPTED_TYPES_TEXT, formatFileSize } from "~/domain/documents/document-kinds";
import { cleanFileName } from "~/domain/documents/documents.server";
import { inspectDocument } from "~/domain/documents/inspect.server";
import { downloadVerdict, QUARANTINED_MESSAGE } from "~/domain/documents/scanner";
import { auditQuarantine, scanAgainIfDue, scanUpload } from "~/domain/documents/scanning.server";
import { documentStorage } from "~/domain/documents/storage.server";
import type { DocumentUpload } from "~/domain/documents/upload";
import { db, type Prisma } from "~/lib/db.server";
import { conflict, invalid, notFound, type Result } from "~/lib/refusal";
import { EDITABLE_REPORT_STATUSES, MAX_REPORT_DOCUMENTS } from "./report-status";
import { reportScope, SUBMITTED_MESSAGE, type Viewer } from "./reports.server";

/** The report, if the viewer may change it now: `updatedAt` is written so two changes queue. */
function editableReport(bidId: string, reportId: string, viewer: Viewer): Prisma.MonitoringReportWhereInput {
  return { id: reportId, status: { in: [...EDITABLE_REPORT_STATUSES] }, award: { bidId, status: "accepted" }, AND: [reportScope(viewer)] };
}

async function refusedDocument(viewer: Viewer, reportId: string, details: Record<string, unknown>) {
  await recordAudit({
    actorId: viewer.id,
    action: "report.document_refused",
    outcome: "refused",
    subjectType: "monitoring_report",
    subjectId: reportId,
    details,
  });
}

export async function addReportDocument(input: {
  viewer: Viewer;
  bidId: string;
  reportId: string;
  upload: DocumentUpload;
  maxBytes: number;
}): Promise<Result<{ documentId: string }>> {
  const { viewer, bidId, reportId, upload, maxBytes } = input;
  if (upload.problem || !upload.file) {
    if (upload.problem === "too_large") return invalid({ document: `The selected file must be smaller than ${formatFileSize(maxBytes)}` });
    if (upload.problem === "empty") return invalid({ document: "The selected file is empty" });
    return invalid({ document: "Select a file to upload" });
  }
  const file = upload.file;
  const inspection = await inspectDocument(file.bytes);
  if (!inspection.ok) {
    await refusedDocument(viewer, reportId, { detected: inspection.detected, name: cleanFileName(file.name) });
    return invalid({ document: `The selected file must be a ${ACCEPTED_TYPES_TEXT}` });
  }
  // Scanned before it is stored (ADR 0022); a scanner that is down leaves it pending, never a 500.
  const scan = await scanUpload(file.bytes);
  const storage = documentStorage();
  let storedName: string;
  try {
    storedName = await storage.put(file.bytes, { mediaType: inspection.mediaType });
  } catch (error) {
    console.error("monitoring: storing an upload failed", error);
    await refusedDocument(viewer, reportId, { reason: "storage_failed", name: cleanFileName(file.name) });
    return invalid({ document: "The selected file could not be saved. Try again" });
  }
  try {
    const result = await db.$transaction(async (tx): Promise<Result<{ documentId: string }>> => {
      const claimed = await tx.monitoringReport.updateMany({ where: editableReport(bidId, reportId, viewer), data: { updatedAt: new Date() } });
      if (claimed.count === 0) {
        const visible = await tx.monitoringReport.count({ where: { id: reportId, award: { bidId }, AND: [reportScope(viewer)] } });
        return visible ? conflict(SUBMITTED_MESSAGE, "document") : notFound();
      }
      if ((await tx.reportDocument.count({ where: { reportId } })) >= MAX_REPORT_DOCUMENTS) {
        return invalid({ document: `A report can have up to ${MAX_REPORT_DOCUMENTS} documents. Remove one to add another` });
      }
      const document = await tx.reportDocument.create({
        data: {
          reportId,
          originalName: cleanFileName(file.name),
          storedName,
          mediaType: inspection.mediaType,
          sizeBytes: file.bytes.byteLength,
          uploadedById: viewer.id,
          ...scan,
        },
        select: { id: true },
      });
      if (scan.scanStatus === "infected") await auditQuarantine({ table: "report", id: document.id, subjectId: reportId }, scan.scanSignature, viewer.id, tx);
      await recordAudit(
        {
          actorId: viewer.id,
          action: "report.document_uploaded",
          subjectType: "monitoring_report",
          subjectId: reportId,
          after: { documentId: document.id, mediaType: inspection.mediaType, sizeBytes: file.bytes.byteLength, scanStatus: scan.scanStatus },
        },
        tx,
      );
      return { ok: true, documentId: document.id };
    });
    if (!result.ok) {
      await storage.delete(storedName);
      await refusedDocument(viewer, reportId, { reason: result.refusal.kind });
      return result;
    }
    // Kept in quarantine (never served), and the applicant is told beside the field to upload another.
    if (scan.scanStatus === "infected") return invalid({ document: QUARANTINED_MESSAGE });
    return result;
  } catch (error) {
    await storage.delete(storedName);
    throw error;
  }
}

export async function removeReportDocument(input: { viewer: Viewer; bidId: string; reportId: string; documentId: string }): Promise<Result> {
  const { viewer, bidId, reportId, documentId } = input;
  const result = await db.$transaction(async (tx): Promise<Result<{ storedName: string }>> => {
    const claimed = await tx.monitoringReport.updateMany({ where: editableReport(bidId, reportId, viewer), data: { updatedAt: new Date() } });
    if (claimed.count === 0) {
      const visible = await tx.monitoringReport.count({ where: { id: reportId, award: { bidId }, AND: [reportScope(viewer)] } });
      return visible ? conflict(SUBMITTED_MESSAGE, "document") : notFound();
    }
    const document = await tx.reportDocument.findFirst({ where: { id: documentId, reportId }, select: { id: true, storedName: true } });
    if (!document) return notFound();
    await tx.reportDocument.delete({ where: { id: document.id } });
    await recordAudit(
      { actorId: viewer.id, action: "report.document_removed", subjectType: "monitoring_report", subjectId: reportId, before: { documentId } },
      tx,
    );
    return { ok: true, storedName: document.storedName };
  });
  if (!result.ok) {
    await refusedDocument(viewer, reportId, { reason: result.refusal.kind, documentId });
    return result;
  }
  await documentStorage().delete(result.storedName);
  return { ok: true };
}

/**
 * A report's document with its bytes as a stream, for someone who may see the report (the scope
 * is in the query); withheld when quarantined or not yet scanned (ADR 0022); or null. Refusals
 * are audited.
 */
export async function readReportDocument(input: { viewer: Viewer; reportId: string; documentId: string; where: Prisma.MonitoringReportWhereInput }) {
  const { viewer, reportId, documentId } = input;
  const document = await db.reportDocument.findFirst({
    where: { id: documentId, reportId, report: { AND: [{ id: reportId }, input.where, reportScope(viewer)] } },
    select: { id: true, originalName: true, storedName: true, mediaType: true, scanStatus: true, uploadedById: true },
  });
  const status = document
    ? await scanAgainIfDue(
        { table: "report", id: document.id, storedName: document.storedName, scanStatus: document.scanStatus, subjectId: reportId },
        viewer.id,
      )
    : null;
  const verdict = document && status ? downloadVerdict(status, document.uploadedById === viewer.id) : null;
  const stored = document && verdict === "allowed" ? await documentStorage().open(document.storedName) : null;
  if (!document || !stored) {
    await recordAudit({
      actorId: viewer.id,
      action: "report.document_access_refused",
      outcome: "refused",
      subjectType: "monitoring_report",
      subjectId: reportId || null,
      details: { documentId, ...(verdict && verdict !== "allowed" ? { reason: verdict } : {}) },
    });
    return verdict && verdict !== "allowed" ? { withheld: verdict } : null;
  }
  return { originalName: document.originalName, mediaType: document.mediaType, body: stored.body, sizeBytes: stored.sizeBytes };
}
