import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// The demo applicant's bid in the released round: from their list of bids to the decision page,
// with JavaScript on and off; axe and html-validate check both pages.
test("an applicant follows their bid list to the decision on a released bid", async ({ page }) => {
  await signIn(page, "applicant@demo.csf.test");
  await page.goto("/applicant");
  await expectAccessiblePage(page);
  const decisionLinks = page.getByRole("link", { name: /^See the decision on / });
  await expect(decisionLinks.first()).toBeVisible();
  await decisionLinks.first().click();
  await expect(page).toHaveURL(/\/applicant\/bids\/[^/]+\/outcome$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /^Your bid (has been awarded funding|is on the reserve list|has not been funded|is not eligible for this round)$/,
  );
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expect(page).toHaveTitle(/^Decision on /);
  await expectAccessiblePage(page);
});
