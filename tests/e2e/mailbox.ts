import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures";

/**
 * A link from the newest email to `to` whose subject matches `subject`. The e2e server has no
 * SMTP_URL, so its in-process worker delivers to the demo mailbox, where an admin reads it in a
 * browser of their own (the outbox body of a link-bearing email is cleared once sent).
 */
export async function linkFromMailbox(browser: Browser, to: string, subject: RegExp, link: RegExp): Promise<string> {
  const adminContext = await browser.newContext({ javaScriptEnabled: test.info().project.use.javaScriptEnabled });
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, "admin@demo.csf.test", DEMO_PASSWORD);
    await admin.goto("/admin/mailbox");
    const message = admin.getByRole("row").filter({ hasText: to }).getByRole("link", { name: subject }).first();
    // The worker polls every 2 seconds: look again until it has delivered the email.
    await expect(async () => {
      await admin.reload();
      await expect(message).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await message.click();
    const body = await admin.locator(".govuk-inset-text").last().innerText();
    const found = link.exec(body)?.[0];
    expect(found, `the email to ${to} holds a link`).toBeTruthy();
    return new URL(found!).pathname;
  } finally {
    await adminContext.close();
  }
}

/** The path of the registration link emailed to `email`. */
export function registrationLink(browser: Browser, email: string) {
  return linkFromMailbox(browser, email, /Finish creating your .* account/, /https?:\/\/\S+\/register\/[A-Za-z0-9_-]+/);
}

/** Registers a new applicant through both steps (ADR 0021) and waits for their home page. */
export async function registerApplicant(page: Page, browser: Browser, { name, email, password }: { name: string; email: string; password: string }) {
  await page.goto("/register");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await page.goto(await registrationLink(browser, email));
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Create a password").fill(password);
  await page.getByLabel("Confirm your password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/applicant$/);
}
