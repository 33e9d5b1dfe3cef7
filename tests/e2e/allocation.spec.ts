import { e2eDb } from "./database";
import { expect, expectAccessiblePage, signIn, test } from "./fixtures";

// Allocation end to end, with JavaScript on and off: load the rank order suggestion, edit an award
// and see the remaining pot change, approve, OPCC sign-off, release, and the applicant sees the
// outcome. Scored bids are seeded straight into the e2e server's database (the assessment pages
// have their own spec); each run makes its own round so the two projects do not meet.

async function seedScoredRound(label: string, { scores = [4, 3, 1], opccSignOffRequired = true } = {}) {
  const db = await e2eDb();
  try {
    const fund = await db.fund.findUniqueOrThrow({ where: { slug: "community-safety-fund" } });
    const organisation = await db.organisation.findFirstOrThrow({ where: { members: { some: { user: { email: "applicant@demo.csf.test" } } } } });
    const applicant = await db.user.findUniqueOrThrow({ where: { email: "applicant@demo.csf.test" } });
    const assessor = await db.user.findUniqueOrThrow({ where: { email: "assessor@demo.csf.test" } });
    const stamp = `${label}-${Date.now()}`;
    const now = Date.now();
    const round = await db.round.create({
      data: {
        fundId: fund.id,
        slug: `e2e-allocation-${stamp}`,
        code: `E2E-${stamp}`,
        name: `Allocation test ${stamp}`,
        opensAt: new Date(now - 30 * 86_400_000),
        closesAt: new Date(now - 86_400_000),
        baseAllocationPence: 600_000,
        rolledForwardPence: 200_000,
        matchFundingPence: 200_000,
        remainingPotPence: 1_000_000,
        minAwardPence: 100_000,
        maxAwardPence: 2_500_000,
        assessorsPerBid: 1,
        opccSignOffRequired,
        criteria: {
          create: [
            { title: "Supports PCC and partner objectives", weightPercent: 40, position: 0 },
            { title: "Value for money", weightPercent: 35, position: 1 },
            { title: "Deliverability", weightPercent: 25, position: 2 },
          ],
        },
      },
      include: { criteria: { orderBy: { position: "asc" } } },
    });
    // Rank 1 asks £4,000, rank 2 £5,000; the third is below the quality threshold.
    const bids = [
      { title: "Safer parks", amount: 400_000, score: scores[0]! },
      { title: "Night bus marshals", amount: 500_000, score: scores[1]! },
      { title: "Graffiti clean-up", amount: 300_000, score: scores[2]! },
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
          status: "in_assessment",
          title: b.title,
          amountRequestedPence: b.amount,
          submittedAt: new Date(now - 2 * 86_400_000 + i * 60_000),
          assessments: {
            create: {
              assessorId: assessor.id,
              status: "submitted",
              submittedAt: new Date(),
              scores: { create: round.criteria.map((c) => ({ criterionId: c.id, score: b.score, comment: `${c.title} comment on ${b.title}` })) },
            },
          },
        },
      });
    }
    return { roundId: round.id, roundName: `Community Safety Fund: ${round.name}`, references };
  } finally {
    await db.$disconnect();
  }
}

async function signOut(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: /Sign out/ }).click();
  await page.waitForURL((url) => url.pathname !== "/administrator" && url.pathname !== "/opcc");
}

test("the administrator allocates, the OPCC signs off, outcomes are released and the applicant sees theirs", async ({ page }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const { roundId, roundName, references } = await seedScoredRound(testInfo.project.name);
  const workspace = `/administrator/rounds/${roundId}/allocation`;
  const remaining = page.getByTestId("remaining-pot");

  await signIn(page, "administrator@demo.csf.test");
  await page.goto(workspace);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Allocation");
  await expect(remaining).toHaveText("£10,000.00");
  await expectAccessiblePage(page);

  // The rank order suggestion fills in the form, explained line by line; nothing is saved yet.
  await page.getByRole("button", { name: "Load rank order suggestion" }).click();
  await expect(page.getByTestId("suggestion")).toContainText("Rank order suggestion (skip bids that do not fit) loaded");
  await expect(page.getByText("Suggestion: funded: rank 1, fits")).toBeVisible();
  await expect(page.getByText(/Suggestion: below quality threshold/)).toBeVisible();
  await expect(remaining).toHaveText("£1,000.00");
  await expectAccessiblePage(page);

  // Edit an award: live with JavaScript, on saving without it.
  const secondAward = page.getByLabel(`Award for ${references[1]}`);
  await expect(secondAward).toHaveValue("5000");
  await secondAward.fill("4500");
  if (javaScript) await expect(remaining).toHaveText("£1,500.00");
  await page.getByRole("button", { name: "Save proposal" }).click();
  await expect(page.getByText(/Proposal saved/)).toBeVisible();
  await expect(remaining).toHaveText("£1,500.00");

  // An award above the request is refused with a GOV.UK error.
  await page.getByLabel(`Award for ${references[0]}`).fill("4000.01");
  await page.getByRole("button", { name: "Save proposal" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(`The award for ${references[0]} must be £4,000.00 or less, the amount requested`);
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessiblePage(page);
  await page.goto(workspace);

  await page.getByRole("button", { name: "Approve allocation" }).click();
  await expect(page.getByText(/Allocation approved: 2 awards totalling £8,500.00/)).toBeVisible();
  await expectAccessiblePage(page);
  await signOut(page);

  // The OPCC signs it off.
  await signIn(page, "opcc@demo.csf.test");
  await page.goto("/opcc");
  await page.getByRole("link", { name: roundName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign off allocation");
  await expectAccessiblePage(page);
  await page.getByLabel("Yes, sign it off").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/Allocation signed off/)).toBeVisible();
  await signOut(page);

  // The administrator releases the outcomes.
  await signIn(page, "administrator@demo.csf.test");
  await page.goto(workspace);
  await page.getByRole("button", { name: "Release outcomes" }).click();
  await expect(page.getByText(/Outcomes released: 2 awarded, 0 on the reserve list, 1 not funded/)).toBeVisible();
  await expectAccessiblePage(page);
  await signOut(page);

  // The applicant sees each bid's outcome.
  await signIn(page, "applicant@demo.csf.test");
  await page.goto("/applicant");
  await expect(page.getByRole("row", { name: new RegExp(`${references[0]}.*Awarded.*Award: £4,000.00`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${references[1]}.*Awarded.*Award: £4,500.00`) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${references[2]}.*Not funded`) })).toBeVisible();
  await expectAccessiblePage(page);
});

test("after release, a declined award's money goes back to the pot and the reserve bid is offered it", async ({ page }, testInfo) => {
  // All three bids meet the threshold; no OPCC sign-off, so approval leads straight to release.
  const { roundId, references } = await seedScoredRound(`${testInfo.project.name}-reserve`, { scores: [4, 3, 3], opccSignOffRequired: false });
  const workspace = `/administrator/rounds/${roundId}/allocation`;
  const [first, second, reserve] = references as [string, string, string];

  await signIn(page, "administrator@demo.csf.test");
  await page.goto(workspace);
  await page.getByLabel(`Award for ${first}`).fill("4000");
  await page.getByLabel(`Award for ${second}`).fill("5000");
  await page.getByRole("button", { name: "Save proposal" }).click();
  await expect(page.getByText(/Proposal saved/)).toBeVisible();
  await page.getByRole("button", { name: "Approve allocation" }).click();
  await expect(page.getByText(/Allocation approved: 2 awards totalling £9,000.00/)).toBeVisible();

  // The release form suggests feedback from the assessors' comments, to edit before release.
  const feedback = page.getByLabel(`Feedback for ${reserve}`);
  await expect(feedback).toHaveValue(/Value for money: Value for money comment on Graffiti clean-up/);
  await feedback.fill("Strong bid; we hope to fund it if money is freed.");
  await page.getByRole("checkbox", { name: `${reserve}: Graffiti clean-up` }).check();
  await expectAccessiblePage(page);
  // The choices are saved and shown again on a later visit (a large round is chosen a page at a time).
  await page.getByRole("button", { name: "Save choices on this page" }).click();
  await expect(page.getByText("Choices saved for 1 bid on this page.")).toBeVisible();
  await page.goto(workspace);
  await expect(page.getByRole("checkbox", { name: `${reserve}: Graffiti clean-up` })).toBeChecked();
  await expect(page.getByLabel(`Feedback for ${reserve}`)).toHaveValue("Strong bid; we hope to fund it if money is freed.");
  await expect(page.getByTestId("release-choices")).toContainText("On the reserve list1 bid");
  await page.getByRole("button", { name: "Release outcomes" }).click();
  await expect(page.getByText(/Outcomes released: 2 awarded, 1 on the reserve list, 0 not funded/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reserve list" })).toBeVisible();
  await expect(page.getByTestId("freed-money")).toContainText("Remaining in the pot: £1,000.00");
  await expectAccessiblePage(page);

  // Offering more than is left is refused with the amount over.
  await page.getByLabel(`Award for ${reserve}`).fill("3000");
  await page.getByRole("button", { name: `Offer an award to ${reserve}` }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("£2,000.00 over the remaining pot of £1,000.00");
  await expectAccessiblePage(page);

  // The first applicant declines: its £4,000.00 goes back to the pot and can be offered.
  await page.getByRole("button", { name: `Record that the applicant declined the award for ${first}` }).click();
  await expect(page.getByText(`£4,000.00 has been returned to the pot`)).toBeVisible();
  await expect(page.getByTestId("freed-money")).toContainText("Money returned from declined or withdrawn awards: £4,000.00. Remaining in the pot: £5,000.00");
  await page.getByLabel(`Award for ${reserve}`).fill("3000");
  await page.getByRole("button", { name: `Offer an award to ${reserve}` }).click();
  await expect(page.getByText(`${reserve} has been offered an award of £3,000.00`)).toBeVisible();
  await expect(page.getByText("There are no bids on the reserve list.")).toBeVisible();
  await expectAccessiblePage(page);
  await signOut(page);

  await signIn(page, "applicant@demo.csf.test");
  await page.goto("/applicant");
  await expect(page.getByRole("row", { name: new RegExp(`${reserve}.*Awarded.*Award: £3,000.00`) })).toBeVisible();
});
