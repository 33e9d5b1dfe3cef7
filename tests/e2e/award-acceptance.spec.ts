import { e2eDb } from "./database";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// After release, with JavaScript on and off: the applicant accepts one award (declaring the
// conditions and that the fund holds their bank details) and declines another; the administrator
// sees the answers, reminds the third and records money returned on the accepted one. A released
// round is seeded straight into the e2e server's database (the release itself has its own spec).

const DAY = 86_400_000;

async function seedReleasedRound(label: string) {
  const db = await e2eDb();
  try {
    const fund = await db.fund.findUniqueOrThrow({ where: { slug: "community-safety-fund" } });
    const organisation = await db.organisation.findFirstOrThrow({ where: { members: { some: { user: { email: "applicant@demo.csf.test" } } } } });
    const applicant = await db.user.findUniqueOrThrow({ where: { email: "applicant@demo.csf.test" } });
    const stamp = `${label}-${Date.now()}`;
    const now = Date.now();
    const awards = [
      { title: "Safer parks", amount: 400_000, conditions: "Report the number of park patrols.\nCredit the PCC's funding." },
      { title: "Night bus marshals", amount: 300_000, conditions: "" },
      { title: "Graffiti clean-up", amount: 200_000, conditions: "" },
    ];
    const round = await db.round.create({
      data: {
        fundId: fund.id,
        slug: `e2e-awards-${stamp}`,
        code: `E2E-${stamp}`,
        name: `Awards test ${stamp}`,
        opensAt: new Date(now - 60 * DAY),
        closesAt: new Date(now - 30 * DAY),
        baseAllocationPence: 1_000_000,
        remainingPotPence: 100_000,
        minAwardPence: 100_000,
        maxAwardPence: 1_000_000,
        allocationStatus: "released",
        outcomesReleasedAt: new Date(now - DAY),
        reportStages: { create: [{ position: 0, title: "Final report", relativeTo: "end", offsetDays: 30 }] },
      },
    });
    const bids: { id: string; reference: string }[] = [];
    for (const [i, a] of awards.entries()) {
      const reference = `CSF-${round.code}-${String(i + 1).padStart(4, "0")}`;
      const bid = await db.bid.create({
        data: {
          roundId: round.id,
          organisationId: organisation.id,
          createdById: applicant.id,
          reference,
          status: "awarded",
          title: a.title,
          amountRequestedPence: a.amount,
          submittedAt: new Date(now - 40 * DAY),
          decidedAt: new Date(now - DAY),
          projectStartDate: new Date(now + 30 * DAY),
          projectEndDate: new Date(now + 200 * DAY),
          award: {
            create: {
              roundId: round.id,
              amountPence: a.amount,
              pccFundedPence: a.amount,
              matchFundedPence: 0,
              conditions: a.conditions,
              status: "released",
              approvedAt: new Date(now - 2 * DAY),
              acceptBy: new Date(now + 27 * DAY),
            },
          },
        },
      });
      bids.push({ id: bid.id, reference });
    }
    return { roundId: round.id, bids };
  } finally {
    await db.$disconnect();
  }
}

async function signOut(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: /Sign out/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/applicant") && !url.pathname.startsWith("/administrator"));
}

test("the applicant accepts and declines awards, and the administrator reminds and records money returned", async ({ page }, testInfo) => {
  const { roundId, bids } = await seedReleasedRound(testInfo.project.name);
  const [accepted, declined, waiting] = bids as [(typeof bids)[number], (typeof bids)[number], (typeof bids)[number]];

  await signIn(page, "applicant@demo.csf.test");
  await page.goto(`/applicant/bids/${accepted.id}/award`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accept or decline your award");
  await expect(page.getByText("Report the number of park patrols.")).toBeVisible();
  await expect(page.getByText(/We do not ask for or keep bank details/)).toBeVisible();
  await expectAccessiblePage(page);

  // Both declarations are needed.
  await page.getByLabel("I accept the conditions of this award on behalf of my organisation").check();
  await page.getByRole("button", { name: "Accept the award" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Confirm that the fund administrator holds your organisation's bank details");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessiblePage(page);

  await page.getByLabel("I accept the conditions of this award on behalf of my organisation").check();
  await page.getByLabel("I confirm the fund administrator holds our organisation's bank details").check();
  await page.getByRole("button", { name: "Accept the award" }).click();
  await expect(page.getByText("You have accepted the award.", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your award");
  await expect(page.getByText(/Final report: due/)).toBeVisible();
  await expectAccessiblePage(page);

  // Declining needs a reason.
  await page.goto(`/applicant/bids/${declined.id}/award`);
  await page.getByRole("button", { name: "Decline the award" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter why your organisation is declining the award");
  await page.getByLabel("Why is your organisation declining the award?").fill("Our volunteers have moved on.");
  await page.getByRole("button", { name: "Decline the award" }).click();
  await expect(page.getByText("You have declined the award.", { exact: false })).toBeVisible();
  await expectAccessiblePage(page);
  await signOut(page);

  await signIn(page, "administrator@demo.csf.test");
  await page.goto(`/administrator/rounds/${roundId}/awards`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Awards");
  await expect(page.getByTestId("remaining-pot")).toHaveText("£4,000.00");
  await expect(page.getByText("1 of 3 awards has not been accepted yet", { exact: false })).toBeVisible();
  await expectAccessiblePage(page);

  await page.getByRole("link", { name: "Not yet accepted" }).click();
  await expect(page.getByRole("cell", { name: new RegExp(`^${waiting.reference} `) })).toBeVisible();
  await page.getByRole("button", { name: /Send a reminder/ }).click();
  await expect(page.getByText(/A reminder to accept or decline has been sent/)).toBeVisible();
  await expectAccessiblePage(page);

  await page.goto(`/administrator/rounds/${roundId}/awards`);
  await page.getByRole("link", { name: `Record money returned on ${accepted.reference}` }).click();
  await page.getByLabel("Amount").fill("4000.01");
  await page.getByLabel("The organisation returned it unspent").check();
  await page.getByLabel("Reason").fill("The parks project cost less than planned.");
  await page.getByRole("button", { name: "Record money returned" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("You can record at most £4,000.00");
  await expectAccessiblePage(page);
  await page.getByLabel("Amount").fill("750");
  await page.getByRole("button", { name: "Record money returned" }).click();
  await expect(page.getByText(/£750.00 returned unspent on .* has been recorded/)).toBeVisible();
  await expect(page.getByTestId("remaining-pot")).toHaveText("£4,750.00");
  await expectAccessiblePage(page);
});
