// A new fund administrator sets up the authenticator app from the QR page (typing its key, as a
// person without a camera would), sees the recovery codes once, signs out and signs in with a
// code (ADR 0020). Both projects run it: with and without JavaScript.
import { freeStep, totpCode } from "../../app/domain/auth/totp.server";
import { e2eDb } from "./database";
import { attemptSignIn, authenticatorCode, expect, expectAccessiblePage, signIn, test } from "./fixtures";

const TEMPORARY = "a-temporary-password-2";

test("a new member of staff sets up the authenticator app, sees recovery codes once, then signs in with a code", async ({ page, browser }, testInfo) => {
  const email = `totp-${testInfo.project.name}-${Date.now()}@example.org`;
  await signIn(page, "admin@demo.csf.test");
  await page.goto("/admin/staff/new");
  await page.getByLabel("Full name").fill("Tara Totp");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Fund administrator").check();
  await page.getByLabel("Temporary password").fill(TEMPORARY);
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const theirs = await context.newPage();
  await attemptSignIn(theirs, email, TEMPORARY);
  // Nothing else opens before the app is set up.
  await expect(theirs).toHaveURL(/\/account\/two-factor\/set-up\?redirectTo=%2Fadministrator$/);
  await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Set up your authenticator app");
  await expect(theirs.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  await expectAccessiblePage(theirs);
  await theirs.goto("/administrator");
  await expect(theirs).toHaveURL(/\/account\/two-factor\/set-up/);

  const key = (await theirs.getByTestId("secret-key").innerText()).replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await theirs.getByLabel("Code from the app").fill("12345");
  await theirs.getByRole("button", { name: "Continue" }).click();
  await expect(theirs.locator(".govuk-error-summary")).toContainText("Enter the 6-digit code from your authenticator app");
  await expectAccessiblePage(theirs);
  await theirs.getByLabel("Code from the app").fill(totpCode(key, freeStep(null)!));
  await theirs.getByRole("button", { name: "Continue" }).click();
  await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Save your recovery codes");
  const codes = await theirs.getByTestId("recovery-codes").locator("li").allInnerTexts();
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code.trim()).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  await expectAccessiblePage(theirs);
  await theirs.getByRole("button", { name: "Continue" }).click();
  await expect(theirs).toHaveURL(/\/administrator$/);

  await theirs.goto("/account/two-factor");
  await expect(theirs.locator(".govuk-summary-list")).toContainText("10 of 10");
  await expect(theirs.locator("body")).not.toContainText(codes[0]!.trim());
  await expectAccessiblePage(theirs);

  await theirs
    .getByRole("button", { name: /Sign out/ })
    .first()
    .click();
  await attemptSignIn(theirs, email, TEMPORARY);
  await expect(theirs).toHaveURL(/\/sign-in\/code\?redirectTo=%2Fadministrator$/);
  await expect(theirs.getByRole("heading", { level: 1 })).toHaveText("Enter the code from your authenticator app");
  await expectAccessiblePage(theirs);
  await theirs.getByLabel("Code", { exact: true }).fill(await authenticatorCode(email));
  await theirs.getByRole("button", { name: "Continue" }).click();
  await expect(theirs).toHaveURL(/\/administrator$/);
  await context.close();

  // Out of the way of the other specs, as a departing member of staff's account would be.
  const db = await e2eDb();
  try {
    await db.user.updateMany({ where: { email }, data: { disabledAt: new Date() } });
  } finally {
    await db.$disconnect();
  }
});
