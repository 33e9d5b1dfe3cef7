// A bid's supporting documents beside the scoring form: listed for, and downloadable
// by, only an assessor assigned to the bid who has said they have no conflict of interest; and
// for the fund administrator once the bid is submitted. Anyone else, or a document of another
// bid, is refused.
import { describe, expect, it } from "vitest";
import { documentForAssessor } from "~/domain/assessment/assessor-bids.server";
import { buildSubmittedSnapshot } from "~/domain/bids/snapshot";
import { documentStorage } from "~/domain/documents/storage.server";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { assignDirectly, createAssessmentRound } from "../support/assessment";
import { startEachTestEmpty } from "../support/database";
import { pdfFile, pngFile } from "../support/documents";

startEachTestEmpty();

async function addDocument(bidId: string, uploadedById: string, kind: string, originalName: string, bytes: Uint8Array, mediaType: string) {
  return db.bidDocument.create({
    data: { bidId, kind, originalName, storedName: await documentStorage().put(bytes), mediaType, sizeBytes: bytes.byteLength, uploadedById },
  });
}

/** Two submitted bids with a document each; the first assessor is assigned both and has opened both. */
async function setUp() {
  const setup = await createAssessmentRound({ bids: 2, assessors: 3 });
  const [bid, otherBid] = setup.bids as [(typeof setup.bids)[0], (typeof setup.bids)[0]];
  const [assessor, conflicted, unassigned] = setup.assessors as [(typeof setup.assessors)[0], (typeof setup.assessors)[0], (typeof setup.assessors)[0]];
  const constitution = await addDocument(bid.id, setup.applicant.user.id, "constitution", "Our constitution (2024).pdf", pdfFile(), "application/pdf");
  const accounts = await addDocument(bid.id, setup.applicant.user.id, "accounts", "Accounts 2024–25.png", pngFile(), "image/png");
  const otherDocument = await addDocument(otherBid.id, setup.applicant.user.id, "constitution", "Other constitution.pdf", pdfFile(), "application/pdf");
  for (const b of [bid, otherBid]) {
    await assignDirectly(b.id, assessor.user.id, setup.administrator.user.id);
    expect((await send(`/assessor/bids/${b.id}`, { cookie: assessor.cookie, form: { conflict: "no" } })).status).toBe(302);
  }
  await assignDirectly(bid.id, conflicted.user.id, setup.administrator.user.id);
  return { ...setup, bid, otherBid, assessor, conflicted, unassigned, constitution, accounts, otherDocument };
}

const download = (bidId: string, documentId: string) => `/assessor/bids/${bidId}/documents/${documentId}`;

describe("supporting documents on the scoring page", () => {
  it("lists the bid's documents, each linked to its download, in the order the form asks for them", async () => {
    const { bid, assessor, constitution, accounts, otherDocument } = await setUp();
    const response = await send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("The bid as submitted");
    expect(html).toContain("Supporting documents");
    expect(html).toContain("Constitution or governing document");
    expect(html).toContain("Latest accounts");
    expect(html).toContain(`href="${download(bid.id, constitution.id)}"`);
    expect(html).toContain(`href="${download(bid.id, accounts.id)}"`);
    expect(html).toContain("Our constitution (2024).pdf");
    expect(html).toMatch(/Accounts 2024–25\.png.*1 KB/s);
    expect(html.indexOf("Our constitution (2024).pdf")).toBeLessThan(html.indexOf("Accounts 2024–25.png"));
    expect(html).not.toContain(otherDocument.id);
  });

  it("lists the documents as they were submitted when the bid has a snapshot", async () => {
    const { bid, assessor, constitution } = await setUp();
    const row = await db.bid.findUniqueOrThrow({
      where: { id: bid.id },
      include: {
        organisation: { select: { id: true, name: true } },
        round: { select: { id: true, name: true, code: true, smallBidThresholdPence: true, fund: { select: { code: true, name: true } } } },
        areas: { include: { area: true } },
        priorities: { include: { priority: true } },
        outcomes: true,
        budgetLines: true,
        documents: { where: { id: constitution.id } },
      },
    });
    const snapshot = buildSubmittedSnapshot(row, bid.reference!, new Date());
    await db.bid.update({ where: { id: bid.id }, data: { submittedSnapshot: JSON.stringify(snapshot) } });
    const html = await (await send(`/assessor/bids/${bid.id}/score`, { cookie: assessor.cookie })).text();
    expect(html).toContain("Our constitution (2024).pdf");
    expect(html).not.toContain("Accounts 2024–25.png");
  });

  it("says so when the bid has no documents", async () => {
    const { otherBid, otherDocument, assessor } = await setUp();
    await db.bidDocument.delete({ where: { id: otherDocument.id } });
    const html = await (await send(`/assessor/bids/${otherBid.id}/score`, { cookie: assessor.cookie })).text();
    expect(html).toContain("No supporting documents were uploaded with this bid.");
  });
});

describe("downloading a supporting document as an assessor", () => {
  it("gives the assigned assessor with no conflict the stored bytes, as an attachment", async () => {
    const { bid, assessor, constitution, accounts } = await setUp();
    const response = await send(download(bid.id, constitution.id), { cookie: assessor.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="Our constitution (2024).pdf"; filename*=UTF-8''Our%20constitution%20(2024).pdf`,
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(pdfFile()));

    const image = await send(download(bid.id, accounts.id), { cookie: assessor.cookie });
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(image.headers.get("Content-Disposition")).toBe(`attachment; filename="Accounts 2024_25.png"; filename*=UTF-8''Accounts%202024%E2%80%9325.png`);
    expect(Buffer.from(await image.arrayBuffer())).toEqual(Buffer.from(pngFile()));
  });

  it("refuses an assessor who has declared a conflict of interest (403), before or after opening the bid", async () => {
    const { bid, assessor, conflicted, constitution } = await setUp();
    await send(`/assessor/bids/${bid.id}`, { cookie: conflicted.cookie, form: { conflict: "yes", reason: "My sister is a trustee" } });
    const response = await send(download(bid.id, constitution.id), { cookie: conflicted.cookie });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("%PDF");

    // An assessor who said "no" and then declared a conflict loses access too.
    await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "yes", reason: "Found out I know the chair" } });
    expect((await send(download(bid.id, constitution.id), { cookie: assessor.cookie })).status).toBe(403);
    expect(await db.auditEvent.count({ where: { action: "bid.document_read", outcome: "refused", subjectId: bid.id } })).toBe(2);
  });

  it("sends an assessor who has not answered the conflict question back to it", async () => {
    const { bid, conflicted, constitution } = await setUp();
    const response = await send(download(bid.id, constitution.id), { cookie: conflicted.cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/assessor/bids/${bid.id}`);
  });

  it("does not find the bid for an assessor who is not assigned to it (404)", async () => {
    const { bid, unassigned, constitution } = await setUp();
    const response = await send(download(bid.id, constitution.id), { cookie: unassigned.cookie });
    expect(response.status).toBe(404);
    expect(await db.auditEvent.count({ where: { actorId: unassigned.user.id, action: "bid.document_read", outcome: "refused" } })).toBe(1);
  });

  it("does not find a document of another bid, even one the assessor may read, or one that does not exist (404)", async () => {
    const { bid, otherBid, assessor, constitution, otherDocument } = await setUp();
    const unassignedBid = await createAssessmentRound({ bids: 1, assessors: 1 });
    const elsewhere = await addDocument(
      unassignedBid.bids[0]!.id,
      unassignedBid.applicant.user.id,
      "constitution",
      "Elsewhere.pdf",
      pdfFile(),
      "application/pdf",
    );
    for (const path of [
      download(bid.id, otherDocument.id),
      download(otherBid.id, constitution.id),
      download(bid.id, elsewhere.id),
      download(bid.id, "no-such-document"),
    ]) {
      const response = await send(path, { cookie: assessor.cookie });
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain("%PDF");
    }
    expect(await db.auditEvent.count({ where: { actorId: assessor.user.id, action: "bid.document_access_refused", outcome: "refused" } })).toBe(4);
  });

  it("keeps the gate in the document query itself, whatever the route checked first", async () => {
    const { bid, assessor, conflicted, unassigned, constitution } = await setUp();
    const refused = async (assessorId: string) => (await documentForAssessor(assessorId, bid.id, constitution.id)) === null;
    expect((await documentForAssessor(assessor.user.id, bid.id, constitution.id))?.originalName).toBe("Our constitution (2024).pdf");
    expect(await refused(conflicted.user.id)).toBe(true); // assigned, question not answered
    expect(await refused(unassigned.user.id)).toBe(true);
    await send(`/assessor/bids/${bid.id}`, { cookie: assessor.cookie, form: { conflict: "yes", reason: "Found out I know the chair" } });
    expect(await refused(assessor.user.id)).toBe(true); // assessment opened, then a conflict declared
  });

  it("refuses other roles, including a member of the bid's organisation and the fund administrator", async () => {
    const { bid, constitution, administrator } = await setUp();
    const member = await signedInAs("applicant");
    await db.membership.create({ data: { organisationId: bid.organisationId, userId: member.user.id } });
    for (const cookie of [member.cookie, administrator.cookie, (await signedInAs("opcc_sign_off")).cookie, (await signedInAs("admin")).cookie]) {
      expect((await send(download(bid.id, constitution.id), { cookie })).status).toBe(403);
    }
    const anonymous = await send(download(bid.id, constitution.id));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });
});

describe("supporting documents for the fund administrator", () => {
  it("are listed on the bid's page and can be downloaded", async () => {
    const { round, bid, administrator, constitution } = await setUp();
    const page = await send(`/administrator/rounds/${round.id}/bids/${bid.id}`, { cookie: administrator.cookie });
    expect(page.status).toBe(200);
    const path = `/administrator/rounds/${round.id}/bids/${bid.id}/documents/${constitution.id}`;
    expect(await page.text()).toContain(`href="${path}"`);
    const response = await send(path, { cookie: administrator.cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; /);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(pdfFile()));
  });

  it("are not found for a draft bid, through another round, or under another bid (404); assessors are refused (403)", async () => {
    const { round, bid, otherBid, administrator, assessor, constitution } = await setUp();
    const otherRound = await createAssessmentRound({ bids: 1, assessors: 0 });
    const path = (roundId: string, bidId: string) => `/administrator/rounds/${roundId}/bids/${bidId}/documents/${constitution.id}`;
    expect((await send(path(otherRound.round.id, bid.id), { cookie: administrator.cookie })).status).toBe(404);
    expect((await send(path(round.id, otherBid.id), { cookie: administrator.cookie })).status).toBe(404);
    expect((await send(path(round.id, bid.id), { cookie: assessor.cookie })).status).toBe(403);
    await db.bid.update({ where: { id: bid.id }, data: { status: "draft" } });
    expect((await send(path(round.id, bid.id), { cookie: administrator.cookie })).status).toBe(404);
  });
});
