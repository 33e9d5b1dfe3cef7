import type { Page } from "@playwright/test";
import { localDiskStorage } from "../../app/domain/documents/storage.server";
import { e2eDb } from "./database";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// The scoring page shows the bid's supporting documents and offers each as a download; and its
// form checks each button against that button's rules in the browser: "Save as draft" is never
// held back by what only "Submit assessment" needs. Without JavaScript the server decides alone.
// Each test puts its own submitted bid, with documents, straight into the e2e server's database
// and assigns it to the demo assessor (the assignment journey has its own spec).

const ASSESSOR = "assessor@demo.csf.test";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "latin1");
let counter = 0;

async function seedAssignedBid() {
  const db = await e2eDb();
  try {
    const round = await db.round.findFirstOrThrow({ where: { slug: "2025-26-round-1" } });
    const organisation = await db.organisation.findFirstOrThrow({ where: { name: "Safe Streets CIC" }, include: { members: true } });
    const assessor = await db.user.findUniqueOrThrow({ where: { email: ASSESSOR } });
    const administrator = await db.user.findFirstOrThrow({ where: { role: "fund_administrator" } });
    counter += 1;
    const stamp = `${test.info().project.name}-${Date.now()}-${counter}`;
    const bid = await db.bid.create({
      data: {
        roundId: round.id,
        organisationId: organisation.id,
        createdById: organisation.members[0]!.userId,
        reference: `CSF-E2E-DOCS-${stamp}`,
        status: "submitted",
        title: `Street pastors ${stamp}`,
        summary: "Trained volunteers on the streets of Durham on Friday and Saturday nights.",
        amountRequestedPence: 400_000,
        submittedAt: new Date(),
        declarationsAcceptedAt: new Date(),
      },
    });
    const storage = localDiskStorage(`tmp/e2e-${process.env.E2E_PORT ?? 3100}/documents`);
    await db.bidDocument.create({
      data: {
        bidId: bid.id,
        kind: "constitution",
        originalName: "Street pastors constitution.pdf",
        storedName: await storage.put(PDF),
        mediaType: "application/pdf",
        sizeBytes: PDF.byteLength,
        uploadedById: organisation.members[0]!.userId,
      },
    });
    await db.assessorAssignment.create({ data: { bidId: bid.id, assessorId: assessor.id, assignedById: administrator.id } });
    return { id: bid.id, reference: bid.reference! };
  } finally {
    await db.$disconnect();
  }
}

/** Signs in as the assessor, says "no conflict" and arrives at the scoring page. */
async function openScoringPage(page: Page) {
  const bid = await seedAssignedBid();
  await signIn(page, ASSESSOR);
  await page.goto(`/assessor/bids/${bid.id}`);
  await page.getByRole("group", { name: "Do you have a conflict of interest?" }).getByLabel("No").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "The bid as submitted" })).toBeVisible();
  return bid;
}

test("the bid's documents are listed beside the scoring form and download as attachments", async ({ page }) => {
  const bid = await openScoringPage(page);
  const table = page.getByRole("table", { name: "Supporting documents" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("cell", { name: "Constitution or governing document", exact: true })).toBeVisible();
  const link = table.getByRole("link", { name: /Street pastors constitution\.pdf/ });
  await expect(link).toHaveAttribute("href", new RegExp(`^/assessor/bids/${bid.id}/documents/`));
  await expectAccessiblePage(page);

  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("Street pastors constitution.pdf");
});

test("saving a draft is not held back by what submitting needs; submitting is checked first", async ({ page }) => {
  await openScoringPage(page);
  const javaScript = test.info().project.use.javaScriptEnabled !== false;
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });

  await page.getByRole("button", { name: "Submit assessment" }).click();
  await expect(page.getByRole("alert").getByText("There is a problem")).toBeVisible();
  await expect(page.getByRole("link", { name: "Enter an overall comment" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  // With JavaScript the same messages come from the browser, without a round trip.
  expect(posts).toHaveLength(javaScript ? 0 : 1);
  await expectAccessiblePage(page);

  await page
    .getByRole("group", { name: /^Value for money/ })
    .getByLabel(/^1:/)
    .check();
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("Your draft has been saved.")).toBeVisible();
  await expect(page.getByText("There is a problem")).toHaveCount(0);
  await expect(page).not.toHaveTitle(/^Error: /);
  await expect(page.getByRole("group", { name: /^Value for money/ }).getByLabel(/^1:/)).toBeChecked();
});
