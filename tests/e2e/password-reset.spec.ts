import { DEMO_PASSWORD, expect, expectAccessiblePage, signIn, test } from "./fixtures";
import { registerApplicant } from "./mailbox";

// A fresh applicant resets their password through the emailed link. (Not the demo applicant:
// other specs sign in as them on the same server.) The e2e server has no SMTP_URL, so the
// in-process worker delivers the email to the demo mailbox, where an admin reads it.
test("an applicant who forgot their password resets it with the emailed link", async ({ page, browser }, testInfo) => {
  const email = `reset-${testInfo.project.name}-${Date.now()}@example.org`;
  const oldPassword = "the-first-password-1";
  const newPassword = "the-second-password-2";

  await registerApplicant(page, browser, { name: "Rowan Hall", email, password: oldPassword });
  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter your email address");
  await expect(page).toHaveTitle(/^Error: Reset your password/);
  await expectAccessiblePage(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByText("If an account exists for that email, we have sent a link")).toBeVisible();
  await expectAccessiblePage(page);

  // The admin reads the email in the demo mailbox, in a browser of their own.
  const adminContext = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@demo.csf.test", DEMO_PASSWORD);
  await admin.goto("/admin/mailbox");
  const message = admin
    .getByRole("row")
    .filter({ hasText: email })
    .getByRole("link", { name: /Reset your .* password/ });
  // The worker polls every 2 seconds: look again until it has delivered the email.
  await expect(async () => {
    await admin.reload();
    await expect(message).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await message.click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(/Reset your .* password/);
  const body = await admin.locator(".govuk-inset-text").last().innerText();
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link, "the email holds a reset link").toBeTruthy();
  await adminContext.close();

  const resetPath = new URL(link!).pathname;
  await page.goto(resetPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await expectAccessiblePage(page);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm your new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Password must be 12 characters or more");
  await expectAccessiblePage(page);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm your new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();

  await expect(page).toHaveURL(/\/sign-in\?password=changed$/);
  await expect(page.getByText("Your password has been changed")).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/applicant$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bids");

  // The link works once.
  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(resetPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
  await expectAccessiblePage(page);
});
