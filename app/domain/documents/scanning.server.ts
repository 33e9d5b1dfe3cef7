// Malware scanning of uploaded documents (ADR 0022): every upload is scanned before it is stored
// when a scanner is configured; a file the scanner could not be asked about stays "pending" and is
// scanned again when someone asks for it; a file found infected is quarantined (kept, never served).
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { clamdScanner } from "./clamd-scanner.server";
import type { DocumentScanner, ScanStatus, ScanVerdict } from "./scanner";
import { documentStorage } from "./storage.server";

let configured: DocumentScanner | null | undefined;

/** The configured scanner, or null when scanning is off (neither CLAMD_SOCKET nor CLAMD_HOST set). */
export function documentScanner(): DocumentScanner | null {
  if (configured === undefined) {
    const config = env();
    const timeout = { timeoutMs: config.CLAMD_TIMEOUT_MS };
    configured = config.CLAMD_SOCKET
      ? clamdScanner({ socketPath: config.CLAMD_SOCKET }, timeout)
      : config.CLAMD_HOST
        ? clamdScanner({ host: config.CLAMD_HOST, port: config.CLAMD_PORT }, timeout)
        : null;
  }
  return configured;
}

export type ScanFields = { scanStatus: ScanStatus; scannedAt: Date | null; scanSignature: string | null };

function fieldsOf(verdict: ScanVerdict, now = new Date()): ScanFields {
  if (verdict.verdict === "clean") return { scanStatus: "clean", scannedAt: now, scanSignature: null };
  if (verdict.verdict === "infected") return { scanStatus: "infected", scannedAt: now, scanSignature: verdict.signature.slice(0, 200) };
  return { scanStatus: "error", scannedAt: now, scanSignature: null };
}

/**
 * Scans an upload before it is stored. Never throws: with scanning off the file is "not_scanned";
 * a scanner that is down or slow leaves it "pending" (the upload itself still succeeds).
 */
export async function scanUpload(bytes: Uint8Array): Promise<ScanFields> {
  const scanner = documentScanner();
  if (!scanner) return { scanStatus: "not_scanned", scannedAt: null, scanSignature: null };
  try {
    const verdict = await scanner.scan(bytes);
    if (verdict.verdict === "error") console.error("documents: the scanner could not scan an upload:", verdict.reason);
    return fieldsOf(verdict);
  } catch (error) {
    console.error("documents: the scanner could not be reached; the upload stays pending", error);
    return { scanStatus: "pending", scannedAt: null, scanSignature: null };
  }
}

export type ScannedDocument = { table: "bid" | "report"; id: string; storedName: string; scanStatus: string; subjectId: string };

const NEEDS_SCAN: readonly string[] = ["pending", "error", "not_scanned"];

/**
 * Scans a stored document again if it has no clean or infected verdict and a scanner is on, and
 * records the answer (a conditional update, so two readers at once record it once). Returns the
 * status to judge the download by. A scanner that cannot be reached turns "not_scanned" into
 * "pending": scanning is on now, so nobody but the uploader gets the file until it is scanned.
 */
export async function scanAgainIfDue(document: ScannedDocument, actorId: string | null): Promise<string> {
  const scanner = documentScanner();
  if (!scanner || !NEEDS_SCAN.includes(document.scanStatus)) return document.scanStatus;
  let fields: ScanFields;
  try {
    const stored = await documentStorage().open(document.storedName);
    if (!stored) return document.scanStatus;
    fields = fieldsOf(await scanner.scan(stored.body));
  } catch (error) {
    console.error("documents: scanning a stored document again failed", error);
    fields = { scanStatus: "pending", scannedAt: null, scanSignature: null };
  }
  if (fields.scanStatus === document.scanStatus) return fields.scanStatus;
  const where = { id: document.id, scanStatus: document.scanStatus };
  const updated =
    document.table === "bid" ? await db.bidDocument.updateMany({ where, data: fields }) : await db.reportDocument.updateMany({ where, data: fields });
  if (updated.count === 1 && fields.scanStatus === "infected") await auditQuarantine(document, fields.scanSignature, actorId);
  return fields.scanStatus;
}

/** A quarantine is always in the audit log, whoever's request found it. */
export function auditQuarantine(
  document: Pick<ScannedDocument, "table" | "id" | "subjectId">,
  signature: string | null,
  actorId: string | null,
  client: Pick<Db, "auditEvent"> = db,
) {
  return recordAudit(
    {
      actorId,
      action: document.table === "bid" ? "bid.document_quarantined" : "report.document_quarantined",
      outcome: "refused",
      subjectType: document.table === "bid" ? "bid" : "monitoring_report",
      subjectId: document.subjectId,
      details: { documentId: document.id, signature },
    },
    client,
  );
}

export const QUARANTINE_PAGE_SIZE = 25;

export type QuarantinedDocument = {
  id: string;
  where: "bid" | "report";
  originalName: string;
  signature: string | null;
  scannedAt: Date | null;
  bidId: string;
  bidReference: string | null;
  bidTitle: string;
  roundId: string;
};

/**
 * Quarantined files of both kinds, newest first, a page at a time. The two tables are read up to
 * the end of the asked page and merged: quarantines are rare, so this stays small.
 */
export async function listQuarantine(page: number) {
  const infected = { scanStatus: "infected" };
  const [bidCount, reportCount] = await Promise.all([db.bidDocument.count({ where: infected }), db.reportDocument.count({ where: infected })]);
  const total = bidCount + reportCount;
  const pageCount = Math.max(1, Math.ceil(total / QUARANTINE_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const upTo = current * QUARANTINE_PAGE_SIZE;
  const newestFirst = { where: infected, orderBy: [{ scannedAt: "desc" as const }, { id: "asc" as const }], take: upTo };
  const documentFields = { id: true, originalName: true, scanSignature: true, scannedAt: true } as const;
  const bidFields = { select: { id: true, reference: true, title: true, roundId: true } } as const;
  const [bidRows, reportRows] = await Promise.all([
    db.bidDocument.findMany({ ...newestFirst, select: { ...documentFields, bid: bidFields } }),
    db.reportDocument.findMany({ ...newestFirst, select: { ...documentFields, report: { select: { award: { select: { bid: bidFields } } } } } }),
  ]);
  const rows = [...bidRows.map((d) => quarantined("bid", d, d.bid)), ...reportRows.map((d) => quarantined("report", d, d.report.award.bid))]
    .sort((a, b) => (b.scannedAt?.getTime() ?? 0) - (a.scannedAt?.getTime() ?? 0) || a.id.localeCompare(b.id))
    .slice(upTo - QUARANTINE_PAGE_SIZE, upTo);
  return { documents: rows, total, page: current, pageCount };
}

function quarantined(
  where: QuarantinedDocument["where"],
  document: { id: string; originalName: string; scanSignature: string | null; scannedAt: Date | null },
  bid: { id: string; reference: string | null; title: string; roundId: string },
): QuarantinedDocument {
  return {
    id: document.id,
    where,
    originalName: document.originalName,
    signature: document.scanSignature,
    scannedAt: document.scannedAt,
    bidId: bid.id,
    bidReference: bid.reference,
    bidTitle: bid.title,
    roundId: bid.roundId,
  };
}

/** For the admin page: whether scanning is on, whether the scanner answers, and files still waiting. */
export async function scanningSummary() {
  const scanner = documentScanner();
  let reachable: boolean | null = null;
  if (scanner) {
    try {
      await scanner.check();
      reachable = true;
    } catch {
      reachable = false;
    }
  }
  const waiting = { scanStatus: { in: ["pending", "error"] } };
  const [bidWaiting, reportWaiting] = await Promise.all([db.bidDocument.count({ where: waiting }), db.reportDocument.count({ where: waiting })]);
  return { on: Boolean(scanner), kind: scanner?.kind ?? "none", reachable, waiting: bidWaiting + reportWaiting };
}
