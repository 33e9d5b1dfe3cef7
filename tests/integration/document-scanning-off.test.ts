// With no scanner configured (the demo), uploads are marked "not scanned", stay downloadable as
// before, and the admin pages say scanning is off (ADR 0022).
import { beforeEach, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { applicantWithOrganisation, createDraft, createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";
import { pdfFile } from "../support/documents";

startEachTestEmpty();

let bidId: string;
let roundId: string;
let cookie: string;

beforeEach(async () => {
  const round = await createRound();
  roundId = round.id;
  const applicant = await applicantWithOrganisation();
  cookie = applicant.cookie;
  bidId = (await createDraft(round.id, applicant.organisation.id, applicant.user.id)).id;
});

it("marks uploads not scanned, lets staff download them, and says on the admin pages that scanning is off", async () => {
  expect(process.env.CLAMD_HOST ?? process.env.CLAMD_SOCKET).toBeUndefined();
  const form = new FormData();
  form.append("kind", "constitution");
  form.append("document", new File([Buffer.from(pdfFile())], "constitution.pdf", { type: "application/pdf" }));
  expect((await send(`/applicant/bids/${bidId}/documents`, { cookie, form })).status).toBe(302);
  const document = await db.bidDocument.findFirstOrThrow({ where: { bidId } });
  expect(document).toMatchObject({ scanStatus: "not_scanned", scannedAt: null, scanSignature: null });

  await db.bid.update({ where: { id: bidId }, data: { status: "submitted", submittedAt: new Date(), reference: "CSF-T-0001" } });
  const administrator = await signedInAs("fund_administrator");
  expect((await send(`/administrator/rounds/${roundId}/bids/${bidId}/documents/${document.id}`, { cookie: administrator.cookie })).status).toBe(200);

  const admin = await signedInAs("admin");
  const home = await (await send("/admin", { cookie: admin.cookie })).text();
  expect(home).toContain("virus scanning is off");
  const page = await (await send("/admin/documents", { cookie: admin.cookie })).text();
  expect(page).toContain("Off. Uploaded documents are not scanned for viruses");
  expect(page).toContain("No files are quarantined.");
});
