// Organisation profiles and invitations: members only (scoped in the query), every field
// validated with GOV.UK messages, invitations stored as a hash with their email queued in the
// same transaction, and every bad link answered with a clear page.
import { describe, expect, it } from "vitest";
import { hashInvitationToken } from "~/domain/organisations/invitations.server";
import { db } from "~/lib/db.server";
import { seedDemo } from "../../prisma/demo-data";
import { hashSessionToken } from "~/domain/auth/session.server";
import { cookieFor, send, signedInAs } from "../support/app";
import { startEachTestEmpty } from "../support/database";
import { registerThroughLink } from "../support/registration";

startEachTestEmpty();

const NEW = "/applicant/organisation/new";

const good = {
  name: "Bishop Auckland Street Pastors",
  type: "registered_charity",
  charityNumber: "1167 432",
  companyNumber: "",
  addressLine1: "3 Market Place",
  addressLine2: "",
  town: "Bishop Auckland",
  postcode: "dl14 7nj",
  annualIncome: "£42,500.50",
  contactName: "Jo Hall",
  contactEmail: "Jo.Hall@Example.org",
  contactPhone: "01388 600 001",
};

function decode(html: string) {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/** The page as shown, without the data the scripts carry. */
function visible(html: string) {
  return html.replace(/<script[\s\S]*?<\/script>/g, "");
}

/** The words on the page, as a person reads them. */
function textOf(html: string) {
  return decode(
    visible(html)
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<[^>]+>/g, " "),
  ).replace(/\s+/g, " ");
}

async function createOrganisation(cookie: string, form: Record<string, string> = good) {
  const response = await send(NEW, { cookie, form });
  expect(response.status, await response.clone().text()).toBe(302);
  return db.organisation.findFirstOrThrow({ where: { name: form.name }, orderBy: { createdAt: "desc" } });
}

describe("creating an organisation", () => {
  it("saves the profile in normalised form, makes the creator its owner, and goes to the applicant's home", async () => {
    const { user, cookie } = await signedInAs("applicant");
    const response = await send(NEW, { cookie, form: good });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/applicant");
    const organisation = await db.organisation.findFirstOrThrow({ include: { members: true } });
    expect(organisation).toMatchObject({
      name: "Bishop Auckland Street Pastors",
      type: "registered_charity",
      charityNumber: "1167432",
      companyNumber: null,
      addressLine2: null,
      town: "Bishop Auckland",
      postcode: "DL14 7NJ",
      annualIncomePence: 4_250_050,
      contactEmail: "jo.hall@example.org",
      contactPhone: "01388 600 001",
    });
    expect(organisation.members).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);
    expect(await db.auditEvent.count({ where: { action: "organisation.created", actorId: user.id, subjectId: organisation.id } })).toBe(1);

    const home = decode(await (await send("/applicant", { cookie })).text());
    expect(home).toContain("Bishop Auckland Street Pastors");
    expect(home).toContain(`href="/applicant/organisations/${organisation.id}"`);
  });

  it("offers the signed-in person as the main contact", async () => {
    const { user, cookie } = await signedInAs("applicant", { name: "Kemi Adebayo" });
    const html = await (await send(NEW, { cookie })).text();
    expect(html).toContain('value="Kemi Adebayo"');
    expect(html).toContain(`value="${user.email}"`);
  });

  it("goes back into the applicant's pages it came from, and nowhere else", async () => {
    const { cookie } = await signedInAs("applicant");
    const to = async (redirectTo: string) => (await send(NEW, { cookie, form: { ...good, redirectTo } })).headers.get("Location");
    expect(await to("/applicant/bids/new?round=2025-26-round-1")).toBe("/applicant/bids/new?round=2025-26-round-1");
    expect(await to("https://evil.example/")).toBe("/applicant");
    expect(await to("//evil.example/applicant/")).toBe("/applicant");
    expect(await to("/admin")).toBe("/applicant");
    const page = await (await send(`${NEW}?redirectTo=${encodeURIComponent("/applicant/bids/new?round=2025-26-round-1")}`, { cookie })).text();
    expect(decode(page)).toContain('name="redirectTo" value="/applicant/bids/new?round=2025-26-round-1"');
  });

  it("names every missing field, in page order, and saves nothing", async () => {
    const { cookie } = await signedInAs("applicant");
    const response = await send(NEW, { cookie, form: { type: "cic" } });
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain("<title>Error: Create your organisation's profile");
    const messages = [
      "Enter your organisation's name",
      "Enter your organisation's company number",
      "Enter the first line of your organisation's address",
      "Enter your organisation's town or city",
      "Enter your organisation's postcode, like DH1 3NP",
      "Enter your organisation's annual income, like 25000",
      "Enter the name of the main contact",
      "Enter the main contact's email address",
    ];
    const summary = visible(html).match(/<div class="govuk-error-summary"[\s\S]*?<\/ul>/)?.[0] ?? "";
    const positions = messages.map((m) => summary.indexOf(m));
    expect(
      positions.every((p) => p >= 0),
      summary,
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const message of messages) expect(visible(html).split(message).length - 1, message).toBe(2);
    expect(await db.organisation.count()).toBe(0);
  });

  it.each([
    [{ type: "" }, "type", "Select your organisation's type"],
    [{ type: "limited_company" }, "type", "Select your organisation's type"],
    [{ charityNumber: "" }, "charityNumber", "Enter your organisation's charity number"],
    [{ charityNumber: "12-34" }, "charityNumber", "Charity number must be 6 to 8 digits, like 1167432"],
    [{ type: "cio", charityNumber: "" }, "charityNumber", "Enter your organisation's charity number"],
    [{ type: "company_limited_by_guarantee", companyNumber: "" }, "companyNumber", "Enter your organisation's company number"],
    [{ type: "cic", companyNumber: "1234567" }, "companyNumber", "Company number must be 8 characters, like 12345678 or SC123456"],
    [{ postcode: "DH1" }, "postcode", "Enter a full UK postcode, like DH1 3NP"],
    [{ annualIncome: "lots" }, "annualIncome", "Enter your organisation's annual income as a number, like 25000 or 25000.50"],
    [{ annualIncome: "-100" }, "annualIncome", "Enter your organisation's annual income as a number, like 25000 or 25000.50"],
    [{ annualIncome: "12345678901" }, "annualIncome", "Annual income must be £10,000,000 or less"],
    [{ name: "x".repeat(161) }, "name", "Organisation name must be 160 characters or fewer"],
    [{ town: "Durham\r\nBcc: x@example.org" }, "town", "Town or city must be on one line"],
    [{ contactEmail: "jo@" }, "contactEmail", "Enter an email address in the correct format, like name@example.org"],
    [{ contactPhone: "ring the office" }, "contactPhone", "Enter a telephone number, like 01632 960 001 or +44 808 157 0192"],
  ])("refuses %j with a message at #%s, keeps what was typed and saves nothing", async (change, field, message) => {
    const { cookie } = await signedInAs("applicant");
    const response = await send(NEW, { cookie, form: { ...good, ...change } });
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain(`<a href="#${field}">${message}</a>`);
    expect(html).toContain(`id="${field}-error"`);
    expect(html).toContain('value="3 Market Place"');
    expect(await db.organisation.count()).toBe(0);
  });

  it("accepts a CIC with a Scottish company number and no charity number", async () => {
    const { cookie } = await signedInAs("applicant");
    const organisation = await createOrganisation(cookie, { ...good, type: "cic", charityNumber: "", companyNumber: "sc123456", contactPhone: "" });
    expect(organisation).toMatchObject({ type: "cic", charityNumber: null, companyNumber: "SC123456", contactPhone: null });
  });

  it("shows HTML and script as text, on an error page and once saved", async () => {
    const { cookie } = await signedInAs("applicant");
    const script = "<script>alert('x')</script>";
    const failed = await send(NEW, { cookie, form: { ...good, name: script, postcode: "nope" } });
    expect(failed.status).toBe(400);
    const failedHtml = visible(await failed.text());
    expect(failedHtml).not.toContain(script);
    expect(failedHtml).toContain("&lt;script&gt;");

    const organisation = await createOrganisation(cookie, { ...good, name: script });
    expect(organisation.name).toBe(script);
    const page = visible(await (await send(`/applicant/organisations/${organisation.id}`, { cookie })).text());
    expect(page).not.toContain(script);
    expect(page).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
  });

  it("ignores tampered extra fields", async () => {
    const { user, cookie } = await signedInAs("applicant");
    const other = await signedInAs("applicant");
    await createOrganisation(cookie, { ...good, id: "chosen-id", role: "member", userId: other.user.id, annualIncomePence: "1" } as Record<string, string>);
    const organisation = await db.organisation.findFirstOrThrow({ include: { members: true } });
    expect(organisation.id).not.toBe("chosen-id");
    expect(organisation.annualIncomePence).toBe(4_250_050);
    expect(organisation.members).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);
  });

  it("is for applicants only", async () => {
    const { cookie } = await signedInAs("assessor");
    expect((await send(NEW, { cookie, form: good })).status).toBe(403);
    expect((await send(NEW, { form: good })).status).toBe(302);
    expect(await db.organisation.count()).toBe(0);
  });
});

describe("editing an organisation", () => {
  it("lets a member see and change the profile", async () => {
    const { user, cookie } = await signedInAs("applicant");
    const organisation = await createOrganisation(cookie);
    const page = decode(await (await send(`/applicant/organisations/${organisation.id}`, { cookie })).text());
    expect(page).toContain('value="DL14 7NJ"');
    expect(page).toContain('value="42500.50"');
    expect(page).toContain(user.email);

    const response = await send(`/applicant/organisations/${organisation.id}`, { cookie, form: { ...good, town: "Shildon", postcode: "DL4 1AA" } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/applicant/organisations/${organisation.id}?updated=1`);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({ town: "Shildon", postcode: "DL4 1AA" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "organisation.updated", subjectId: organisation.id } });
    expect(JSON.parse(audit.before!)).toMatchObject({ town: "Bishop Auckland" });
    expect(JSON.parse(audit.after!)).toMatchObject({ town: "Shildon" });
    const saved = decode(await (await send(`/applicant/organisations/${organisation.id}?updated=1`, { cookie })).text());
    expect(saved).toContain("Organisation details saved");
  });

  it("keeps the saved profile when a change is invalid", async () => {
    const { cookie } = await signedInAs("applicant");
    const organisation = await createOrganisation(cookie);
    const response = await send(`/applicant/organisations/${organisation.id}`, { cookie, form: { ...good, name: "", postcode: "ZZZ" } });
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain("Enter your organisation's name");
    expect(html).toContain('value="ZZZ"');
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({ name: good.name, postcode: "DL14 7NJ" });
  });

  it("answers 404 to anyone who is not a member, leaks nothing and changes nothing", async () => {
    await seedDemo(db);
    const theirs = await db.organisation.findFirstOrThrow({ where: { name: "Safe Streets CIC" } });
    const { user, cookie } = await signedInAs("applicant");
    for (const path of [`/applicant/organisations/${theirs.id}`, `/applicant/organisations/${theirs.id}/invite`, "/applicant/organisations/no-such-id"]) {
      const response = await send(path, { cookie });
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expect(html).not.toContain("Safe Streets");
      expect(html).not.toContain("11873245");
    }
    const invalid = await send(`/applicant/organisations/${theirs.id}`, { cookie, form: { ...good, name: "" } });
    expect(invalid.status).toBe(404);
    expect(await invalid.text()).not.toContain("Safe Streets");
    const valid = await send(`/applicant/organisations/${theirs.id}`, { cookie, form: { ...good, name: "Taken over" } });
    expect(valid.status).toBe(404);
    const invite = await send(`/applicant/organisations/${theirs.id}/invite`, { cookie, form: { email: "friend@example.org" } });
    expect(invite.status).toBe(404);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("Safe Streets CIC");
    expect(await db.organisationInvitation.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "organisation.access_refused", actorId: user.id, outcome: "refused" } })).toBeGreaterThanOrEqual(5);
  });
});

describe("inviting a colleague", () => {
  async function setUp() {
    const owner = await signedInAs("applicant", { name: "Jo Hall" });
    const organisation = await createOrganisation(owner.cookie);
    return { owner, organisation, invitePath: `/applicant/organisations/${organisation.id}/invite` };
  }

  it("stores only the token's hash and queues the email in the same change", async () => {
    const { owner, organisation, invitePath } = await setUp();
    const response = await send(invitePath, { cookie: owner.cookie, form: { email: " Sam.Green@Example.org " } });
    expect(response.status).toBe(302);
    const invitation = await db.organisationInvitation.findFirstOrThrow();
    expect(response.headers.get("Location")).toBe(`/applicant/organisations/${organisation.id}?invited=${invitation.id}`);
    expect(invitation).toMatchObject({ organisationId: organisation.id, email: "sam.green@example.org", invitedById: owner.user.id, acceptedAt: null });
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const days = (invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(7);

    const email = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `invitation:${invitation.id}` } });
    expect(email).toMatchObject({ template: "organisation-invitation", toAddress: "sam.green@example.org", status: "pending" });
    expect(email.subject).toBe("Jo Hall has invited you to join Bishop Auckland Street Pastors on the Community Safety Fund");
    const token = email.text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    expect(hashInvitationToken(token!)).toBe(invitation.tokenHash);
    expect(invitation.tokenHash).not.toContain(token!);
    expect(email.html).toContain(`/invitations/${token}`);

    const page = decode(await (await send(response.headers.get("Location")!, { cookie: owner.cookie })).text());
    expect(page).toContain("Invitation sent to sam.green@example.org");
    expect(page).toContain("Invitations not yet accepted");
  });

  it.each([
    ["", "Enter your colleague's email address"],
    ["not-an-email", "Enter an email address in the correct format, like name@example.org"],
    ["a@example.org, b@example.org", "Enter an email address in the correct format, like name@example.org"],
    [`${"x".repeat(250)}@example.org`, "Email address must be 254 characters or fewer"],
  ])("refuses the email %j", async (email, message) => {
    const { owner, invitePath } = await setUp();
    const response = await send(invitePath, { cookie: owner.cookie, form: { email } });
    expect(response.status).toBe(400);
    const html = decode(await response.text());
    expect(html).toContain(message);
    expect(html).toContain("<title>Error: Invite a colleague");
    expect(await db.organisationInvitation.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("does not invite a member, or someone already invited", async () => {
    const { owner, invitePath } = await setUp();
    const self = await send(invitePath, { cookie: owner.cookie, form: { email: owner.user.email } });
    expect(self.status).toBe(400);
    expect(decode(await self.text())).toContain(`${owner.user.email} is already a member of Bishop Auckland Street Pastors`);
    expect((await send(invitePath, { cookie: owner.cookie, form: { email: "sam@example.org" } })).status).toBe(302);
    const again = await send(invitePath, { cookie: owner.cookie, form: { email: "SAM@example.org" } });
    expect(again.status).toBe(400);
    expect(decode(await again.text())).toContain("You have already invited sam@example.org. The invitation works until");
    expect(await db.organisationInvitation.count()).toBe(1);
    expect(await db.outboxEmail.count()).toBe(1);
  });
});

describe("accepting an invitation", () => {
  async function invite(email: string) {
    await seedDemo(db);
    const organisation = await db.organisation.findFirstOrThrow({ where: { name: "Durham Neighbourhood Watch Association" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "bids@durham-watch.demo.csf.test" } });
    const session = `test-session-owner-${owner.id}`;
    await db.session.create({ data: { id: hashSessionToken(session), userId: owner.id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const response = await send(`/applicant/organisations/${organisation.id}/invite`, { cookie: await cookieFor(session), form: { email } });
    expect(response.status).toBe(302);
    const outbox = await db.outboxEmail.findFirstOrThrow({ where: { template: "organisation-invitation" } });
    const token = outbox.text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)![1]!;
    return { organisation, token, path: `/invitations/${token}` };
  }

  it("shows who invited whom, and asks a signed-out person to sign in or register first", async () => {
    const { path } = await invite("sam@example.org");
    const response = await send(path);
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain("Join Durham Neighbourhood Watch Association");
    expect(textOf(html)).toContain("Gwen Lowe has invited sam@example.org to join Durham Neighbourhood Watch Association");
    expect(html).toContain(`href="/sign-in?redirectTo=${encodeURIComponent(path)}"`);
    expect(html).toContain(`href="/register?redirectTo=${encodeURIComponent(path)}"`);
    expect(html).not.toContain("Accept invitation");
    const post = await send(path, { method: "POST", form: {} });
    expect(post.status).toBe(302);
    expect(post.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(path)}`);
  });

  it("lets the invited person register, come back, join, and then share the organisation's bids", async () => {
    const { organisation, path } = await invite("sam@example.org");
    // From the invitation's "Create an account" link: the emailed link brings them back to it.
    const registered = await registerThroughLink({ name: "Sam Green", email: "Sam@Example.org", password: "a-long-password-1", redirectTo: path });
    expect(registered.status).toBe(302);
    expect(registered.headers.get("Location")).toBe(path);
    const cookie = registered.headers.get("Set-Cookie")!.split(";")[0]!;

    const page = decode(await (await send(path, { cookie })).text());
    expect(page).toContain("Accept invitation");
    const accepted = await send(path, { cookie, form: {} });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe(`/applicant/organisations/${organisation.id}?joined=1`);

    const sam = await db.user.findUniqueOrThrow({ where: { email: "sam@example.org" } });
    expect(await db.membership.findUnique({ where: { organisationId_userId: { organisationId: organisation.id, userId: sam.id } } })).toMatchObject({
      role: "member",
    });
    expect((await db.organisationInvitation.findFirstOrThrow()).acceptedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "organisation.invitation_accepted", actorId: sam.id } })).toBe(1);

    const joined = decode(await (await send(accepted.headers.get("Location")!, { cookie })).text());
    expect(joined).toContain("You are now a member of Durham Neighbourhood Watch Association");
    const home = decode(await (await send("/applicant", { cookie })).text());
    expect(home).toContain("Street safe Stanley");
    expect(home).toContain("CSF-2526-R1-0001");

    // The link is used up: a second accept, or anyone else, gets a clear page and nothing more.
    const again = await send(path, { cookie, form: {} });
    expect(again.status).toBe(410);
    expect(decode(await again.text())).toContain("This invitation has already been used");
    expect(await db.membership.count({ where: { organisationId: organisation.id } })).toBe(2);
    const later = await send(path);
    expect(later.status).toBe(410);
    expect(decode(await later.text())).toContain("This invitation has already been used");
  });

  it("refuses an applicant signed in with another email address", async () => {
    const { organisation, path } = await invite("sam@example.org");
    const { user, cookie } = await signedInAs("applicant");
    const page = textOf(await (await send(path, { cookie })).text());
    expect(page).toContain(`You are signed in as ${user.email}`);
    expect(page).not.toContain("Accept invitation");
    const response = await send(path, { cookie, form: {} });
    expect(response.status).toBe(403);
    expect(decode(await response.text())).toContain("This invitation is for someone else");
    expect(await db.membership.count({ where: { organisationId: organisation.id, userId: user.id } })).toBe(0);
    expect((await db.organisationInvitation.findFirstOrThrow()).acceptedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "organisation.invitation_refused", actorId: user.id, outcome: "refused" } })).toBe(1);
  });

  it("refuses staff accounts", async () => {
    const { path } = await invite("ben@example.org");
    const { cookie } = await signedInAs("assessor", { email: "ben@example.org" });
    expect(decode(await (await send(path, { cookie })).text())).toContain("Staff accounts cannot join organisations");
    expect((await send(path, { cookie, form: {} })).status).toBe(403);
    expect(await db.membership.count({ where: { user: { email: "ben@example.org" } } })).toBe(0);
  });

  it("gives expired invitations a clear page", async () => {
    const { path } = await invite("sam@example.org");
    await db.organisationInvitation.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await send(path);
    expect(response.status).toBe(410);
    expect(decode(await response.text())).toContain("This invitation has expired");
    const { cookie } = await signedInAs("applicant", { email: "sam@example.org" });
    const post = await send(path, { cookie, form: {} });
    expect(post.status).toBe(410);
    expect(await db.membership.count({ where: { user: { email: "sam@example.org" } } })).toBe(0);
  });

  it.each([
    ["an unknown token", "A".repeat(43)],
    ["a malformed token", "not-a-token"],
    ["a very long token", "x".repeat(3000)],
    ["a token with odd characters", encodeURIComponent("<script>alert(1)</script>")],
  ])("answers %s with a clear 404 page, never a 500", async (_, token) => {
    const response = await send(`/invitations/${token}`);
    expect(response.status).toBe(404);
    const html = decode(await response.text());
    expect(html).toContain("This invitation link is not valid");
    expect(html).not.toContain("<script>alert(1)</script>");
    const { cookie } = await signedInAs("applicant");
    expect((await send(`/invitations/${token}`, { cookie, form: {} })).status).toBe(404);
  });
});
