import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

// Both projects run against one seeded server, one after the other; each scores its own demo bid
// so the runs do not depend on each other. The assessors agree on every criterion but the first,
// where they differ by more than the round's spread (2); the administrator moderates it to
// `score`, so the weighted score is score / 4.
const PLAN = {
  javascript: { reference: "CSF-2526-R1-0001", score: "3", first: ["3", "0"], expected: "75.0%" },
  "no-javascript": { reference: "CSF-2526-R1-0002", score: "2", first: ["4", "0"], expected: "50.0%" },
} as const;

const CRITERIA = ["Supports PCC and partner objectives", "Measurable, community-based outcomes", "Value for money", "Deliverability"];

async function signOut(page: Page) {
  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/$/);
}

async function scoreAs(page: Page, email: string, reference: string, score: string, firstScore: string) {
  await signIn(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bids to assess");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: new RegExp(reference) }).click();

  await expect(page.getByRole("group", { name: "Do you have a conflict of interest?" })).toBeVisible();
  await expect(page.getByText("Volunteer street patrols")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("group", { name: "Do you have a conflict of interest?" }).getByLabel("No").check();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(/\/score$/);
  await expect(page.getByRole("heading", { name: "The bid as submitted" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Submitting an empty form shows every problem and keeps the page.
  await page.getByRole("button", { name: "Submit assessment" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Select your overall recommendation");
  await expect(page).toHaveTitle(/^Error: Score/);
  await expectNoAxeViolations(page);

  for (const [index, criterion] of CRITERIA.entries()) {
    const value = index === 0 ? firstScore : score;
    await page.getByRole("group", { name: new RegExp(criterion) }).getByLabel(new RegExp(`^${value}:`)).check();
    if (Number(value) <= 1) await page.getByLabel(new RegExp(`^Comment on ${criterion.toLowerCase()}`, "i")).fill("Little evidence of this.");
  }
  await page.getByRole("group", { name: "Your overall recommendation" }).getByLabel("Fund", { exact: true }).check();
  await page.getByLabel("Overall comment").fill("Clear plan with measurable outcomes.");
  await page.getByRole("button", { name: "Submit assessment" }).click();

  await expect(page).toHaveURL(/\/assessor\?submitted=/);
  await expect(page.locator(".govuk-notification-banner")).toContainText(`Your assessment of ${reference} has been submitted.`);
  await expectNoAxeViolations(page);
  await signOut(page);
}

test("the administrator assigns automatically, two assessors score, a divergent score is moderated and the ranking shows the bid", async ({ page }, testInfo) => {
  const plan = PLAN[testInfo.project.name as keyof typeof PLAN];

  await signIn(page, "administrator@demo.csf.test");
  // The round's other assessment pages: the rules (locked, as the demo round is open) and screening.
  await page.getByRole("link", { name: /Assessment rules/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assessment rules");
  await expect(page.locator(".govuk-inset-text")).toContainText("cannot be changed now");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Back to fund administration" }).click();
  await page.getByRole("link", { name: /Screen bids/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Screen bids for eligibility");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Back to fund administration" }).click();
  await page.getByRole("link", { name: /Assign assessors/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assign assessors");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Assign automatically" }).click();
  await expect(page.locator(".govuk-notification-banner")).toBeVisible();
  const bid = page.getByRole("region", { name: new RegExp(plan.reference) });
  await expect(bid).toContainText("Ben Morris");
  await expect(bid).toContainText("Chloe Davies");
  await expectNoAxeViolations(page);
  await signOut(page);

  await scoreAs(page, "assessor@demo.csf.test", plan.reference, plan.score, plan.first[0]);
  await scoreAs(page, "assessor2@demo.csf.test", plan.reference, plan.score, plan.first[1]);

  await signIn(page, "administrator@demo.csf.test");
  await page.getByRole("link", { name: /Scores and ranking/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scores and ranking");
  const row = page.getByRole("row", { name: new RegExp(plan.reference) });
  await expect(row).toContainText("Needs moderation");
  await expectNoAxeViolations(page);
  await row.getByRole("link", { name: plan.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(plan.reference);
  await expectNoAxeViolations(page);

  await page.getByLabel(`Moderated score for ${CRITERIA[0]} (0 to 4)`).fill(plan.score);
  await page.getByRole("button", { name: "Save moderated score" }).first().click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the reason for the moderated score");
  await expectNoAxeViolations(page);
  await page.getByLabel(`Moderated score for ${CRITERIA[0]} (0 to 4)`).fill(plan.score);
  await page.getByLabel("Reason for the moderated score").first().fill("Panel discussion: the evidence supports this score.");
  await page.getByRole("button", { name: "Save moderated score" }).first().click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("The moderated score has been saved.");

  await page.getByRole("link", { name: "Back to scores and ranking" }).click();
  const moderatedRow = page.getByRole("row", { name: new RegExp(plan.reference) });
  await expect(moderatedRow).toContainText(plan.expected);
  await expect(moderatedRow).not.toContainText("Needs moderation");
  await expectNoAxeViolations(page);

  await moderatedRow.getByRole("link", { name: plan.reference }).click();
  await page.getByRole("link", { name: "See this bid’s history" }).click();
  await expect(page.getByRole("table")).toContainText("score.moderated");
  await expectNoAxeViolations(page);
});
