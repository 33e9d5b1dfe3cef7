// Malware scanning of uploads (ADR 0022) against a real clamd (started here, with only our own
// test signature): a clean file is downloadable by staff; an infected one is quarantined, refused
// to everyone and audited; with clamd down an upload still succeeds but stays pending, withheld
// from staff until a later download finds clamd back and scans it.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { QUARANTINED_MESSAGE } from "~/domain/documents/scanner";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { applicantWithOrganisation, completeDraft, createDraft, createRound, type TestRound } from "../support/bids";
import { markedPdfFile, TEST_SIGNATURE_NAME } from "../support/clamd";
import { startEachTestEmpty } from "../support/database";
import { pdfFile } from "../support/documents";
import { createMonitoringReports } from "~/domain/monitoring/schedule.server";

// The portal reads its scanner settings once, so clamd runs before any app module loads.
const clamd = await vi.hoisted(async () => {
  const { startClamd } = await import("../support/clamd");
  const server = await startClamd();
  Object.assign(process.env, server.portalEnv());
  return server;
});
afterAll(() => clamd.close());

startEachTestEmpty();

let round: TestRound;
let applicant: Awaited<ReturnType<typeof applicantWithOrganisation>>;
let bidId: string;

beforeEach(async () => {
  round = await createRound();
  applicant = await applicantWithOrganisation();
  bidId = (await createDraft(round.id, applicant.organisation.id, applicant.user.id)).id;
});

function upload(bytes: Uint8Array, kind = "constitution", cookie = applicant.cookie) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("document", new File([Buffer.from(bytes)], "constitution.pdf", { type: "application/pdf" }));
  return send(`/applicant/bids/${bidId}/documents`, { cookie, form });
}

async function submitted() {
  await db.bid.update({ where: { id: bidId }, data: { status: "submitted", submittedAt: new Date(), reference: `CSF-${round.code}-0001` } });
  return signedInAs("fund_administrator");
}

const staffPath = (documentId: string) => `/administrator/rounds/${round.id}/bids/${bidId}/documents/${documentId}`;
const applicantPath = (documentId: string) => `/applicant/bids/${bidId}/documents/${documentId}`;

describe("scanning bid documents with clamd", () => {
  it("records a clean file as clean, and staff can download it", async () => {
    expect((await upload(pdfFile())).status).toBe(302);
    const document = await db.bidDocument.findFirstOrThrow({ where: { bidId } });
    expect(document).toMatchObject({ scanStatus: "clean", scanSignature: null });
    expect(document.scannedAt).toBeInstanceOf(Date);
    const administrator = await submitted();
    const download = await send(staffPath(document.id), { cookie: administrator.cookie });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdfFile()))).toBe(true);
  });

  it("quarantines an infected file: the uploader is told, nobody can download it, it is audited and listed for the admins", async () => {
    const response = await upload(markedPdfFile());
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain(QUARANTINED_MESSAGE);
    const document = await db.bidDocument.findFirstOrThrow({ where: { bidId } });
    expect(document).toMatchObject({ scanStatus: "infected", scanSignature: TEST_SIGNATURE_NAME });
    const quarantined = await db.auditEvent.findFirstOrThrow({ where: { action: "bid.document_quarantined", subjectId: bidId } });
    expect(JSON.parse(quarantined.details!)).toEqual({ documentId: document.id, signature: TEST_SIGNATURE_NAME });

    // The documents page shows it without a link, with the message, and the section is not done.
    const page = await (await send(`/applicant/bids/${bidId}/documents`, { cookie: applicant.cookie })).text();
    expect(page).toContain(QUARANTINED_MESSAGE);
    expect(page).not.toContain(`href="${applicantPath(document.id)}"`);
    const saved = await send(`/applicant/bids/${bidId}/documents`, { cookie: applicant.cookie, form: { intent: "save-and-continue" } });
    expect(await saved.text()).toContain("Upload your constitution or governing document");

    // Not even the uploader gets the bytes; staff neither.
    const own = await send(applicantPath(document.id), { cookie: applicant.cookie });
    expect(own.status).toBe(303);
    expect(own.headers.get("Location")).toBe("/documents/unavailable?reason=quarantined");
    const administrator = await submitted();
    const staff = await send(staffPath(document.id), { cookie: administrator.cookie });
    expect(staff.status).toBe(303);
    expect(staff.headers.get("Location")).toBe("/documents/unavailable?reason=quarantined");
    const refusals = await db.auditEvent.findMany({ where: { action: "bid.document_access_refused", subjectId: bidId } });
    expect(refusals.map((e) => JSON.parse(e.details!).reason)).toEqual(["quarantined", "quarantined"]);
    const explained = await send("/documents/unavailable?reason=quarantined", { cookie: administrator.cookie });
    expect(explained.status).toBe(200);
    expect(await explained.text()).toContain("This file cannot be downloaded");

    const admin = await signedInAs("admin");
    const adminPage = await (await send("/admin/documents", { cookie: admin.cookie })).text();
    expect(adminPage).toContain("On (clamd)");
    expect(adminPage).toContain("The scanner is answering");
    expect(adminPage).toContain("1 quarantined file");
    expect(adminPage).toContain(TEST_SIGNATURE_NAME);
  });

  it("keeps an upload pending when clamd is down (no server error), withholds it from staff, and scans it when clamd is back", async () => {
    await clamd.stop();
    try {
      const response = await upload(pdfFile());
      expect(response.status).toBe(302);
      const document = await db.bidDocument.findFirstOrThrow({ where: { bidId } });
      expect(document).toMatchObject({ scanStatus: "pending", scannedAt: null });

      const administrator = await submitted();
      const staff = await send(staffPath(document.id), { cookie: administrator.cookie });
      expect(staff.status).toBe(303);
      expect(staff.headers.get("Location")).toBe("/documents/unavailable?reason=not_scanned_yet");
      // Its uploader had the file already, and may have it back.
      expect((await send(applicantPath(document.id), { cookie: applicant.cookie })).status).toBe(200);
      expect((await db.bidDocument.findUniqueOrThrow({ where: { id: document.id } })).scanStatus).toBe("pending");

      const admin = await signedInAs("admin");
      const adminPage = await (await send("/admin/documents", { cookie: admin.cookie })).text();
      expect(adminPage).toContain("The scanner is not answering");
      expect(adminPage).toContain("1 file, checked again");
    } finally {
      await clamd.start();
    }
    const document = await db.bidDocument.findFirstOrThrow({ where: { bidId } });
    const administrator = await signedInAs("fund_administrator");
    expect((await send(staffPath(document.id), { cookie: administrator.cookie })).status).toBe(200);
    expect(await db.bidDocument.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({ scanStatus: "clean" });
  });

  it("finds an infected file on a later download when it was uploaded while clamd was down", async () => {
    await clamd.stop();
    try {
      expect((await upload(markedPdfFile())).status).toBe(302);
    } finally {
      await clamd.start();
    }
    const document = await db.bidDocument.findFirstOrThrow({ where: { bidId } });
    expect(document.scanStatus).toBe("pending");
    const administrator = await submitted();
    const staff = await send(staffPath(document.id), { cookie: administrator.cookie });
    expect(staff.headers.get("Location")).toBe("/documents/unavailable?reason=quarantined");
    expect(await db.bidDocument.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({
      scanStatus: "infected",
      scanSignature: TEST_SIGNATURE_NAME,
    });
    expect(await db.auditEvent.count({ where: { action: "bid.document_quarantined", subjectId: bidId, actorId: administrator.user.id } })).toBe(1);
  });

  it("refuses a scan status outside the known ones (CHECK constraint)", async () => {
    await upload(pdfFile());
    const document = await db.bidDocument.findFirstOrThrow({ where: { bidId } });
    await expect(db.bidDocument.update({ where: { id: document.id }, data: { scanStatus: "probably_fine" } })).rejects.toThrow();
  });
});

describe("scanning monitoring report documents with clamd", () => {
  async function acceptedAwardReport() {
    await completeDraft(bidId, round, applicant.user.id);
    await db.bid.update({ where: { id: bidId }, data: { status: "submitted", submittedAt: new Date(), reference: `CSF-${round.code}-0001` } });
    await db.reportStage.create({ data: { roundId: round.id, position: 0, title: "Final report", relativeTo: "end", offsetDays: 28 } });
    const award = await db.award.create({
      data: { bidId, roundId: round.id, amountPence: 1_200_000, pccFundedPence: 1_200_000, matchFundedPence: 0, status: "accepted", respondedAt: new Date() },
    });
    await db.$transaction((tx) => createMonitoringReports(tx, award.id, new Date()));
    return db.monitoringReport.findFirstOrThrow({ where: { awardId: award.id } });
  }

  it("quarantines an infected report document and refuses it to the fund administrator; a clean one downloads", async () => {
    const report = await acceptedAwardReport();
    const reportPath = `/applicant/bids/${bidId}/reports/${report.id}`;
    const reviewPath = `/administrator/rounds/${round.id}/reports/${report.id}`;
    const attach = (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.append("document", new File([Buffer.from(bytes)], name, { type: "application/pdf" }));
      return send(reportPath, { cookie: applicant.cookie, form });
    };
    const infected = await attach(markedPdfFile(), "attendance.pdf");
    expect(infected.status).toBe(400);
    expect(await infected.text()).toContain(QUARANTINED_MESSAGE);
    expect((await attach(pdfFile(), "register.pdf")).status).toBe(302);
    const bad = await db.reportDocument.findFirstOrThrow({ where: { reportId: report.id, originalName: "attendance.pdf" } });
    const good = await db.reportDocument.findFirstOrThrow({ where: { reportId: report.id, originalName: "register.pdf" } });
    expect(bad).toMatchObject({ scanStatus: "infected", scanSignature: TEST_SIGNATURE_NAME });
    expect(good.scanStatus).toBe("clean");
    expect(await db.auditEvent.count({ where: { action: "report.document_quarantined", subjectId: report.id } })).toBe(1);

    const administrator = await signedInAs("fund_administrator");
    const refused = await send(`${reviewPath}/documents/${bad.id}`, { cookie: administrator.cookie });
    expect(refused.status).toBe(303);
    expect(refused.headers.get("Location")).toBe("/documents/unavailable?reason=quarantined");
    expect((await send(`${reportPath}/documents/${bad.id}`, { cookie: applicant.cookie })).status).toBe(303);
    expect((await send(`${reviewPath}/documents/${good.id}`, { cookie: administrator.cookie })).status).toBe(200);

    const admin = await signedInAs("admin");
    const adminPage = await (await send("/admin/documents", { cookie: admin.cookie })).text();
    expect(adminPage).toContain("attendance.pdf");
    expect(adminPage).toContain("Monitoring report of bid");
  });
});
