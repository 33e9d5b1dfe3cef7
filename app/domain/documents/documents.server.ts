// A bid's supporting documents: checked by content, stored under generated names, recorded with
// the bid, and given back only to people who may see the bid.
import { recordAudit, recordBidRefusal } from "~/domain/audit/audit.server";
import { refusedBidChange, visibleBid, type Viewer } from "~/domain/bids/bids.server";
import { parseSectionProgress, withSectionStatus } from "~/domain/bids/sections";
import { db, type Prisma } from "~/lib/db.server";
import { invalid, notFound, type Result } from "~/lib/refusal";
import { ACCEPTED_TYPES_TEXT, formatFileSize, inKindOrder, type DocumentKind } from "./document-kinds";
import { inspectDocument } from "./inspect.server";
import { downloadVerdict, QUARANTINED_MESSAGE } from "./scanner";
import { auditQuarantine, scanAgainIfDue, scanUpload } from "./scanning.server";
import { documentStorage } from "./storage.server";
import type { DocumentUpload } from "./upload";

/** A file name fit to show and to offer back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-200);
  return cleaned || "document";
}

export type AddDocumentResult = Result<{ documentId: string }>;

/** Checks an upload and stores it as the bid's document of that kind, replacing any earlier one. */
export async function addDocument(input: {
  bidId: string;
  viewer: Viewer;
  kind: DocumentKind;
  upload: DocumentUpload;
  maxBytes: number;
}): Promise<AddDocumentResult> {
  const { upload, maxBytes } = input;
  if (upload.problem === "missing" || !upload.file) {
    if (upload.problem === "too_large") return invalid({ document: `The selected file must be smaller than ${formatFileSize(maxBytes)}` });
    if (upload.problem === "empty") return invalid({ document: "The selected file is empty" });
    return invalid({ document: "Select a file to upload" });
  }
  const inspection = await inspectDocument(upload.file.bytes);
  if (!inspection.ok) {
    await recordBidRefusal(input.viewer.id, "bid.document_refused", input.bidId, { detected: inspection.detected, name: cleanFileName(upload.file.name) });
    return invalid({ document: `The selected file must be a ${ACCEPTED_TYPES_TEXT}` });
  }

  // Scanned before it is stored (ADR 0022); a scanner that is down leaves it pending, never a 500.
  const scan = await scanUpload(upload.file.bytes);
  const storage = documentStorage();
  let storedName: string;
  try {
    storedName = await storage.put(upload.file.bytes, { mediaType: inspection.mediaType });
  } catch (error) {
    // The store is down or refused the file: nothing was recorded, so the bid has no half-saved
    // document and the applicant can simply try again.
    console.error("documents: storing an upload failed", error);
    await recordBidRefusal(input.viewer.id, "bid.document_refused", input.bidId, { reason: "storage_failed", name: cleanFileName(upload.file.name) });
    return invalid({ document: "The selected file could not be saved. Try again" });
  }
  let replaced: string[] = [];
  let added: AddDocumentResult;
  try {
    const result = await db.$transaction(async (tx): Promise<AddDocumentResult> => {
      const claimed = await tx.bid.updateMany({ where: { ...visibleBid(input.bidId, input.viewer), status: "draft" }, data: { updatedAt: new Date() } });
      if (claimed.count === 0) return refusedBidChange(tx, input.bidId, input.viewer);
      const earlier = await tx.bidDocument.findMany({ where: { bidId: input.bidId, kind: input.kind }, select: { id: true, storedName: true } });
      await tx.bidDocument.deleteMany({ where: { id: { in: earlier.map((d) => d.id) } } });
      replaced = earlier.map((d) => d.storedName);
      const document = await tx.bidDocument.create({
        data: {
          bidId: input.bidId,
          kind: input.kind,
          originalName: cleanFileName(upload.file!.name),
          storedName,
          mediaType: inspection.mediaType,
          sizeBytes: upload.file!.bytes.byteLength,
          uploadedById: input.viewer.id,
          ...scan,
        },
        select: { id: true },
      });
      // An infected file is kept in quarantine (never served) and listed for the admins.
      if (scan.scanStatus === "infected")
        await auditQuarantine({ table: "bid", id: document.id, subjectId: input.bidId }, scan.scanSignature, input.viewer.id, tx);
      const { sectionProgress } = await tx.bid.findUniqueOrThrow({ where: { id: input.bidId }, select: { sectionProgress: true } });
      if (parseSectionProgress(sectionProgress).documents !== "completed") {
        await tx.bid.update({ where: { id: input.bidId }, data: { sectionProgress: withSectionStatus(sectionProgress, "documents", "in_progress") } });
      }
      await recordAudit(
        {
          actorId: input.viewer.id,
          action: "bid.document_uploaded",
          subjectType: "bid",
          subjectId: input.bidId,
          after: {
            documentId: document.id,
            kind: input.kind,
            mediaType: inspection.mediaType,
            sizeBytes: upload.file!.bytes.byteLength,
            replaced: earlier.length,
            scanStatus: scan.scanStatus,
          },
        },
        tx,
      );
      return { ok: true, documentId: document.id };
    });
    if (!result.ok) {
      await storage.delete(storedName);
      return result;
    }
    added = result;
  } catch (error) {
    await storage.delete(storedName);
    throw error;
  }
  // Files of replaced documents go only once their rows are gone for good.
  await Promise.all(replaced.map((name) => storage.delete(name)));
  // Kept, but the applicant is told straight away, beside the field, to upload another file.
  if (scan.scanStatus === "infected") return invalid({ document: QUARANTINED_MESSAGE });
  return added;
}

export async function removeDocument(input: { bidId: string; documentId: string; viewer: Viewer }): Promise<Result> {
  const result = await db.$transaction(async (tx): Promise<Result<{ storedName: string }>> => {
    const claimed = await tx.bid.updateMany({ where: { ...visibleBid(input.bidId, input.viewer), status: "draft" }, data: { updatedAt: new Date() } });
    if (claimed.count === 0) return refusedBidChange(tx, input.bidId, input.viewer);
    const document = await tx.bidDocument.findFirst({
      where: { id: input.documentId, bidId: input.bidId },
      select: { id: true, kind: true, storedName: true },
    });
    if (!document) return notFound();
    await tx.bidDocument.delete({ where: { id: document.id } });
    await recordAudit(
      {
        actorId: input.viewer.id,
        action: "bid.document_removed",
        subjectType: "bid",
        subjectId: input.bidId,
        before: { documentId: document.id, kind: document.kind },
      },
      tx,
    );
    return { ok: true, storedName: document.storedName };
  });
  if (result.ok) await documentStorage().delete(result.storedName);
  return result;
}

/**
 * A document and its bytes for someone allowed to see its bid (bidVisibleTo decides who; staff
 * read through findReadableDocument with their own scope), or null (audited).
 */
export function documentForViewer(input: { bidId: string; documentId: string; viewer: Viewer }) {
  return findReadableDocument(input.viewer.id, { bidId: input.bidId, documentId: input.documentId, bidScope: visibleBid(input.bidId, input.viewer) });
}

/** Why a document the reader may otherwise see is not handed over (ADR 0022). */
export type Withheld = { withheld: "quarantined" | "not_scanned_yet" };

/**
 * readBidDocument for a download: the document, a withheld marker (quarantined, or not scanned yet
 * and the reader is not its uploader), or null; refusals are audited. A document of another bid,
 * or of a bid outside the reader's scope, looks the same as none.
 */
export async function findReadableDocument(
  actorId: string,
  input: { bidId: string; documentId: string; bidScope: Prisma.BidWhereInput },
  details: Record<string, unknown> = {},
) {
  const document = await readBidDocument({ ...input, readerId: actorId });
  if (!document || "withheld" in document) {
    await recordAudit({
      actorId,
      action: "bid.document_access_refused",
      outcome: "refused",
      subjectType: "bid",
      subjectId: input.bidId || null,
      details: { ...details, documentId: input.documentId, ...(document ? { reason: document.withheld } : {}) },
    });
    return document;
  }
  return document;
}

/**
 * A document of the bid with its bytes as a stream, withheld, or null. `bidScope` is the reader's right to the bid, put
 * in the query itself: a document of another bid, or of a bid outside the scope, is not found.
 */
export async function readBidDocument(input: { bidId: string; documentId: string; bidScope: Prisma.BidWhereInput; readerId: string }) {
  const document = await db.bidDocument.findFirst({
    where: { id: input.documentId, bidId: input.bidId, bid: { AND: [{ id: input.bidId }, input.bidScope] } },
    select: { id: true, originalName: true, storedName: true, mediaType: true, sizeBytes: true, scanStatus: true, uploadedById: true },
  });
  if (!document) return null;
  const status = await scanAgainIfDue(
    { table: "bid", id: document.id, storedName: document.storedName, scanStatus: document.scanStatus, subjectId: input.bidId },
    input.readerId,
  );
  const verdict = downloadVerdict(status, document.uploadedById === input.readerId);
  if (verdict !== "allowed") return { withheld: verdict } satisfies Withheld;
  // Opened only now, after the access check above: the bytes are streamed, never held whole.
  const stored = await documentStorage().open(document.storedName);
  const { id, originalName, mediaType } = document;
  return stored ? { id, originalName, mediaType, body: stored.body, sizeBytes: stored.sizeBytes } : null;
}

export type ListedDocument = { id: string; kind: string; originalName: string; sizeBytes: number; scanStatus: string };

/** A bid's documents (none when the bid is outside `bidScope`), in the order the form asks for them. */
export async function listBidDocuments(bidId: string, bidScope: Prisma.BidWhereInput): Promise<ListedDocument[]> {
  const documents = await db.bidDocument.findMany({
    where: { bidId, bid: { AND: [{ id: bidId }, bidScope] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, originalName: true, sizeBytes: true, scanStatus: true },
  });
  return inKindOrder(documents);
}
