// Supporting documents: checked by content, limited in size, stored under generated names, and
// given back only to members of the bid's organisation, as attachments.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { env } from "~/lib/env.server";
import { db } from "~/lib/db.server";
import { send } from "../support/app";
import { applicantWithOrganisation, createDraft, createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";
import { docxFile, exeDisguisedAsPdf, htmlDisguisedAsPdf, jpegFile, odtFile, pdfFile, pngFile, zipDisguisedAsDocx } from "../support/documents";

startEachTestEmpty();

const MAX_BYTES = 64 * 1024;
let cookie: string;
let bidId: string;
let roundId: string;

beforeEach(async () => {
  const round = await createRound({ maxDocumentBytes: MAX_BYTES });
  roundId = round.id;
  const applicant = await applicantWithOrganisation();
  cookie = applicant.cookie;
  bidId = (await createDraft(round.id, applicant.organisation.id, applicant.user.id)).id;
});

function upload(kind: string, name: string, bytes: Uint8Array, type = "application/octet-stream", who = cookie) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("document", new File([Buffer.from(bytes)], name, { type }));
  return send(`/applicant/bids/${bidId}/documents`, { cookie: who, form });
}

const documents = () => db.bidDocument.findMany({ where: { bidId }, orderBy: { createdAt: "asc" } });

function storedFiles(): string[] {
  const root = resolve(env().DOCUMENT_STORAGE_DIR);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("uploading", () => {
  it.each([
    ["constitution", "constitution.pdf", pdfFile(), "application/pdf"],
    ["accounts", "accounts.docx", docxFile(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["safeguarding_policy", "policy.odt", odtFile(), "application/vnd.oasis.opendocument.text"],
    ["constitution", "scan.png", pngFile(), "image/png"],
    ["accounts", "photo.jpeg", jpegFile(), "image/jpeg"],
  ])("accepts a real %s file (%s) and records the type found in its content", async (kind, name, bytes, mediaType) => {
    const response = await upload(kind, name, bytes);
    expect(response.status).toBe(302);
    const [document] = await documents();
    expect(document).toMatchObject({ kind, originalName: name, mediaType, sizeBytes: bytes.byteLength });
    expect(document!.storedName).toMatch(/^[a-f0-9]{48}$/);
    expect(document!.storedName).not.toContain(name);
    expect(storedFiles().some((path) => path.endsWith(document!.storedName))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "bid.document_uploaded", subjectId: bidId } })).toBe(1);
  });

  it.each([
    ["a web page named .pdf", "constitution.pdf", htmlDisguisedAsPdf(), "application/pdf"],
    ["a plain zip named .docx", "accounts.docx", zipDisguisedAsDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["a program named .pdf", "policy.pdf", exeDisguisedAsPdf(), "application/pdf"],
  ])("refuses %s, whatever the browser says it is", async (_what, name, bytes, type) => {
    const before = storedFiles().length;
    const response = await upload("constitution", name, bytes, type);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("The selected file must be a PDF, DOCX, ODT, PNG or JPEG");
    expect(await documents()).toEqual([]);
    expect(storedFiles().length).toBe(before);
  });

  it("refuses a file over the round's size limit with a GOV.UK error, not a server error", async () => {
    const big = Buffer.concat([Buffer.from(pdfFile()), Buffer.alloc(MAX_BYTES)]);
    const response = await upload("constitution", "big.pdf", big);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("The selected file must be smaller than 64 KB");
    expect(html).toContain("<title>Error: Supporting documents");
    expect(await documents()).toEqual([]);
  });

  it("refuses an empty file, a missing file and a missing kind", async () => {
    expect(await (await upload("constitution", "empty.pdf", new Uint8Array())).text()).toContain("The selected file is empty");
    const noFile = new FormData();
    noFile.append("kind", "constitution");
    noFile.append("document", new File([], "", { type: "application/octet-stream" }));
    const missing = await send(`/applicant/bids/${bidId}/documents`, { cookie, form: noFile });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Select a file to upload");
    const noKind = await upload("passport", "constitution.pdf", pdfFile());
    expect(noKind.status).toBe(400);
    expect(await noKind.text()).toContain("Select which document you are uploading");
    expect(await documents()).toEqual([]);
  });

  it("replaces an earlier document of the same kind and removes its file", async () => {
    await upload("constitution", "old.pdf", pdfFile());
    const [old] = await documents();
    await upload("constitution", "new.docx", docxFile());
    const now = await documents();
    expect(now.map((d) => d.originalName)).toEqual(["new.docx"]);
    expect(storedFiles().some((path) => path.endsWith(old!.storedName))).toBe(false);
  });

  it("removes a document on request", async () => {
    await upload("constitution", "constitution.pdf", pdfFile());
    const [document] = await documents();
    const response = await send(`/applicant/bids/${bidId}/documents`, { cookie, form: { intent: "remove-document", documentId: document!.id } });
    expect(response.status).toBe(302);
    expect(await documents()).toEqual([]);
    expect(storedFiles().some((path) => path.endsWith(document!.storedName))).toBe(false);
  });

  it("completes the section only when all three documents are there", async () => {
    const early = await send(`/applicant/bids/${bidId}/documents`, { cookie, form: { intent: "save-and-continue" } });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("Upload your constitution or governing document");
    await upload("constitution", "c.pdf", pdfFile());
    await upload("accounts", "a.docx", docxFile());
    await upload("safeguarding_policy", "s.odt", odtFile());
    expect(JSON.parse((await db.bid.findUniqueOrThrow({ where: { id: bidId } })).sectionProgress)).toEqual({ documents: "in_progress" });
    const done = await send(`/applicant/bids/${bidId}/documents`, { cookie, form: { intent: "save-and-continue" } });
    expect(done.status).toBe(302);
    expect(JSON.parse((await db.bid.findUniqueOrThrow({ where: { id: bidId } })).sectionProgress)).toEqual({ documents: "completed" });
  });

  it("refuses uploads to a submitted bid", async () => {
    await db.bid.update({ where: { id: bidId }, data: { status: "submitted", reference: "CSF-T-0001" } });
    const response = await upload("constitution", "c.pdf", pdfFile());
    expect(response.status).toBe(409);
    expect(await documents()).toEqual([]);
  });
});

describe("downloading", () => {
  it("gives the file back as an attachment with its checked type and nosniff", async () => {
    await upload("constitution", "Our constitution (2024).pdf", pdfFile(), "text/html");
    const [document] = await documents();
    const response = await send(`/applicant/bids/${bidId}/documents/${document!.id}`, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Our constitution (2024).pdf"; filename*=UTF-8''Our%20constitution%20(2024).pdf`,
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(pdfFile()));
  });

  it("gives nothing to an applicant of another organisation", async () => {
    await upload("constitution", "c.pdf", pdfFile());
    const [document] = await documents();
    const stranger = await applicantWithOrganisation("Other group");
    const response = await send(`/applicant/bids/${bidId}/documents/${document!.id}`, { cookie: stranger.cookie });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("%PDF");
    // Nor through a bid of their own with this document's id.
    const theirs = await createDraft(roundId, stranger.organisation.id, stranger.user.id);
    expect((await send(`/applicant/bids/${theirs.id}/documents/${document!.id}`, { cookie: stranger.cookie })).status).toBe(404);
    // And they cannot upload to, or remove from, the bid.
    expect((await upload("accounts", "a.pdf", pdfFile(), "application/pdf", stranger.cookie)).status).toBe(404);
    expect(
      (await send(`/applicant/bids/${bidId}/documents`, { cookie: stranger.cookie, form: { intent: "remove-document", documentId: document!.id } })).status,
    ).toBe(404);
    expect((await documents()).length).toBe(1);
  });
});
