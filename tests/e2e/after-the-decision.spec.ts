import type { Page } from "@playwright/test";
import { e2eDb } from "./database";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// After the decision, end to end with JavaScript on and off: the administrator releases a round
// whose bids end four ways (awarded, reserve, not funded, not eligible); each outcome email
// reaches the demo mailbox and links to its outcome page; the applicant accepts the award, sends
// the monitoring report it owes, and the administrator accepts the report. Scored bids are seeded
// straight into the e2e server's database (the assessment pages have their own spec).

const DAY = 86_400_000;

async function seedScoredRound(label: string) {
  const db = await e2eDb();
  try {
    const fund = await db.fund.findUniqueOrThrow({ where: { slug: "community-safety-fund" } });
    const applicant = await db.user.findUniqueOrThrow({ where: { email: "applicant@demo.csf.test" } });
    const organisation = await db.organisation.findFirstOrThrow({ where: { members: { some: { userId: applicant.id } } } });
    const assessor = await db.user.findUniqueOrThrow({ where: { email: "assessor@demo.csf.test" } });
    const reason = await db.ineligibilityReason.findFirstOrThrow({ where: { fundId: fund.id } });
    const stamp = `${label}-${Date.now()}`;
    const now = Date.now();
    const round = await db.round.create({
      data: {
        fundId: fund.id,
        slug: `e2e-after-${stamp}`,
        code: `E2E-AD-${stamp}`.toUpperCase(),
        name: `After the decision ${stamp}`,
        opensAt: new Date(now - 30 * DAY),
        closesAt: new Date(now - DAY),
        baseAllocationPence: 1_000_000,
        remainingPotPence: 1_000_000,
        minAwardPence: 100_000,
        maxAwardPence: 1_000_000,
        assessorsPerBid: 1,
        criteria: { create: [{ title: "Supports PCC and partner objectives", weightPercent: 100, position: 0 }] },
        reportStages: { create: [{ position: 0, title: "Mid-point report", relativeTo: "midpoint", offsetDays: 0 }] },
      },
      include: { criteria: true },
    });
    // Funded, reserve, below the quality threshold, and screened out.
    const bids = [
      { title: "Safer parks", amount: 400_000, score: 4 },
      { title: "Night bus marshals", amount: 700_000, score: 3 },
      { title: "Graffiti clean-up", amount: 300_000, score: 1 },
      { title: "Festival stewards", amount: 200_000, score: null },
    ];
    const references: string[] = [];
    for (const [i, b] of bids.entries()) {
      const reference = `CSF-${round.code}-${String(i + 1).padStart(4, "0")}`;
      references.push(reference);
      await db.bid.create({
        data: {
          roundId: round.id,
          organisationId: organisation.id,
          createdById: applicant.id,
          reference,
          status: b.score === null ? "ineligible" : "in_assessment",
          title: b.title,
          amountRequestedPence: b.amount,
          projectStartDate: new Date(now + 30 * DAY),
          projectEndDate: new Date(now + 210 * DAY),
          submittedAt: new Date(now - 2 * DAY + i * 60_000),
          outcomes: { create: [{ position: 0, outcome: "Fewer reports of anti-social behaviour", indicator: "Police incident logs", target: "20% fewer" }] },
          budgetLines: { create: [{ position: 0, item: "Sessional staff", costPence: b.amount }] },
          ...(b.score === null
            ? {
                screeningDecision: "ineligible",
                screeningReason: reason.text,
                screeningNote: "Stewarding a ticketed event is outside this fund.",
                screenedAt: new Date(),
              }
            : {
                assessments: {
                  create: {
                    assessorId: assessor.id,
                    status: "submitted",
                    submittedAt: new Date(),
                    scores: { create: round.criteria.map((c) => ({ criterionId: c.id, score: b.score!, comment: `Comment on ${b.title}` })) },
                  },
                },
              }),
        },
      });
    }
    return { roundId: round.id, references, reason: reason.text };
  } finally {
    await db.$disconnect();
  }
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /Sign out/ }).click();
  await page.waitForURL((url) => !/^\/(administrator|applicant|admin)/.test(url.pathname));
}

/** The outcome page an email in the demo mailbox links to, read from the email's text as an applicant would follow it. */
async function outcomeLinkInMailbox(page: Page, subject: RegExp): Promise<string> {
  await page.goto("/admin/mailbox");
  const email = page.getByRole("link", { name: subject });
  // The in-process worker polls every 2 seconds: look again until it has delivered.
  await expect(async () => {
    await page.reload();
    await expect(email).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await email.click();
  const text = await page.locator(".govuk-inset-text").innerText();
  const link = /https?:\/\/[^\s/]+(\/applicant\/bids\/[^\s/]+\/outcome)\b/.exec(text);
  expect(link, `an outcome link in: ${text}`).not.toBeNull();
  return link![1]!;
}

test("every applicant is told, follows the email to the outcome, accepts the award and sends the report the administrator accepts", async ({
  page,
}, testInfo) => {
  const { roundId, references, reason } = await seedScoredRound(testInfo.project.name);
  const [awarded, reserve, declined, ineligible] = references as [string, string, string, string];

  // The administrator approves one award and releases, putting the second bid on the reserve list.
  await signIn(page, "administrator@demo.csf.test");
  await page.goto(`/administrator/rounds/${roundId}/allocation`);
  await page.getByLabel(`Award for ${awarded}`).fill("4000");
  await page.getByLabel(`Conditions for ${awarded}`).fill("Share attendance figures at the mid-point");
  await page.getByRole("button", { name: "Save proposal" }).click();
  await expect(page.getByText(/Proposal saved/)).toBeVisible();
  await page.getByRole("button", { name: "Approve allocation" }).click();
  await expect(page.getByText(/Allocation approved: 1 awards? totalling £4,000.00/)).toBeVisible();
  await page.getByRole("checkbox", { name: `${reserve}: Night bus marshals` }).check();
  await page.getByRole("button", { name: "Release outcomes" }).click();
  await expect(page.getByText(/Outcomes released: 1 awarded, 1 on the reserve list, 1 not funded/)).toBeVisible();
  await expectAccessiblePage(page);
  await signOut(page);

  // Each outcome email reaches the demo mailbox and links to its own outcome page.
  await signIn(page, "admin@demo.csf.test");
  const links = {
    awarded: await outcomeLinkInMailbox(page, new RegExp(`Your bid ${awarded} has been awarded funding`)),
    reserve: await outcomeLinkInMailbox(page, new RegExp(`Your bid ${reserve} is on the reserve list`)),
    declined: await outcomeLinkInMailbox(page, new RegExp(`The decision on your bid ${declined}`)),
    ineligible: await outcomeLinkInMailbox(page, new RegExp(`The decision on your bid ${ineligible}`)),
  };
  await expectAccessiblePage(page);
  await signOut(page);

  // The applicant follows each link to the decision.
  await signIn(page, "applicant@demo.csf.test");
  await page.goto(links.reserve);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bid is on the reserve list");
  await expectAccessiblePage(page);
  await page.goto(links.declined);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bid has not been funded");
  await expectAccessiblePage(page);
  await page.goto(links.ineligible);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bid is not eligible for this round");
  await expect(page.getByText(reason)).toBeVisible();
  await expect(page.getByText("Stewarding a ticketed event is outside this fund.")).toBeVisible();
  await expectAccessiblePage(page);
  await page.goto(links.awarded);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your bid has been awarded funding");
  await expect(page.getByText("Share attendance figures at the mid-point")).toBeVisible();
  await expectAccessiblePage(page);

  // The applicant accepts the award; its monitoring report is then due.
  await page.getByRole("button", { name: "Respond to your award" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accept or decline your award");
  await page.getByLabel("I accept the conditions of this award on behalf of my organisation").check();
  await page.getByLabel("I confirm the fund administrator holds our organisation's bank details").check();
  await page.getByRole("button", { name: "Accept the award" }).click();
  await expect(page.getByText("You have accepted the award.")).toBeVisible();
  await expectAccessiblePage(page);
  await page.goto(links.awarded);
  await page.getByRole("link", { name: "Mid-point report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mid-point report");
  await page.getByLabel("Achieved so far for outcome 1").fill("12");
  await page.getByLabel("Commentary on outcome 1").fill("Incident logs for the first three months.");
  await page.getByLabel("Spent so far on budget line 1: Sessional staff").fill("1,800");
  await page.getByLabel("Progress").fill("Patrols run every weekend since the start.");
  await page.getByLabel("Challenges").fill("Recruiting volunteers took longer than planned.");
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.getByText("Your report has been submitted.")).toBeVisible();
  await expectAccessiblePage(page);
  await signOut(page);

  // The administrator finds the report in the round's list and accepts it.
  await signIn(page, "administrator@demo.csf.test");
  await page.goto(`/administrator/rounds/${roundId}/reports`);
  await page.getByRole("link", { name: /Mid-point report/ }).click();
  await expect(page.getByText("£1,800.00").first()).toBeVisible();
  await page.getByLabel("Accept the report").check();
  await page.getByLabel("Comment for the organisation").fill("Thank you, a clear report.");
  await page.getByRole("button", { name: "Send review" }).click();
  await expect(page.getByText(/The report has been accepted/)).toBeVisible();
  await expectAccessiblePage(page);
});
