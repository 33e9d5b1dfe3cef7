import type { Locator, Page } from "@playwright/test";
import { e2eDb, seedRoundNotYetOpen } from "./database";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// The scoring workflow end to end, with JavaScript on and off. Each run makes its own round, not
// yet open, so the two projects do not meet: the administrator sets up its criteria; then the
// round opens, bids arrive and the deadline passes (written straight into the e2e server's
// database: the applicant pages have their own spec); the administrator screens the bids and
// assigns assessors automatically; one assessor declares a conflict and is replaced; a divergent
// score is moderated; the ranking shows the order, scores and running totals.

const ASSESSORS: Record<string, string> = {
  "Ben Morris": "assessor@demo.csf.test",
  "Chloe Davies": "assessor2@demo.csf.test",
  "Isla Grant": "assessor3@demo.csf.test",
};
const ADMINISTRATOR = "administrator@demo.csf.test";
const IMPACT = "Difference the project makes";
const VALUE = "Value for money";
const DAY = 86_400_000;

const BIDS = [
  { title: "Safer parks", amountPence: 800_000 },
  { title: "Night bus marshals", amountPence: 500_000 },
  { title: "Graffiti clean-up", amountPence: 300_000 },
];

/** The round opens, a bid arrives from each demo organisation, and the deadline passes. */
async function openReceiveAndClose(roundId: string, code: string) {
  const db = await e2eDb();
  try {
    const organisations = await db.organisation.findMany({ orderBy: { name: "asc" }, include: { members: true } });
    await db.round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() - 20 * DAY) } });
    const references: string[] = [];
    for (const [i, bid] of BIDS.entries()) {
      const reference = `CSF-${code}-${String(i + 1).padStart(4, "0")}`;
      references.push(reference);
      await db.bid.create({
        data: {
          roundId,
          organisationId: organisations[i]!.id,
          createdById: organisations[i]!.members[0]!.userId,
          reference,
          status: "submitted",
          title: bid.title,
          summary: `${bid.title} across County Durham.`,
          amountRequestedPence: bid.amountPence,
          submittedAt: new Date(Date.now() - 5 * DAY + i * 60_000),
          declarationsAcceptedAt: new Date(Date.now() - 5 * DAY),
        },
      });
    }
    await db.round.update({ where: { id: roundId }, data: { referenceSequence: BIDS.length, closesAt: new Date(Date.now() - DAY) } });
    return references;
  } finally {
    await db.$disconnect();
  }
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /Sign out/ }).click();
  await expect(page).toHaveURL(/\/$/);
}

const HEADINGS: Record<string, string> = { "Screen bids": "Screen bids for eligibility" };

async function goToRoundPage(page: Page, link: string, roundName: string) {
  await page.goto("/administrator");
  await page.getByRole("link", { name: `${link} for ${roundName}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS[link] ?? link);
}

async function setUpCriteria(page: Page, roundName: string) {
  await goToRoundPage(page, "Assessment criteria", roundName);
  await expectAccessiblePage(page);
  const first = page.getByRole("group", { name: "Criterion 1" });
  await first.getByLabel("Title").fill(IMPACT);
  await first.getByLabel("Guidance for assessors").fill("Outcomes are specific, measurable and benefit the community.");
  await first.getByLabel("Weight, in per cent").fill("60");
  await first.getByLabel("Highest score").fill("4");
  await page.getByRole("button", { name: "Add another criterion" }).click();
  const second = page.getByRole("group", { name: "Criterion 2" });
  await expect(second).toBeVisible();
  await expect(first.getByLabel("Title")).toHaveValue(IMPACT);
  await second.getByLabel("Title").fill(VALUE);
  await second.getByLabel("Weight, in per cent").fill("30");
  await second.getByLabel("Highest score").fill("4");
  await page.getByRole("button", { name: "Save criteria" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("The criteria weights add up to 90%; they must add up to 100%");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessiblePage(page);
  await page.getByRole("group", { name: "Criterion 2" }).getByLabel("Weight, in per cent").fill("40");
  await page.getByRole("button", { name: "Save criteria" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("The criteria have been saved.");
  await expectAccessiblePage(page);
}

async function screen(page: Page, roundName: string, reference: string, eligible: boolean) {
  await goToRoundPage(page, "Screen bids", roundName);
  await page.getByRole("link", { name: new RegExp(`^${reference}:`) }).click();
  const question = page.getByRole("group", { name: "Is this bid eligible?" });
  if (eligible) {
    await question.getByLabel(/^Eligible/).check();
  } else {
    await question.getByLabel(/^Not eligible/).check();
    await page.getByLabel("If not eligible, why?").selectOption({ label: "Required documents are missing" });
  }
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Save screening decision" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText(`${reference} has been screened.`);
}

async function assessorsOf(bid: Locator) {
  const names = await bid.getByRole("term").allTextContents();
  return names.map((text) => Object.keys(ASSESSORS).find((name) => text.trim() === name)).filter((name) => name !== undefined);
}

async function openBid(page: Page, email: string, reference: string) {
  await signIn(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bids to assess");
  await page.getByRole("link", { name: new RegExp(reference) }).click();
  await expect(page.getByRole("group", { name: "Do you have a conflict of interest?" })).toBeVisible();
}

async function declareConflict(page: Page, email: string, reference: string, title: string) {
  await openBid(page, email, reference);
  // The question comes before the bid's details: its title and organisation only, not its content.
  await expect(page.getByText(`${title} across County Durham.`)).toHaveCount(0);
  await expectAccessiblePage(page);
  await page.getByRole("group", { name: "Do you have a conflict of interest?" }).getByLabel("Yes").check();
  await page.getByLabel("If yes, why do you have a conflict of interest?").fill("I volunteer with this organisation.");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Your conflict of interest has been recorded.");
  // The bid stays in their list, marked, but its scoring page is closed to them.
  const item = page.getByRole("listitem").filter({ hasText: reference });
  await expect(item).toContainText("Conflict of interest");
  const href = await item.getByRole("link").getAttribute("href");
  expect((await page.goto(`${href}/score`))!.status()).toBe(403);
  await signOut(page);
}

async function score(page: Page, email: string, reference: string, scores: { [criterion: string]: number }, check = false) {
  await openBid(page, email, reference);
  await page.getByRole("group", { name: "Do you have a conflict of interest?" }).getByLabel("No").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/score$/);
  await expect(page.getByRole("heading", { name: "The bid as submitted" })).toBeVisible();
  if (check) {
    await expectAccessiblePage(page);
    // Submitting an empty form shows every problem and keeps the page.
    await page.getByRole("button", { name: "Submit assessment" }).click();
    await expect(page.locator(".govuk-error-summary")).toContainText("Select your overall recommendation");
    await expect(page).toHaveTitle(/^Error: Score/);
    await expectAccessiblePage(page);
  }
  for (const [criterion, value] of Object.entries(scores)) {
    await page
      .getByRole("group", { name: new RegExp(criterion) })
      .getByLabel(new RegExp(`^${value}:`))
      .check();
    if (value <= 1) await page.getByLabel(new RegExp(`^Comment on ${criterion}`, "i")).fill("Little evidence of this.");
  }
  await page.getByRole("group", { name: "Your overall recommendation" }).getByLabel("Fund", { exact: true }).check();
  await page.getByLabel("Overall comment").fill("Clear plan with measurable outcomes.");
  await page.getByRole("button", { name: "Submit assessment" }).click();
  await expect(page).toHaveURL(/\/assessor\?submitted=/);
  await expect(page.locator(".govuk-notification-banner")).toContainText(`Your assessment of ${reference} has been submitted.`);
  if (check) await expectAccessiblePage(page);
  await signOut(page);
}

test("criteria set up, bids screened and assigned, a conflicted assessor replaced, a divergent score moderated, and the ranking", async ({
  page,
}, testInfo) => {
  // A long journey checking every page it visits (axe, html-validate, 320 px): without JavaScript
  // each check loads a copy of the page in a second tab, which on two shared cores takes this
  // journey past five minutes.
  test.setTimeout(480_000);
  const { roundId, roundName, code } = await seedRoundNotYetOpen(`assessment-${testInfo.project.name}`, {
    qualityThresholdPercent: 60,
    assessorsPerBid: 2,
    moderationSpread: 1,
    opccSignOffRequired: false,
  });

  await signIn(page, ADMINISTRATOR);
  await setUpCriteria(page, roundName);
  await signOut(page);

  const [first, second, third] = await openReceiveAndClose(roundId, code);

  await signIn(page, ADMINISTRATOR);
  await goToRoundPage(page, "Screen bids", roundName);
  await expectAccessiblePage(page);
  await screen(page, roundName, first!, true);
  await screen(page, roundName, second!, true);
  await screen(page, roundName, third!, false);
  await expect(page.getByRole("row", { name: new RegExp(third!) })).toContainText("Required documents are missing");

  await goToRoundPage(page, "Assign assessors", roundName);
  await page.getByRole("button", { name: "Assign automatically" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("4 assignments made.");
  await expectAccessiblePage(page);
  // The ineligible bid has left the assessment.
  await expect(page.getByRole("region", { name: new RegExp(third!) })).toHaveCount(0);
  const firstBid = page.getByRole("region", { name: new RegExp(first!) });
  const secondBid = page.getByRole("region", { name: new RegExp(second!) });
  const [conflicted, stays] = await assessorsOf(firstBid);
  const secondAssessors = await assessorsOf(secondBid);
  expect(secondAssessors).toHaveLength(2);
  const replacement = Object.keys(ASSESSORS).find((name) => name !== conflicted && name !== stays)!;
  await signOut(page);

  await declareConflict(page, ASSESSORS[conflicted!]!, first!, BIDS[0]!.title);
  await score(page, ASSESSORS[stays!]!, first!, { [IMPACT]: 4, [VALUE]: 3 }, true);

  // The administrator sees the bid needs another assessor and assigns one: never the conflicted one.
  await signIn(page, ADMINISTRATOR);
  await goToRoundPage(page, "Assign assessors", roundName);
  await expect(firstBid).toContainText("Needs another assessor");
  await expect(firstBid.locator(".govuk-summary-list__row").filter({ hasText: conflicted! })).toContainText("Conflict of interest");
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Assign automatically" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("1 assignment made.");
  expect(await assessorsOf(firstBid)).toEqual(expect.arrayContaining([stays, replacement]));
  await expect(firstBid).not.toContainText("Needs another assessor");
  await signOut(page);

  // The replacement's first criterion is 3 points from the other assessor's: more than the spread (1).
  await score(page, ASSESSORS[replacement]!, first!, { [IMPACT]: 1, [VALUE]: 3 });
  for (const name of secondAssessors) await score(page, ASSESSORS[name]!, second!, { [IMPACT]: 2, [VALUE]: 2 });

  await signIn(page, ADMINISTRATOR);
  await goToRoundPage(page, "Scores and ranking", roundName);
  // Before moderation: (4 + 1) / 2 = 2.5 of 4 on 60%, 3 of 4 on 40%: 37.5 + 30 = 67.5%.
  const firstRow = page.getByRole("row", { name: new RegExp(first!) });
  await expect(firstRow).toContainText("Needs moderation");
  await expect(firstRow).toContainText("67.5%");
  await expectAccessiblePage(page);
  await firstRow.getByRole("link", { name: first! }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(first!);
  // The conflict is stated; only the two other assessors' scores are shown and counted.
  await expect(page.locator("main")).toContainText(
    `${conflicted} declared a conflict of interest (“I volunteer with this organisation.”). Their scores do not count.`,
  );
  await expect(page.getByText(new RegExp(`^${conflicted}: \\d out of 4$`))).toHaveCount(0);
  await expect(page.getByText(`${replacement}: 1 out of 4`)).toBeVisible();
  await expectAccessiblePage(page);

  await page.getByLabel(`Moderated score for ${IMPACT} (0 to 4)`).fill("3");
  await page.getByRole("button", { name: "Save moderated score" }).first().click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the reason for the moderated score");
  await expectAccessiblePage(page);
  await page.getByLabel(`Moderated score for ${IMPACT} (0 to 4)`).fill("3");
  await page.getByLabel("Reason for the moderated score").first().fill("Panel discussion: the evidence supports a good score.");
  await page.getByRole("button", { name: "Save moderated score" }).first().click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("The moderated score has been saved.");

  await page.getByRole("link", { name: "Back to scores and ranking" }).click();
  // After moderation: 3 of 4 on both criteria = 75%; the second bid scores 2 of 4 on both = 50%,
  // below the round's 60% threshold. Running totals: £8,000, then £8,000 + £5,000.
  const rows = page
    .getByRole("table")
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: /^CSF-/ }) });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(first!);
  await expect(rows.nth(0).getByRole("cell").nth(0)).toHaveText("1");
  await expect(rows.nth(0)).toContainText("75.0%");
  await expect(rows.nth(0)).not.toContainText("Needs moderation");
  await expect(rows.nth(0).getByRole("cell").nth(5)).toHaveText(/^£8,000\.00/);
  await expect(rows.nth(1)).toContainText(second!);
  await expect(rows.nth(1).getByRole("cell").nth(0)).toHaveText("2");
  await expect(rows.nth(1)).toContainText("50.0%");
  await expect(rows.nth(1).getByRole("cell").nth(5)).toHaveText(/^£13,000\.00/);
  await expect(page.getByRole("table")).toContainText("Quality threshold (60%): bids below this line do not meet it");
  await expectAccessiblePage(page);

  await rows.nth(0).getByRole("link", { name: first! }).click();
  await page.getByRole("link", { name: "See this bid’s history" }).click();
  const history = page.getByRole("table");
  for (const action of ["bid.screened", "conflict.declared", "score.moderated"]) await expect(history).toContainText(action);
  await expectAccessiblePage(page);
});
