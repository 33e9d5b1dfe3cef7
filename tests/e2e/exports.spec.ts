import { e2eDb } from "./database";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// The audit log and the exports, with JavaScript on and off: the filter form narrows the log,
// a date that is not real is explained, the exports page links its files, and a link gives a CSV.

/** Three audit events of their own, so the filter has something certain to find. */
async function seedEvents(label: string) {
  const db = await e2eDb();
  try {
    const administrator = await db.user.findUniqueOrThrow({ where: { email: "administrator@demo.csf.test" } });
    const prefix = `e2e-${label}-${Date.now()}`;
    const now = Date.now();
    for (const [i, outcome] of ["allowed", "refused", "allowed"].entries()) {
      await db.auditEvent.create({
        data: {
          actorId: administrator.id,
          action: `${prefix}.step-${i}`,
          outcome,
          subjectType: "round",
          details: JSON.stringify({ step: i }),
          createdAt: new Date(now - i * 1000),
        },
      });
    }
    return prefix;
  } finally {
    await db.$disconnect();
  }
}

test("the audit log filters without and with JavaScript", async ({ page }, testInfo) => {
  const prefix = await seedEvents(testInfo.project.name);
  await signIn(page, "administrator@demo.csf.test");
  await page.goto("/administrator");
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expectAccessiblePage(page);

  await page.getByLabel("Action").fill(`${prefix}.`);
  await page.getByLabel("Outcome").selectOption("allowed");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/outcome=allowed/);
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table).toContainText(`${prefix}.step-0`);
  await expect(table).toContainText(`${prefix}.step-2`);
  await expect(table).not.toContainText(`${prefix}.step-1`);
  await expect(page.getByLabel("Action")).toHaveValue(`${prefix}.`);
  await expectAccessiblePage(page);

  // The CSV of the filtered view.
  const href = await page.getByRole("link", { name: "Download these events (CSV)" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await csv.text();
  expect(text).toContain(`${prefix}.step-0`);
  expect(text).not.toContain(`${prefix}.step-1`);

  // A date that is not a real one (typed where the browser has no date picker).
  await page.goto(`/administrator/audit?action=${encodeURIComponent(prefix)}&from=2026-02-30`);
  await expect(page.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Audit log/);
  await expectAccessiblePage(page);
});

test("the exports page links each file, and a link gives a CSV", async ({ page }) => {
  await signIn(page, "administrator@demo.csf.test");
  await page.goto("/administrator");
  await page
    .getByRole("link", { name: /^Exports \(CSV\)/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  await expectAccessiblePage(page);
  for (const name of ["Download bids (CSV)", "Download scores (CSV)", "Download awards (CSV)", "Download monitoring returns (CSV)"]) {
    await expect(page.getByRole("link", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}`) })).toBeVisible();
  }
  const href = await page.getByRole("link", { name: /^Download bids \(CSV\)/ }).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+-bids-\d{4}-\d{2}-\d{2}\.csv"/);
  expect((await response.text()).split("\r\n")[0]).toMatch(/^Reference,Organisation,Project title,Status,/);
});
