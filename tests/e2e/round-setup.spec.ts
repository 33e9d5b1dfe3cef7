import { seedRoundNotYetOpen } from "./database";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// The fund administrator's round set-up pages, with JavaScript on and off: each page and its
// error state pass axe. (What they save and refuse is covered by the integration tests.)
test("the round set-up pages and their errors are accessible", async ({ page }) => {
  await signIn(page, "administrator@demo.csf.test");

  await page.getByRole("link", { name: "Create a round" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a round");
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Create round" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("There is a problem");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessiblePage(page);

  await page.goto("/administrator");
  await page
    .getByRole("link", { name: /^Round details/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessiblePage(page);

  await page.goto("/administrator");
  await page
    .getByRole("link", { name: /^Score descriptors/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Score descriptors");
  await expectAccessiblePage(page);

  await page.goto("/administrator");
  await page
    .getByRole("link", { name: /^Reasons a bid is ineligible/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reasons a bid is ineligible");
  await expectAccessiblePage(page);
});

test("the assessment criteria page and its errors are accessible", async ({ page }, testInfo) => {
  const { roundName } = await seedRoundNotYetOpen(`criteria-${testInfo.project.name}`, {
    criteria: {
      create: [
        { title: "Supports PCC and partner objectives", weightPercent: 60, position: 0 },
        { title: "Value for money", weightPercent: 40, position: 1 },
      ],
    },
  });
  await signIn(page, "administrator@demo.csf.test");
  await page.goto("/administrator");
  await page.getByRole("link", { name: `Assessment criteria for ${roundName}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assessment criteria");
  await expect(page.getByText("Weights add up to 100%")).toBeVisible();
  await expectAccessiblePage(page);

  // Adding a row saves nothing; saving it blank is refused.
  await page.getByRole("button", { name: "Add another criterion" }).click();
  const third = page.getByRole("group", { name: "Criterion 3" });
  await expect(third).toBeVisible();
  await page.getByRole("button", { name: "Save criteria" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the title of criterion 3");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessiblePage(page);

  await third.getByLabel("Title").fill("Community involvement");
  await third.getByLabel("Weight, in per cent").fill("20");
  await page.getByRole("group", { name: "Criterion 1" }).getByLabel("Weight, in per cent").fill("40");
  await page.getByRole("button", { name: "Save criteria" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("The criteria have been saved.");
  await expect(page.getByRole("group", { name: "Criterion 3" }).getByLabel("Title")).toHaveValue("Community involvement");
  await expectAccessiblePage(page);
});
