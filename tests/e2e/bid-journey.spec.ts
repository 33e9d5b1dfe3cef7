// A new applicant's bid from start to finish, with JavaScript on and off: register, create the
// organisation, every section (with its error states), upload, check answers, submit, see the
// reference and the bid listed as submitted. Then a bid left open in a second tab when the round
// closes: its submit is refused and it stays a draft.
import Database from "better-sqlite3";
import { resolve } from "node:path";
import type { Page } from "@playwright/test";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";
import { docxFile, htmlDisguisedAsPdf, odtFile, pdfFile } from "../support/documents";
import { registerApplicant } from "./mailbox";

const ROUND = "2025-26-round-1";

/** The e2e server's database (scripts/e2e-server.sh), for moving the round's deadline. */
function e2eDatabase() {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return new Database(resolve(`tmp/e2e-${port}/e2e.db`));
}

const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

async function registerAndCreateOrganisation(page: Page, label: string) {
  const stamp = `${label}-${test.info().project.name}-${Date.now()}`;
  await registerApplicant(page, page.context().browser()!, { name: "Kemi Adebayo", email: `kemi-${stamp}@example.org`, password: "a-long-enough-password" });

  // Starting a bid without an organisation goes by the organisation page and comes back.
  await page.goto(`/applicant/bids/new?round=${ROUND}`);
  await expect(page).toHaveURL(/\/applicant\/organisation\/new\?redirectTo=/);
  await page.getByLabel("Organisation name").fill(`Bondgate Youth Project ${stamp}`);
  await page.getByLabel("Unincorporated community group").check();
  await page.getByLabel("Address line 1", { exact: true }).fill("12 Bondgate");
  await page.getByLabel("Town or city").fill("Darlington");
  await page.getByLabel("Postcode").fill("DL3 7JJ");
  await page.getByLabel("Annual income").fill("24000");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/applicant/bids/new\\?round=${ROUND}`));
}

async function saveAndContinue(page: Page) {
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Your bid" })).toBeVisible();
}

async function openSection(page: Page, name: string) {
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

function taskStatus(page: Page, name: string) {
  return page.locator(".govuk-task-list__item", { has: page.getByRole("link", { name, exact: true }) }).locator(".govuk-task-list__status");
}

async function fillDate(page: Page, group: string, day: string, month: string, year: string) {
  const fieldset = page.getByRole("group", { name: group });
  await fieldset.getByLabel("Day").fill(day);
  await fieldset.getByLabel("Month").fill(month);
  await fieldset.getByLabel("Year").fill(year);
}

async function upload(page: Page, kind: string, name: string, mimeType: string, buffer: Uint8Array) {
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByLabel("Upload a file").setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
  await page.getByRole("button", { name: "Upload file" }).click();
}

/**
 * Completes every section through the pages. With `checks`, also shows each page's error state
 * and runs axe on the pages and the errors.
 */
async function completeEverySection(page: Page, checks: boolean) {
  const axe = async () => {
    if (checks) await expectAccessiblePage(page);
  };
  await expect(page.getByRole("heading", { level: 1, name: "Untitled bid" })).toBeVisible();
  await axe();

  await openSection(page, "About the project");
  if (checks) {
    await page.getByRole("button", { name: "Save and continue" }).click();
    const summary = page.locator(".govuk-error-summary");
    await expect(summary).toContainText("Enter the project title");
    await expect(summary).toContainText("Enter the date your project will start");
    await expect(page).toHaveTitle(/^Error: About the project/);
    await page.getByLabel("Amount requested").fill("12,5OO");
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(summary).toContainText("Amount requested must be an amount in pounds, like 12500 or 12500.50");
    await axe();
  }
  await page.getByLabel("Project title").fill("Friday night detached youth work <b>in Darlington</b>");
  await page.getByLabel("Amount requested").fill("£12,000");
  await page
    .getByLabel("Summary of your project")
    .fill("Youth workers on the streets of central Darlington on Friday evenings, when anti-social behaviour peaks.");
  if (checks && test.info().project.use.javaScriptEnabled !== false) {
    // With JavaScript the words left are counted as the applicant types.
    await expect(page.locator(".govuk-character-count__status").first()).toHaveText("You have 285 words remaining");
  }
  await fillDate(page, "Project start date", "1", "4", "2026");
  await fillDate(page, "Project end date", "31", "3", "2027");
  await saveAndContinue(page);
  await expect(taskStatus(page, "About the project")).toHaveText("Completed");

  await openSection(page, "Priorities addressed");
  if (checks) {
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Select at least one priority your project addresses");
    await axe();
  }
  await page.getByLabel("Reducing anti-social behaviour").check();
  await saveAndContinue(page);

  await openSection(page, "Areas served");
  await axe();
  await page.getByLabel("Darlington").check();
  await saveAndContinue(page);

  await openSection(page, "Outcomes");
  const first = page.getByRole("group", { name: "Outcome 1" });
  await first.getByLabel("What will change").fill("Young people in the town centre feel safer");
  await first.getByLabel("How you will measure it").fill("Survey of young people we work with");
  await first.getByLabel("Target").fill("75% of 120 young people");
  await page.getByRole("button", { name: "Add another outcome" }).click();
  const second = page.getByRole("group", { name: "Outcome 2" });
  await expect(second).toBeVisible();
  await expect(first.getByLabel("What will change")).toHaveValue("Young people in the town centre feel safer");
  await second.getByLabel("What will change").fill("Fewer call-outs for anti-social behaviour");
  if (checks) {
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Enter how you will measure outcome 2");
    await axe();
  }
  await second.getByLabel("How you will measure it").fill("Police incident data");
  await second.getByLabel("Target").fill("20% fewer by March 2027");
  await saveAndContinue(page);

  await openSection(page, "Budget");
  const line1 = page.getByRole("group", { name: "Budget line 1" });
  await line1.getByLabel("What it is for").fill("Two youth workers, Friday evenings");
  await line1.getByLabel("Cost", { exact: true }).fill("11,500");
  await page.getByRole("button", { name: "Add another line" }).click();
  const line2 = page.getByRole("group", { name: "Budget line 2" });
  await expect(line2).toBeVisible();
  await line2.getByLabel("What it is for").fill("Venue hire");
  await line2.getByLabel("Cost", { exact: true }).fill("1000");
  if (checks) {
    // £12,500 of costs and no other funding does not match the £12,000 requested.
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText(
      "The amount you are requesting (£12,000.00) must equal your budget total (£12,500.00) minus other funding (£0.00), which is £12,500.00",
    );
    await axe();
  }
  await line2.getByLabel("Other funding towards this cost (optional)").fill("500");
  await saveAndContinue(page);
  await expect(taskStatus(page, "Budget")).toHaveText("Completed");

  await openSection(page, "Beneficiaries");
  await axe();
  await page.getByLabel("Who will benefit from your project?").fill("Young people aged 11 to 18 in central Darlington.");
  await page.getByLabel("How many people will benefit?").fill("120");
  await saveAndContinue(page);

  await openSection(page, "Safeguarding and equality");
  await axe();
  await page.getByLabel("How will you keep children and adults at risk safe?").fill("Enhanced DBS checks, a named safeguarding lead and yearly training.");
  await page
    .getByLabel("How will your project reach and include everyone who could benefit?")
    .fill("We go where young people are and work with schools to reach those often missed.");
  await saveAndContinue(page);

  await openSection(page, "Supporting documents");
  if (checks) {
    await upload(page, "Constitution or governing document", "constitution.pdf", "application/pdf", htmlDisguisedAsPdf());
    await expect(page.locator(".govuk-error-summary")).toContainText("The selected file must be a PDF, DOCX, ODT, PNG or JPEG");
    await axe();
    // Over the round's 10 MB limit: the whole upload is read and answered with a GOV.UK error.
    const oversize = Buffer.concat([Buffer.from(pdfFile()), Buffer.alloc(10 * 1024 * 1024)]);
    await upload(page, "Latest accounts", "accounts.pdf", "application/pdf", oversize);
    await expect(page.locator(".govuk-error-summary")).toContainText("The selected file must be smaller than 10 MB");
  }
  await upload(page, "Constitution or governing document", "constitution.pdf", "application/pdf", pdfFile());
  await expect(page.getByRole("link", { name: "constitution.pdf" })).toBeVisible();
  await upload(page, "Latest accounts", "accounts.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxFile());
  await expect(page.getByRole("link", { name: "accounts.docx" })).toBeVisible();
  await upload(page, "Safeguarding policy", "safeguarding.odt", "application/vnd.oasis.opendocument.text", odtFile());
  await expect(page.getByRole("link", { name: "safeguarding.odt" })).toBeVisible();
  await axe();
  await saveAndContinue(page);

  await openSection(page, "Declarations");
  if (checks) {
    await page.getByRole("button", { name: "Save and continue" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Select every declaration to confirm it");
    await axe();
  }
  for (const checkbox of await page.getByRole("checkbox").all()) await checkbox.check();
  await saveAndContinue(page);
  await expect(page.getByText("You have completed 9 of 9 sections.")).toBeVisible();
  await axe();
}

/** The eligibility check, passed before any account exists; its answers carry into the bid. */
async function passEligibilityCheck(page: Page) {
  await page.goto(`/rounds/${ROUND}/eligibility`);
  await page.getByLabel("Registered charity").check();
  await page.getByRole("group", { name: "Where will your project work?" }).getByLabel("Darlington", { exact: true }).check();
  await page
    .getByRole("group", { name: /Which of the Police and Crime Commissioner's priorities/ })
    .getByLabel("Reducing anti-social behaviour")
    .check();
  await page.getByLabel("How much money will you ask for?").fill("£12,000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You can apply");
}

test("a new applicant checks eligibility, completes every section, uploads documents and submits their bid", async ({ page, context }) => {
  // A long journey checking every page it visits (axe, html-validate, 320 px): without JavaScript
  // each check loads a copy of the page in a second tab, which on two shared cores takes this
  // journey past five minutes.
  test.setTimeout(480_000);
  await passEligibilityCheck(page);
  await registerAndCreateOrganisation(page, "journey");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a bid for Community Safety Fund: 2025 to 2026, round 1");
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Start bid" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Untitled bid" })).toBeVisible();
  const taskListUrl = page.url();

  // The eligibility answers came with the new bid: its priority is already ticked. Clear it, so
  // the section's own error state can be shown below.
  await openSection(page, "Priorities addressed");
  await expect(page.getByLabel("Reducing anti-social behaviour")).toBeChecked();
  await page.getByLabel("Reducing anti-social behaviour").uncheck();
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Your bid" })).toBeVisible();

  await completeEverySection(page, true);

  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before submitting your bid");
  // What was typed as HTML is shown as text.
  await expect(page.locator("#summary-about")).toContainText("Friday night detached youth work <b>in Darlington</b>");
  await expect(page.locator("#summary-budget")).toContainText("£12,000.00");
  await expectAccessiblePage(page);

  // A second tab with the same page open, as after a double-click or a forgotten tab.
  const secondTab = await context.newPage();
  await secondTab.goto(page.url());

  await page.getByRole("button", { name: "Submit bid" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bid submitted" })).toBeVisible();
  const reference = (await page.locator(".govuk-panel__body strong").textContent())!.trim();
  expect(reference).toMatch(/^CSF-2526-R1-\d{4}$/);
  await expectAccessiblePage(page);

  // Submitting again from the other tab changes nothing: the same reference.
  await secondTab.getByRole("button", { name: "Submit bid" }).click();
  await expect(secondTab.getByRole("heading", { level: 1, name: "Bid submitted" })).toBeVisible();
  await expect(secondTab.locator(".govuk-panel__body strong")).toHaveText(reference);
  await secondTab.close();

  await page.getByRole("link", { name: "Go to your bids" }).click();
  const row = page.getByRole("row", { name: new RegExp(reference) });
  await expect(row).toContainText("Submitted");
  await expectAccessiblePage(page);

  // The submitted bid is read-only.
  await row.getByRole("link").click();
  await expect(page).toHaveURL(taskListUrl);
  await expect(page.getByText("This is the bid as it was submitted. It can no longer be changed.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: /^Change/ })).toHaveCount(0);
  await expectAccessiblePage(page);

  // The receipt reaches the demo mailbox (no SMTP_URL: the in-process worker delivers there).
  await page.getByRole("button", { name: /Sign out/ }).click();
  await signIn(page, "admin@demo.csf.test");
  await page.goto("/admin/mailbox");
  const receipt = page.getByRole("link", { name: new RegExp(`We have received your bid ${reference}`) });
  await expect(async () => {
    await page.reload();
    await expect(receipt).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await receipt.click();
  await expect(page.getByText(`Bid reference: ${reference}`)).toBeVisible();
});

test("a bid left open in a second tab is refused after the deadline and kept as a draft", async ({ page, context }) => {
  test.setTimeout(240_000);
  await registerAndCreateOrganisation(page, "deadline");
  await page.getByRole("button", { name: "Start bid" }).click();
  await completeEverySection(page, false);
  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before submitting your bid");
  const checkAnswersUrl = page.url();
  const secondTab = await context.newPage();
  await secondTab.goto(checkAnswersUrl);
  await expect(secondTab.getByRole("button", { name: "Submit bid" })).toBeVisible();

  const database = e2eDatabase();
  const { closesAt } = database.prepare("SELECT closesAt FROM Round WHERE slug = ?").get(ROUND) as { closesAt: string };
  try {
    // The round closes while both tabs are open.
    database.prepare("UPDATE Round SET closesAt = ? WHERE slug = ?").run(sqliteDate(new Date(Date.now() - 60_000)), ROUND);

    await secondTab.getByRole("button", { name: "Submit bid" }).click();
    const summary = secondTab.locator(".govuk-error-summary");
    await expect(summary).toContainText("You cannot submit this bid because the round closed at");
    await expect(summary).toContainText("Your bid has been kept as a draft.");
    await expect(secondTab).toHaveTitle(/^Error: Check your answers/);
    await expectAccessiblePage(secondTab);

    await page.goto("/applicant");
    const row = page.getByRole("row", { name: /Friday night detached youth work/ }).last();
    await expect(row).toContainText("Draft");
    await row.getByRole("link").click();
    await expect(page.getByText(/This round closed on .*You can no longer submit this bid\./)).toBeVisible();
    await expectAccessiblePage(page);
  } finally {
    database.prepare("UPDATE Round SET closesAt = ? WHERE slug = ?").run(closesAt, ROUND);
    database.close();
  }
});
