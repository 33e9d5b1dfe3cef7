import { expect, expectNoAxeViolations, signIn, test } from "./fixtures";

// The fund administrator's round set-up pages, with JavaScript on and off: each page and its
// error state pass axe. (What they save and refuse is covered by the integration tests.)
test("the round set-up pages and their errors are accessible", async ({ page }) => {
  await signIn(page, "administrator@demo.csf.test");

  await page.getByRole("link", { name: "Create a round" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a round");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create round" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("There is a problem");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  await page.goto("/administrator");
  await page.getByRole("link", { name: /^Round details/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/administrator");
  await page.getByRole("link", { name: /^Score descriptors/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Score descriptors");
  await expectNoAxeViolations(page);

  await page.goto("/administrator");
  await page.getByRole("link", { name: /^Reasons a bid is ineligible/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reasons a bid is ineligible");
  await expectNoAxeViolations(page);
});
