import { expect, expectAccessiblePage, test } from "./fixtures";
import { registerApplicant } from "./mailbox";

// A new applicant's first steps, with JavaScript on and off: the round page, the eligibility
// check (failing answers first, then passing), registering, the organisation profile (an error
// first) and inviting a colleague. axe checks every page, error states included.
test("a new applicant checks eligibility, registers, creates their organisation and invites a colleague", async ({ page, browser }, testInfo) => {
  await page.goto("/rounds");
  await page.getByRole("link", { name: "Community Safety Fund: 2025 to 2026, round 1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2025 to 2026, round 1");
  await expect(page.getByText("Total pot")).toBeVisible();
  await expect(page.getByText(/Requests so far add up to \d+% of the money available\./)).toBeVisible();
  await expect(page.getByRole("row", { name: /Value for money .* 25%/ })).toBeVisible();
  await expectAccessiblePage(page);

  // The eligibility check: nothing answered first.
  await page.getByRole("button", { name: "Check if you can apply" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check if you can apply");
  await expectAccessiblePage(page);
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Select the type of organisation that is applying");
  await expect(summary).toContainText("Enter the amount you are requesting, like 12500");
  await expect(page).toHaveTitle(/^Error: Check if you can apply/);
  await expectAccessiblePage(page);

  // Answers that fail every rule the person controls.
  const areas = page.getByRole("group", { name: "Where will your project work?" });
  const priorities = page.getByRole("group", { name: /Which of the Police and Crime Commissioner's priorities/ });
  await page.getByLabel("Private company").check();
  await areas.getByLabel("None of these").check();
  await priorities.getByLabel("None of these").check();
  await page.getByLabel("How much money will you ask for?").fill("30000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You cannot apply");
  const reasons = page.locator("#reasons li");
  await expect(reasons).toHaveCount(4);
  await expect(reasons.nth(0)).toContainText("voluntary and community sector organisations");
  await expect(reasons.nth(1)).toContainText("your project must work in County Durham or Darlington");
  await expect(reasons.nth(2)).toContainText("Police and Crime Commissioner's priorities");
  await expect(reasons.nth(3)).toContainText("the largest award in this round is £25,000.00");
  await expect(page.getByRole("button", { name: "Start your bid" })).toHaveCount(0);
  await expectAccessiblePage(page);

  // Change the answers: the questions come back filled in.
  await page.getByRole("link", { name: "Change type of organisation" }).click();
  await expect(page.getByLabel("Private company")).toBeChecked();
  await expect(page.getByLabel("How much money will you ask for?")).toHaveValue("30000");
  await page.getByLabel("Registered charity").check();
  await areas.getByLabel("None of these").uncheck();
  await areas.getByLabel("Darlington", { exact: true }).check();
  await priorities.getByLabel("None of these").uncheck();
  await priorities.getByLabel("Reducing anti-social behaviour").check();
  await page.getByLabel("How much money will you ask for?").fill("£12,500");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You can apply");
  await expect(page.getByRole("button", { name: "Start your bid" })).toHaveAttribute("href", "/applicant/bids/new?round=2025-26-round-1");
  await expect(page.getByText("£12,500.00")).toBeVisible();
  await expectAccessiblePage(page);

  // Register.
  const email = `nadia-${testInfo.project.name}-${Date.now()}@example.org`;
  await registerApplicant(page, browser, { name: "Nadia Okafor", email, password: "a-long-enough-password" });

  // The organisation profile, with mistakes first.
  await page.getByRole("link", { name: "Create your organisation's profile" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your organisation's profile");
  await expect(page.getByLabel("Full name")).toHaveValue("Nadia Okafor");
  await expectAccessiblePage(page);
  await page.getByLabel("Organisation name").fill("Newton Aycliffe Youth Forum");
  await page.getByLabel("Charitable incorporated organisation (CIO)").check();
  await page.getByLabel("Address line 1").fill("Library, Central Avenue");
  await page.getByLabel("Town or city").fill("Newton Aycliffe");
  await page.getByLabel("Postcode").fill("DH1");
  await page.getByLabel("Annual income").fill("lots");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(summary).toContainText("Enter your organisation's charity number");
  await expect(summary).toContainText("Enter a full UK postcode, like DH1 3NP");
  await expect(summary).toContainText("Enter your organisation's annual income as a number, like 25000 or 25000.50");
  await expect(page).toHaveTitle(/^Error: Create your organisation's profile/);
  await expect(page.getByLabel("Organisation name")).toHaveValue("Newton Aycliffe Youth Forum");
  await expectAccessiblePage(page);
  await summary.getByRole("link", { name: "Enter a full UK postcode, like DH1 3NP" }).click();
  await expect(page.getByLabel("Postcode")).toBeFocused();

  await page.getByLabel("Charity number").fill("1167432");
  await page.getByLabel("Postcode").fill("dl5 4aa");
  await page.getByLabel("Annual income").fill("25,000");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/applicant$/);
  await expect(page.getByRole("heading", { name: "Newton Aycliffe Youth Forum" })).toBeVisible();
  await expectAccessiblePage(page);

  // Invite a colleague.
  await page.getByRole("link", { name: /Organisation details and members/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Newton Aycliffe Youth Forum");
  await expect(page.getByLabel("Postcode")).toHaveValue("DL5 4AA");
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await expectAccessiblePage(page);
  await page.getByRole("link", { name: "Invite a colleague" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite a colleague");
  await page.getByLabel("Your colleague's email address").fill("not an email");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(summary).toContainText("Enter an email address in the correct format, like name@example.org");
  await expect(page).toHaveTitle(/^Error: Invite a colleague/);
  await expectAccessiblePage(page);
  const colleague = `tom-${testInfo.project.name}-${Date.now()}@example.org`;
  await page.getByLabel("Your colleague's email address").fill(colleague);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Newton Aycliffe Youth Forum");
  await expect(page.locator(".govuk-notification-banner")).toContainText(`Invitation sent to ${colleague}`);
  await expect(page.getByRole("cell", { name: colleague })).toBeVisible();
  await expectAccessiblePage(page);
});

test("an invitation link that is not valid gets a clear page", async ({ page }) => {
  const response = await page.goto(`/invitations/${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This invitation link is not valid");
  await expectAccessiblePage(page);
});
