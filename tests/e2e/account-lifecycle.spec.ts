// An admin disables and re-enables an account; a user changes their own password; with
// JavaScript, the time-out warning opens two minutes before the idle time-out (ADR 0018).
import { e2eDb } from "./database";
import { attemptSignIn, expect, expectAccessiblePage, signIn, test } from "./fixtures";
import { registerApplicant } from "./mailbox";

const TEMPORARY = "a-temporary-password-1";
const MADE_HERE = { startsWith: "disable-", endsWith: "@example.org" };

// Other specs assign the demo's assessors automatically: the assessor made here leaves the pool
// once its test is over, as a departing assessor's account would.
test.afterEach(async () => {
  const db = await e2eDb();
  try {
    await db.user.updateMany({ where: { email: MADE_HERE }, data: { disabledAt: new Date() } });
  } finally {
    await db.$disconnect();
  }
});

test("an admin disables an account, which is signed out at once, then enables it again", async ({ page, browser }, testInfo) => {
  const email = `disable-${testInfo.project.name}-${Date.now()}@example.org`;
  await signIn(page, "admin@demo.csf.test");
  await page.goto("/admin/staff/new");
  await page.getByLabel("Full name").fill("Rowan Disable");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Assessor").check();
  await page.getByLabel("Temporary password").fill(TEMPORARY);
  await page.getByRole("button", { name: "Add account" }).click();
  await expect(page).toHaveURL(/\/admin$/);

  // The account's owner is signed in elsewhere.
  const other = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const theirs = await other.newPage();
  await signIn(theirs, email, TEMPORARY);
  await expect(theirs).toHaveURL(/\/assessor$/);

  await page.goto("/admin/users");
  await page.getByLabel("Email address or name").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await expectAccessiblePage(page);
  await page.getByRole("link", { name: "Rowan Disable" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rowan Disable");
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Disable Rowan Disable’s account?");
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Disable account" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("The account has been disabled");
  await expectAccessiblePage(page);

  await theirs.reload();
  await expect(theirs).toHaveURL(/\/sign-in\?redirectTo=%2Fassessor/);
  await attemptSignIn(theirs, email, TEMPORARY);
  await expect(theirs.locator(".govuk-error-summary")).toContainText("Enter a correct email address and password");

  await page.getByRole("button", { name: "Enable account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enable Rowan Disable’s account again?");
  await page.getByRole("button", { name: "Enable account" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("The account has been enabled again");
  await signIn(theirs, email, TEMPORARY);
  await expect(theirs).toHaveURL(/\/assessor$/);
  await other.close();
});

test("a user changes their own password, giving the current one first", async ({ page, browser }, testInfo) => {
  const email = `change-${testInfo.project.name}-${Date.now()}@example.org`;
  await registerApplicant(page, browser, { name: "Sam Change", email, password: TEMPORARY });

  await page.getByRole("link", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change your password");
  await expectAccessiblePage(page);
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-for-sam");
  await page.getByLabel("Confirm new password").fill("a-new-password-for-sam");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Your current password is not right");
  await expectAccessiblePage(page);

  await page.getByLabel("Current password").fill(TEMPORARY);
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-for-sam");
  await page.getByLabel("Confirm new password").fill("a-new-password-for-sam");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Your password has been changed");
  await expectAccessiblePage(page);
});

test("the time-out warning opens two minutes before the idle time-out, and Stay signed in keeps the session", async ({ page }, testInfo) => {
  test.skip(testInfo.project.use.javaScriptEnabled === false, "the warning is a JavaScript enhancement; without it the next request asks to sign in");
  await page.clock.install();
  await signIn(page, "assessor@demo.csf.test");
  const dialog = page.getByRole("dialog", { name: "You’re about to be signed out" });
  await expect(dialog).toBeHidden();
  await page.clock.fastForward("28:01");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Any bid sections you have already saved will be kept");
  await expectAccessiblePage(page);
  const ping = page.waitForResponse((response) => response.url().endsWith("/account/session") && response.status() === 200);
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  await ping;
  await expect(dialog).toBeHidden();
});
