import { FORM_RULES, storedBand } from "../../app/domain/bids/proportionate";
import { serialiseRoundFormRules } from "../../app/domain/bids/stored-form-rules";
import { DEMO_PASSWORD, expect, expectAccessiblePage, signIn, test } from "./fixtures";
import { withE2eDb } from "./database";
import { seedApplicant, seedOpenRound } from "./stage-accounts";

// Proportionate forms set per round (ADR 0025), with JavaScript on and off: in a round whose
// small band (under £5,000) is asked only outcomes of the optional sections and one document, a
// small request's task list has fewer sections than a standard one's, and a section the band does
// not ask is not there to open. axe checks every page visited.
test("a small request sees fewer pages than a standard one", async ({ page }, testInfo) => {
  const { round, roundName, applicant } = await withE2eDb(async (db) => {
    const { round, roundName } = await seedOpenRound(db, "community-safety-fund", `bands-${testInfo.project.name}`, {
      smallBidThresholdPence: 500_000,
      formRules: serialiseRoundFormRules({
        small: { ...storedBand(FORM_RULES.small), sections: ["outcomes"], documentKinds: ["constitution"] },
        standard: storedBand(FORM_RULES.standard),
      }),
    });
    return { round, roundName, applicant: await seedApplicant(db, `Bands ${testInfo.project.name}`) };
  });

  // The public round page says what each band is asked.
  await page.goto(`/rounds/${round.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(round.name);
  await expectAccessiblePage(page);

  await signIn(page, applicant.email, DEMO_PASSWORD);
  await page.getByRole("link", { name: "Start a new bid" }).click();
  await page.getByRole("link", { name: roundName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Start a bid for ${roundName}`);
  await page.getByRole("button", { name: "Start bid" }).click();
  const taskList = page.locator("ul.govuk-task-list").first();
  const sections = taskList.locator(".govuk-task-list__item");

  // Without an amount the fuller, standard form applies.
  await expect(sections).toHaveCount(9);
  await expectAccessiblePage(page);
  const bidPath = new URL(page.url()).pathname;

  const setAmount = async (pounds: string) => {
    await page.getByRole("link", { name: "About the project" }).click();
    await page.getByLabel("Project title").fill("Street safety volunteers");
    await page.getByLabel("Amount requested").fill(pounds);
    await page.getByRole("button", { name: "Save and come back later" }).click();
    // Saving returns to the task list; going there before the save has answered would cut it off.
    await page.waitForURL((url) => url.pathname === bidPath);
  };

  // A small request: £3,000 is under the round's £5,000 threshold.
  await setAmount("3000");
  await expect(page.getByText("You are asking for less than £5,000.00, so you answer a shorter form.")).toBeVisible();
  await expect(sections).toHaveCount(7);
  await expect(taskList).not.toContainText("Beneficiaries");
  await expect(taskList).not.toContainText("Safeguarding and equality");
  await expect(taskList).toContainText("Outcomes");
  await expect(taskList).toContainText("Supporting documents");
  await expectAccessiblePage(page);
  // A section the band does not ask is not there, even by its address.
  const notAsked = await page.request.get(`${bidPath}/beneficiaries`);
  expect(notAsked.status()).toBe(404);

  // A standard request: £20,000 asks every section again.
  await setAmount("20000");
  await expect(page.getByText("Bids for less than £5,000.00 answer a shorter form.")).toBeVisible();
  await expect(sections).toHaveCount(9);
  await expect(taskList).toContainText("Beneficiaries");
  await expect(taskList).toContainText("Safeguarding and equality");
  await expectAccessiblePage(page);
  await page.getByRole("link", { name: "Beneficiaries" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessiblePage(page);
});
