// Supporting documents kept in an S3 bucket (ADR 0013), against a real S3-speaking server
// (s3rver on loopback, started here): uploads land in the bucket, downloads stream back through
// the portal's access checks, and an upload the store refuses leaves the bid with no document.
import { DeleteBucketCommand, DeleteObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { s3Storage } from "~/domain/documents/s3-storage.server";
import { readStoredBytes } from "~/domain/documents/storage.server";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { applicantWithOrganisation, createDraft, createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";
import { pdfFile } from "../support/documents";
import { S3_TEST_CREDENTIALS, S3_TEST_REGION } from "../support/s3-server";

// The portal reads its storage settings once, so the server and bucket exist before any app module loads.
const s3 = await vi.hoisted(async () => {
  const { startS3Server } = await import("../support/s3-server");
  const server = await startS3Server();
  await server.createBucket("csf-documents");
  Object.assign(process.env, server.portalEnv("csf-documents"), { S3_SERVER_SIDE_ENCRYPTION: "AES256" });
  return server;
});
afterAll(() => s3.stop());

startEachTestEmpty();

const client = new S3Client({ region: S3_TEST_REGION, endpoint: s3.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
const bucket = s3Storage({
  bucket: "csf-documents",
  region: S3_TEST_REGION,
  endpoint: s3.endpoint,
  forcePathStyle: true,
  keyPrefix: "documents/",
  credentials: S3_TEST_CREDENTIALS,
});
const objectKeys = async () => ((await client.send(new ListObjectsV2Command({ Bucket: "csf-documents" }))).Contents ?? []).map((o) => o.Key!).sort();

let applicant: Awaited<ReturnType<typeof applicantWithOrganisation>>;
let bidId: string;

beforeEach(async () => {
  const round = await createRound();
  applicant = await applicantWithOrganisation();
  bidId = (await createDraft(round.id, applicant.organisation.id, applicant.user.id)).id;
});

function upload(bytes: Uint8Array, name = "constitution.pdf") {
  const form = new FormData();
  form.append("kind", "constitution");
  form.append("document", new File([Buffer.from(bytes)], name, { type: "application/pdf" }));
  return send(`/applicant/bids/${bidId}/documents`, { cookie: applicant.cookie, form });
}

describe("documents in an S3 bucket", () => {
  it("stores an upload as a private object under a generated key and streams it back to the applicant", async () => {
    const response = await upload(pdfFile());
    expect(response.status).toBe(302);
    const [document] = await db.bidDocument.findMany({ where: { bidId } });
    expect(await objectKeys()).toContain(`documents/${document!.storedName}`);
    expect((await readStoredBytes(bucket, document!.storedName))?.equals(Buffer.from(pdfFile()))).toBe(true);

    const download = await send(`/applicant/bids/${bidId}/documents/${document!.id}`, { cookie: applicant.cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Length")).toBe(String(pdfFile().byteLength));
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdfFile()))).toBe(true);
  });

  it("gives the bytes to nobody outside the bid, and removing the document removes the object", async () => {
    await upload(pdfFile());
    const [document] = await db.bidDocument.findMany({ where: { bidId } });
    const stranger = await applicantWithOrganisation("Another Organisation");
    expect((await send(`/applicant/bids/${bidId}/documents/${document!.id}`, { cookie: stranger.cookie })).status).toBe(404);
    const assessor = await signedInAs("assessor");
    expect((await send(`/assessor/bids/${bidId}/documents/${document!.id}`, { cookie: assessor.cookie })).status).toBe(404);

    const removed = await send(`/applicant/bids/${bidId}/documents`, {
      cookie: applicant.cookie,
      form: { intent: "remove-document", documentId: document!.id },
    });
    expect(removed.status).toBe(302);
    expect(await db.bidDocument.count({ where: { bidId } })).toBe(0);
    expect(await objectKeys()).not.toContain(`documents/${document!.storedName}`);
  });

  // Last in the file: it takes the bucket away.
  it("keeps no half-saved document when the bucket is missing, tells the applicant to try again, and is not ready", async () => {
    for (const key of await objectKeys()) await client.send(new DeleteObjectCommand({ Bucket: "csf-documents", Key: key }));
    await client.send(new DeleteBucketCommand({ Bucket: "csf-documents" }));

    const response = await upload(pdfFile());
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("The selected file could not be saved. Try again");
    expect(await db.bidDocument.count({ where: { bidId } })).toBe(0);
    const audit = await db.auditEvent.findFirst({ where: { action: "bid.document_refused", subjectId: bidId } });
    expect(audit?.details).toContain("storage_failed");

    const ready = await send("/readyz");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, database: "ok", storage: "unreachable" });
  });
});
