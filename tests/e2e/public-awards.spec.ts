import { e2eDb } from "./database";
import { expect, expectAccessiblePage, test } from "./fixtures";

// The public awards pages, with JavaScript on and off: from the footer to the list of rounds with
// decisions announced, to one round's grants and its 360Giving file. Only released rounds and the
// grants the fund made are shown; axe and html-validate check every page.
const RELEASED = "2025-26-small-grants";
const NOT_RELEASED = "2025-26-round-1";

async function expectedAwards() {
  const db = await e2eDb();
  try {
    const awards = await db.award.findMany({
      where: { round: { slug: RELEASED } },
      select: { status: true, bid: { select: { title: true, organisation: { select: { name: true } } } } },
    });
    const shown = awards.filter((a) => ["released", "accepted", "closed"].includes(a.status));
    const hidden = awards.filter((a) => ["declined_by_applicant", "lapsed"].includes(a.status));
    const notReleased = await db.round.findFirstOrThrow({ where: { slug: NOT_RELEASED }, select: { name: true } });
    return { shown, hidden, notReleasedName: notReleased.name };
  } finally {
    await db.$disconnect();
  }
}

test("anyone can see the grants of released rounds and download their 360Giving data, and nothing else", async ({ page }) => {
  const { shown, hidden, notReleasedName } = await expectedAwards();
  expect(shown.length).toBeGreaterThan(0);
  expect(hidden.length).toBeGreaterThan(0);

  await page.goto("/rounds");
  await page.getByRole("contentinfo").getByRole("link", { name: "Grants awarded" }).click();
  await expect(page).toHaveURL(/\/awards$/);
  await expect(page).toHaveTitle(/^Grants awarded – /);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Grants awarded");
  await expect(page.getByRole("link", { name: notReleasedName })).toHaveCount(0);
  await expectAccessiblePage(page);

  await page.getByRole("link", { name: "Community Safety Fund: 2025 to 2026, small grants" }).click();
  await expect(page).toHaveURL(new RegExp(`/awards/${RELEASED}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Grants awarded: 2025 to 2026, small grants");
  const table = page.getByRole("table");
  for (const award of shown) {
    await expect(table.getByRole("row").filter({ hasText: award.bid.title })).toContainText(award.bid.organisation.name);
  }
  for (const award of hidden) await expect(table).not.toContainText(award.bid.title);
  await expectAccessiblePage(page);

  const file = await page.request.get(`/awards/${RELEASED}/360giving.json`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toMatch(/^application\/json/);
  const pkg = (await file.json()) as { grants: { title: string }[] };
  expect(pkg.grants.map((g) => g.title).sort()).toEqual(shown.map((a) => a.bid.title).sort());
  await expect(page.getByRole("link", { name: "Download these grants as 360Giving data (JSON)" })).toHaveAttribute(
    "href",
    `/awards/${RELEASED}/360giving.json`,
  );

  const notFound = await page.goto(`/awards/${NOT_RELEASED}`);
  expect(notFound?.status()).toBe(404);
  expect((await page.request.get(`/awards/${NOT_RELEASED}/360giving.json`)).status()).toBe(404);
});
