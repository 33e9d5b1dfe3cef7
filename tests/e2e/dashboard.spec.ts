import type { Page } from "@playwright/test";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// The round dashboard and the fund comparison, with JavaScript on and off, on the demo data (the
// round released a year ago has awards, returned money and scores): every chart is an SVG drawn
// on the server, named by its summary, with its figures in a table.

const RELEASED_ROUND = "Community Safety Fund: 2024 to 2025, round 1";

async function expectCharts(page: Page, count: number) {
  const figures = page.locator("figure.app-chart");
  await expect(figures).toHaveCount(count);
  for (let i = 0; i < count; i += 1) {
    const figure = figures.nth(i);
    const chart = figure.locator('svg[role="img"]');
    await expect(chart).toBeVisible();
    expect(await chart.getAttribute("aria-label")).toBeTruthy();
    await expect(figure.locator("figcaption")).not.toBeEmpty();
    // The table alternative opens without JavaScript too (a native <details>).
    await figure.getByText("Show the figures as a table").click();
    await expect(figure.locator("table.govuk-table")).toBeVisible();
  }
}

test("the fund administrator sees a round's dashboard and the fund's rounds compared", async ({ page }) => {
  await signIn(page, "administrator@demo.csf.test");
  await page.goto("/administrator");
  await page.getByRole("link", { name: `Dashboard for ${RELEASED_ROUND}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Round dashboard" })).toBeVisible();
  await expect(page.getByText(/requested against a £[\d,.]+ pot/).first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Assessor progress" })).toBeVisible();
  await expectAccessiblePage(page);
  await expectCharts(page, 6);

  await page.getByRole("link", { name: "Compare the rounds of Community Safety Fund" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rounds compared" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Rounds of this fund" })).toBeVisible();
  await expectAccessiblePage(page);
  await expectCharts(page, 1);
});

test("the OPCC sees the same dashboard from its own pages", async ({ page }) => {
  await signIn(page, "opcc@demo.csf.test");
  await page.goto("/opcc");
  await page.getByRole("link", { name: "2024 to 2025, round 1 dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Round dashboard" })).toBeVisible();
  await expectAccessiblePage(page);
  await expectCharts(page, 6);
});
