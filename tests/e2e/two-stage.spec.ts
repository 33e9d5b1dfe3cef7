import { formatDateTime } from "../../app/lib/dates";
import { formatPounds } from "../../app/lib/money";
import { DEMO_PASSWORD, expect, expectAccessiblePage, signIn, test } from "./fixtures";
import { withE2eDb } from "./database";
import { seedApplicant, seedOpenRound } from "./stage-accounts";

// A two-stage round (ADR 0026), with JavaScript on and off: an applicant finds the round and its
// stage dates, sends an expression of interest; the fund administrator reviews it and another
// organisation's, is refused a choice over the cap, and invites the first only; the invited
// applicant continues into a full bid with the answers carried over and the full-bid deadline; the
// other organisation's email carries the feedback. axe checks every page visited.
test("an applicant goes from expression of interest to an invited full bid; the other organisation is told, with feedback", async ({
  page,
  browser,
}, testInfo) => {
  const label = `Stages ${testInfo.project.name}`;
  const { round, roundName, invited, other, otherTitle } = await withE2eDb(async (db) => {
    const { round, roundName } = await seedOpenRound(db, "victims-services", testInfo.project.name, {
      twoStage: true,
      eoiClosesAt: new Date(Date.now() + 3_600_000),
      invitationCapPence: 2_000_000,
    });
    const invited = await seedApplicant(db, `${label} A`);
    const other = await seedApplicant(db, `${label} B`);
    // Another organisation's expression of interest, already in.
    const otherTitle = `Victim support hub ${Date.now()}`;
    await db.expressionOfInterest.create({
      data: {
        roundId: round.id,
        organisationId: other.organisationId,
        createdById: other.userId,
        status: "submitted",
        title: otherTitle,
        summary: "A drop-in hub where victims of crime get practical help.",
        areaIds: JSON.stringify([round.areas[0]!.id]),
        priorityIds: JSON.stringify([round.priorities[1]!.id]),
        amountRequestedPence: 1_500_000,
        submittedAt: new Date(),
      },
    });
    return { round, roundName, invited, other, otherTitle };
  });
  const title = `Night-time economy marshals ${Date.now()}`;
  const otherFeedback = "A good idea, but others reached more victims for the money in this round.";
  const summary = "Trained marshals in Darlington town centre on Friday and Saturday nights, working with door staff and the police.";

  // The public round page shows both stages' dates.
  await page.goto(`/rounds/${round.slug}`);
  await expect(page.getByText("Expressions of interest close", { exact: true })).toBeVisible();
  await expect(page.getByText(`Full bids from invited organisations close`)).toBeVisible();
  await expect(page.getByText(formatDateTime(round.closesAt)).first()).toBeVisible();
  await expectAccessiblePage(page);

  // Starting a bid in a two-stage round starts an expression of interest.
  await signIn(page, invited.email, DEMO_PASSWORD);
  await page.getByRole("link", { name: "Start a new bid" }).click();
  await page.getByRole("link", { name: roundName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Start an expression of interest for ${round.name}`);
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Start expression of interest" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your expression of interest");
  await expectAccessiblePage(page);
  await page.getByLabel("Project title").fill(title);
  await page.getByLabel("What will your project do, where and for whom?").fill(summary);
  await page.getByRole("group", { name: "Which areas will it serve?" }).getByLabel("Darlington").check();
  await page
    .getByRole("group", { name: /priorities will it address/ })
    .getByLabel("Reducing anti-social behaviour")
    .check();
  await page.getByLabel("Roughly how much will you ask for?").fill("12000");
  await page.getByRole("button", { name: "Submit expression of interest" }).click();
  await expect(page.getByText("Expression of interest submitted")).toBeVisible();
  await expectAccessiblePage(page);

  // Time passes: expressions of interest close.
  await withE2eDb((db) => db.round.update({ where: { id: round.id }, data: { eoiClosesAt: new Date(Date.now() - 60_000) } }));

  // The fund administrator reviews both, in a browser of their own.
  const staffContext = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  try {
    const staff = await staffContext.newPage();
    await signIn(staff, "administrator@demo.csf.test", DEMO_PASSWORD);
    await staff.goto(`/administrator/rounds/${round.id}/expressions-of-interest`);
    await expect(staff.getByText("2 still to review")).toBeVisible();
    await expectAccessiblePage(staff);
    const review = async (organisationName: string, score: string, feedback: string) => {
      await staff.getByRole("link", { name: new RegExp(organisationName) }).click();
      await expect(staff.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessiblePage(staff);
      await staff.getByLabel("Eligible: it can be invited").check();
      await staff.getByLabel(new RegExp(`^${score}:`)).check();
      await staff.getByLabel("Feedback for the organisation").fill(feedback);
      await staff.getByRole("button", { name: "Save review" }).click();
      await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Expressions of interest");
    };
    await review(invited.organisationName, "4", "Clear need and good partners.");
    await review(other.organisationName, "3", otherFeedback);
    await expect(staff.getByText("still to review")).toHaveCount(0);

    // Both together are over the £20,000 cap: refused, with the total.
    const inviteA = staff.getByLabel(`Invite ${invited.organisationName}: ${title}`);
    const inviteB = staff.getByLabel(`Invite ${other.organisationName}: ${otherTitle}`);
    await inviteA.check();
    await inviteB.check();
    await staff.getByRole("button", { name: "Check total" }).click();
    await expect(staff.locator("#running-total")).toHaveText(
      `Chosen: ${formatPounds(2_700_000)} of the ${formatPounds(2_000_000)} invitation cap, ${formatPounds(700_000)} over`,
    );
    await expect(staff.locator(".govuk-error-summary")).toContainText("over the invitation cap");
    await expectAccessiblePage(staff);
    await inviteB.uncheck();
    await staff.getByRole("button", { name: "Send invitations and tell the others" }).click();
    await expect(staff.getByText("The stage-one decision has been sent")).toBeVisible();
    await expect(staff.getByText(`Invited so far: ${formatPounds(1_200_000)} of the ${formatPounds(2_000_000)} cap`)).toBeVisible();
    await expectAccessiblePage(staff);
  } finally {
    await staffContext.close();
  }

  // The invited applicant continues into the full bid: answers carried over, the full-bid deadline shown.
  await page.goto("/applicant");
  // The expressions of interest section (the draft bid made from it has the same title).
  await page.locator("section[aria-labelledby='eois-heading']").getByRole("link", { name: title }).click();
  await expect(page.getByText("You are invited to make a full bid")).toBeVisible();
  await expect(page.getByText("Clear need and good partners.")).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByRole("link", { name: "Continue to your full bid" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(`Submit your bid by ${formatDateTime(round.closesAt)}`)).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByRole("link", { name: "About the project" }).click();
  await expect(page.getByLabel("Project title")).toHaveValue(title);
  await expect(page.getByLabel("Amount requested")).toHaveValue(/^12,?000(\.00)?$/);
  await expect(page.getByLabel("Summary of your project")).toHaveValue(summary);
  await expectAccessiblePage(page);
  await page.getByRole("link", { name: "Back to your bid" }).click();
  await page.getByRole("link", { name: "Areas served" }).click();
  await expect(page.getByLabel("Darlington", { exact: true })).toBeChecked();
  await expect(page.getByLabel("County Durham", { exact: true })).not.toBeChecked();
  await expectAccessiblePage(page);

  // The organisation not invited has been told, with the feedback, by email.
  const adminContext = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, "admin@demo.csf.test", DEMO_PASSWORD);
    await admin.goto("/admin/mailbox");
    const message = admin
      .getByRole("row")
      .filter({ hasText: other.email })
      .getByRole("link", { name: `Your expression of interest: ${otherTitle}` });
    // The worker polls every 2 seconds: look again until it has delivered the email.
    await expect(async () => {
      await admin.reload();
      await expect(message).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expectAccessiblePage(admin);
    await message.click();
    // The plain-text body, its wrapped lines joined again.
    const body = (await admin.locator(".govuk-inset-text").last().innerText()).replace(/\s+/g, " ");
    expect(body).toContain(`Our feedback: ${otherFeedback}`);
    expect(body).toContain("we are not inviting a full bid for this project");
    await expectAccessiblePage(admin);
  } finally {
    await adminContext.close();
  }
});
