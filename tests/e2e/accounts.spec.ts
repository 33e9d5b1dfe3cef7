import { attemptSignIn, DEMO_PASSWORD, expect, expectAccessiblePage, signIn, test } from "./fixtures";
import { registrationLink } from "./mailbox";

test("public pages are accessible", async ({ page }) => {
  for (const path of ["/", "/rounds", "/sign-in", "/register", "/accessibility", "/privacy"]) {
    await page.goto(path);
    await expect(page.locator("h1")).toBeVisible();
    await expectAccessiblePage(page);
  }
});

test("a new applicant registers through the emailed link, sees errors first, and lands on their bids", async ({ page, browser }, testInfo) => {
  await page.goto("/register");
  await page.getByLabel("Email address").fill("not an email");
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("Enter an email address in the correct format, like name@example.org");
  await expect(page).toHaveTitle(/^Error: Create an account/);
  await expectAccessiblePage(page);
  await summary.getByRole("link", { name: /Enter an email address/ }).click();
  await expect(page.getByLabel("Email address")).toBeFocused();

  const email = `kemi-${testInfo.project.name}-${Date.now()}@example.org`;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page).toHaveTitle(/^Check your email/);
  await expectAccessiblePage(page);

  const link = await registrationLink(browser, email);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finish creating your account");
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByLabel("Full name").fill("Kemi Adebayo");
  await page.getByLabel("Create a password").fill("short");
  await page.getByLabel("Confirm your password").fill("different");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(summary).toContainText("Password must be 12 characters or more");
  await expect(page).toHaveTitle(/^Error: Finish creating your account/);
  await expect(page.getByLabel("Full name")).toHaveValue("Kemi Adebayo");
  await expectAccessiblePage(page);

  await page.getByLabel("Create a password").fill("a-long-enough-password");
  await page.getByLabel("Confirm your password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/applicant$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bids");
  await expectAccessiblePage(page);

  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/applicant");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fapplicant/);

  // The link works once; asking again for the same address answers the same page as before.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  await expect(page.getByRole("link", { name: "start again" })).toHaveAttribute("href", "/register");
  await expectAccessiblePage(page);
  await page.goto("/register");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
});

const HOMES = [
  ["applicant@demo.csf.test", "/applicant", "Your bids"],
  ["assessor@demo.csf.test", "/assessor", "Bids to assess"],
  ["administrator@demo.csf.test", "/administrator", "Fund administration"],
  ["opcc@demo.csf.test", "/opcc", "Allocations for sign-off"],
  ["admin@demo.csf.test", "/admin", "Staff accounts"],
] as const;

for (const [email, home, heading] of HOMES) {
  test(`${email} signs in to ${home}`, async ({ page }) => {
    await signIn(page, email, DEMO_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectAccessiblePage(page);
  });
}

test("a wrong password shows one GOV.UK error and keeps the email", async ({ page }) => {
  await attemptSignIn(page, "assessor@demo.csf.test", "not-the-password");
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a correct email address and password");
  await expect(page.getByLabel("Email address")).toHaveValue("assessor@demo.csf.test");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expectAccessiblePage(page);
});

test("an admin adds a staff account", async ({ page }, testInfo) => {
  await signIn(page, "admin@demo.csf.test");
  await page.getByRole("link", { name: "Add a staff account" }).click();
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Select the person's role");
  await expectAccessiblePage(page);
  // An OPCC sign-off account: a new assessor would join the automatic assignment that the
  // assessment spec expects to share between the two demo assessors.
  const email = `new-signoff-${testInfo.project.name}@opcc.example.org`;
  await page.getByLabel("Full name").fill("New Sign-off Officer");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("OPCC sign-off").check();
  await page.getByLabel("Temporary password").fill("temporary-password-1");
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
});

test("a signed-in applicant is refused a staff page", async ({ page }) => {
  await signIn(page, "applicant@demo.csf.test");
  const response = await page.goto("/administrator");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to view this page");
  await expectAccessiblePage(page);
});
