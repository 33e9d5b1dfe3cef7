import { e2eDb } from "./database";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// A monitoring report, with JavaScript on and off: the organisation is refused an incomplete
// submission, submits a whole report, and the fund administrator asks for nothing more and
// accepts it. Each page, and each error state, passes axe and the HTML check.

/**
 * An accepted award for the demo applicant's organisation, owing one overdue report: stands for
 * release and acceptance happening earlier. Its own round, whose pot the award has taken, so every
 * figure balances as it would after the real steps.
 */
async function seedAcceptedAward(label: string) {
  const db = await e2eDb();
  try {
    const fund = await db.fund.findUniqueOrThrow({ where: { slug: "community-safety-fund" } });
    const applicant = await db.user.findUniqueOrThrow({ where: { email: "applicant@demo.csf.test" } });
    const organisation = await db.organisation.findFirstOrThrow({ where: { members: { some: { userId: applicant.id } } } });
    const stamp = `${label}-${Date.now()}`;
    const round = await db.round.create({
      data: {
        fundId: fund.id,
        slug: `e2e-monitoring-${stamp}`,
        code: `E2E-MON-${stamp}`.toUpperCase(),
        name: `Monitoring test ${stamp}`,
        opensAt: new Date(Date.now() - 400 * 86_400_000),
        closesAt: new Date(Date.now() - 300 * 86_400_000),
        baseAllocationPence: 1_000_000,
        remainingPotPence: 100_000,
        minAwardPence: 100_000,
        maxAwardPence: 1_000_000,
        allocationStatus: "released",
        outcomesReleasedAt: new Date(Date.now() - 250 * 86_400_000),
      },
    });
    const bid = await db.bid.create({
      data: {
        roundId: round.id,
        organisationId: organisation.id,
        createdById: applicant.id,
        status: "awarded",
        submittedAt: new Date(Date.now() - 320 * 86_400_000),
        decidedAt: new Date(Date.now() - 250 * 86_400_000),
        reference: `CSF-${round.code}-0001`,
        title: `Monitoring ${stamp}`,
        projectStartDate: new Date(Date.now() - 200 * 86_400_000),
        projectEndDate: new Date(Date.now() + 160 * 86_400_000),
        outcomes: { create: [{ position: 0, outcome: "Young people feel safer", indicator: "Survey of young people", target: "75% of 120" }] },
        budgetLines: { create: [{ position: 0, item: "Youth workers", costPence: 900_000 }] },
      },
    });
    const award = await db.award.create({
      data: {
        bidId: bid.id,
        roundId: round.id,
        amountPence: 900_000,
        pccFundedPence: 900_000,
        matchFundedPence: 0,
        status: "accepted",
        respondedAt: new Date(),
      },
    });
    const report = await db.monitoringReport.create({ data: { awardId: award.id, title: "Mid-point report", dueAt: new Date(Date.now() - 2 * 86_400_000) } });
    return { roundId: round.id, bidId: bid.id, reportId: report.id };
  } finally {
    await db.$disconnect();
  }
}

test("an organisation submits a monitoring report and the fund administrator accepts it", async ({ page }, testInfo) => {
  const { roundId, bidId, reportId } = await seedAcceptedAward(testInfo.project.name);
  await signIn(page, "applicant@demo.csf.test");
  await page.goto(`/applicant/bids/${bidId}/reports/${reportId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mid-point report");
  await expect(page.getByText("Overdue")).toBeVisible();
  await expectAccessiblePage(page);

  // A draft with one answer is kept; submitting with answers missing is refused by each field.
  await page.getByLabel("Achieved so far for outcome 1").fill("64");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("Your draft has been saved.")).toBeVisible();
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a commentary on outcome 1");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessiblePage(page);

  await page.getByLabel("Commentary on outcome 1").fill("From the autumn survey.");
  await page.getByLabel("Spent so far on budget line 1: Youth workers").fill("4,500");
  await page.getByLabel("Progress").fill("Twenty sessions so far.");
  await page.getByLabel("Challenges").fill("None worth noting.");
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.getByText("Your report has been submitted.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save as draft" })).toHaveCount(0);
  await expectAccessiblePage(page);

  // The fund administrator, in the same browser.
  await page.context().clearCookies();
  await signIn(page, "administrator@demo.csf.test");
  await page.goto(`/administrator/rounds/${roundId}/reports`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Monitoring reports");
  await expectAccessiblePage(page);
  await page.goto(`/administrator/rounds/${roundId}/reports/${reportId}`);
  await expect(page.getByText("£4,500.00").first()).toBeVisible();
  await page.getByRole("button", { name: "Send review" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Select whether to accept the report or ask for changes");
  await expectAccessiblePage(page);
  await page.getByLabel("Accept the report").check();
  await page.getByLabel("Comment for the organisation").fill("Thank you, a clear report.");
  await page.getByRole("button", { name: "Send review" }).click();
  await expect(page.getByText(/The report has been accepted/)).toBeVisible();
  await expectAccessiblePage(page);

  await page.goto(`/administrator/rounds/${roundId}/monitoring`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Monitoring report schedule");
  await expectAccessiblePage(page);
});
