import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// The e2e server runs with no SMTP_URL and the outbox worker inside it, so the receipts the demo
// seed queued for its submitted bids are delivered to the portal's own mailbox.
test("an admin reads a bid receipt in the demo mailbox", async ({ page }) => {
  await signIn(page, "admin@demo.csf.test");
  await page.getByRole("link", { name: "Demo mailbox" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demo mailbox");

  const receipt = page.getByRole("link", { name: /We have received your bid CSF-2526-R1-0001/ });
  // The worker polls every 2 seconds: look again until its first round has run.
  await expect(async () => {
    await page.reload();
    await expect(receipt).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("cell", { name: "bids@durham-watch.demo.csf.test" })).toBeVisible();
  await expectAccessiblePage(page);

  await receipt.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/We have received your bid CSF-2526-R1-0001: Street safe Stanley/);
  await expect(page.getByText("Bid reference: CSF-2526-R1-0001")).toBeVisible();
  await expect(page.locator(".govuk-summary-list")).toContainText("Sent");
  await expect(page.locator(".govuk-summary-list")).toContainText("The portal's own mailbox");
  await expectAccessiblePage(page);

  // The HTML version is its own sandboxed page; fetched here rather than opened, because the
  // portal's CSP (no inline styles) makes Chromium log each blocked email style as an error.
  const href = await page.getByRole("link", { name: "See the HTML version" }).getAttribute("href");
  const html = await page.request.get(href!);
  expect(html.status()).toBe(200);
  // Exactly the sandbox policy: the server's default CSP must not be added as a second one.
  expect(
    html
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "content-security-policy")
      .map((h) => h.value),
  ).toEqual(["sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"]);
  expect(await html.text()).toContain("We have received your bid");
});

test("an admin sees the outbox and previews a template", async ({ page }) => {
  await signIn(page, "admin@demo.csf.test");
  await page.getByRole("link", { name: "Email outbox" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Email outbox");
  await expectAccessiblePage(page);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Email templates" }).click();
  await page.getByRole("link", { name: "Outcome: award" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outcome: award");
  await expect(page.getByText("Amount awarded: £18,500.00")).toBeVisible();
  await expectAccessiblePage(page);
});
