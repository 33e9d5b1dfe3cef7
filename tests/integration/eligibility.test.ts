// The eligibility check before any account: a few questions, then "you can apply" or every
// reason why not, with the answers kept in a signed cookie to carry into the bid.
import { beforeEach, describe, expect, it } from "vitest";
import { readEligibilityAnswers } from "~/web/eligibility-cookie.server";
import { db } from "~/lib/db.server";
import { seedDemo } from "../../prisma/demo-data";
import { cookieFrom, send } from "../support/app";
import { emptyDatabase } from "../support/database";

const DAY = 24 * 60 * 60 * 1000;
const SLUG = "2025-26-round-1";
const CHECK = `/rounds/${SLUG}/eligibility`;
const RESULT = `${CHECK}/result`;

let roundId: string;
let area: Record<string, string>;
let priority: Record<string, string>;

beforeEach(async () => {
  await emptyDatabase();
  ({ roundId } = await seedDemo(db));
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, include: { areas: true, priorities: true } });
  area = Object.fromEntries(round.areas.map((a) => [a.name, a.id]));
  priority = Object.fromEntries(round.priorities.map((p) => [p.title, p.id]));
});

function passing() {
  return {
    organisationType: "unincorporated_group",
    areaIds: [area["Darlington"]!],
    priorityIds: [priority["Reducing anti-social behaviour"]!, priority["Protecting vulnerable people"]!],
    amountRequested: "£12,500",
  };
}

function decode(html: string) {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

async function check(form: Record<string, string | string[]>) {
  const response = await send(CHECK, { form });
  return { response, html: decode(await response.text()) };
}

/** Whether the checkbox or radio with this value is ticked in the page. */
function isTicked(html: string, value: string) {
  const input = html.match(new RegExp(`<input[^>]*value="${value}"[^>]*>`))?.[0] ?? "";
  return /\schecked=""/.test(input);
}

/** The page as shown, without the data the scripts carry. */
function visible(html: string) {
  return html.replace(/<script[\s\S]*?<\/script>/g, "");
}

async function answersIn(cookie: string) {
  return readEligibilityAnswers(new Request("http://x", { headers: { Cookie: cookie } }), SLUG);
}

describe("the eligibility questions", () => {
  it("asks about the organisation, the round's areas and priorities, and the amount, with the limits", async () => {
    const response = await send(CHECK);
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain("Check if you can apply");
    expect(html).toContain("What type of organisation is applying?");
    expect(html).toContain("Unincorporated community group");
    expect(html).toContain("Other public body");
    for (const name of ["County Durham", "Darlington", "Reducing reoffending", "None of these"]) expect(html).toContain(name);
    expect(html).toContain("Awards in this round are from £1,000.00 to £25,000.00");
  });

  it("answers 404 for a round that does not exist", async () => {
    expect((await send("/rounds/no-such-round/eligibility")).status).toBe(404);
    expect((await send("/rounds/no-such-round/eligibility", { form: passing() })).status).toBe(404);
    expect((await send("/rounds/no-such-round/eligibility/result")).status).toBe(404);
  });
});

describe("checking eligibility", () => {
  it("says 'You can apply' with a link to start the bid, and keeps the answers for the bid", async () => {
    const { response } = await check(passing());
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(RESULT);
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^csf_eligibility=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = cookieFrom(response);
    expect(await answersIn(cookie)).toEqual({
      roundSlug: SLUG,
      organisationType: "unincorporated_group",
      areaIds: [area["Darlington"]],
      priorityIds: [priority["Reducing anti-social behaviour"], priority["Protecting vulnerable people"]],
      amountRequestedPence: 1_250_000,
    });

    const result = await send(RESULT, { cookie });
    expect(result.status).toBe(200);
    const html = decode(await result.text());
    expect(html).toContain('<h1 class="govuk-heading-l">You can apply</h1>');
    expect(html).toContain(`href="/applicant/bids/new?round=${SLUG}"`);
    expect(html).toContain("Unincorporated community group");
    expect(html).toContain("£12,500.00");
    expect(html).toContain("Requests so far add up to 5% of the money available.");
    expect(html).not.toContain("You cannot apply");

    // The questions show the saved answers when the person comes back to change them.
    const again = decode(await (await send(CHECK, { cookie })).text());
    expect(again).toContain('value="12500"');
    expect(isTicked(again, area["Darlington"]!)).toBe(true);
    expect(isTicked(again, area["County Durham"]!)).toBe(false);
  });

  it("lists every reason why not, and offers no link to apply", async () => {
    const { response } = await check({ organisationType: "private_company", areaIds: ["none"], priorityIds: ["none"], amountRequested: "30000" });
    expect(response.status).toBe(302);
    const result = await send(RESULT, { cookie: cookieFrom(response) });
    expect(result.status).toBe(200);
    const html = decode(await result.text());
    expect(html).toContain("You cannot apply");
    expect(html).toContain("You cannot apply because:");
    expect(html).toContain("the fund only gives money to voluntary and community sector organisations");
    expect(html).toContain("your project must work in County Durham or Darlington");
    expect(html).toContain("your project must address at least one of the Police and Crime Commissioner's priorities");
    expect(html).toContain("you are asking for £30,000.00 and the largest award in this round is £25,000.00");
    expect(html).not.toContain("/applicant/bids/new");
  });

  it("refuses an amount below the smallest award", async () => {
    const { response } = await check({ ...passing(), amountRequested: "999.99" });
    const html = decode(await (await send(RESULT, { cookie: cookieFrom(response) })).text());
    expect(html).toContain("you are asking for £999.99 and the smallest award in this round is £1,000.00");
  });

  it("uses the server's clock: a round that has closed cannot be applied to, even with answers given while it was open", async () => {
    const { response } = await check(passing());
    const cookie = cookieFrom(response);
    await db.round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() - 60 * DAY), closesAt: new Date(Date.now() - 1000) } });
    const html = decode(await (await send(RESULT, { cookie })).text());
    expect(html).toContain("You cannot apply because:");
    expect(html).toMatch(/the round closed on \d{1,2} \w+ \d{4} at /);
    expect(html).not.toContain("/applicant/bids/new");
  });

  it("says when a round is not open yet", async () => {
    await db.round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 60 * DAY) } });
    const { response } = await check(passing());
    const html = decode(await (await send(RESULT, { cookie: cookieFrom(response) })).text());
    expect(html).toMatch(/the round is not open yet: it opens on /);
  });

  it("asks the person to answer first when there are no answers, or answers for another round", async () => {
    const none = await send(RESULT);
    expect(none.status).toBe(200);
    expect(decode(await none.text())).toContain("You have not answered the eligibility questions");

    const { response } = await check(passing());
    await db.round.update({ where: { id: roundId }, data: { slug: "renamed-round" } });
    const other = await send("/rounds/renamed-round/eligibility/result", { cookie: cookieFrom(response) });
    expect(decode(await other.text())).toContain("You have not answered the eligibility questions");
  });

  it("ignores a forged answers cookie", async () => {
    const forged = `csf_eligibility=${Buffer.from(JSON.stringify({ roundSlug: SLUG, organisationType: "cic", areaIds: [], priorityIds: [], amountRequestedPence: 1 })).toString("base64")}`;
    const html = decode(await (await send(RESULT, { cookie: forged })).text());
    expect(html).toContain("You have not answered the eligibility questions");
  });
});

describe("bad answers", () => {
  it("names every missing answer in the error summary and inline, and sets no cookie", async () => {
    const { response, html } = await check({});
    expect(response.status).toBe(400);
    expect(response.headers.get("Set-Cookie")).toBeNull();
    expect(html).toContain("<title>Error: Check if you can apply");
    expect(html).toContain("There is a problem");
    for (const message of [
      "Select the type of organisation that is applying",
      "Select where your project will work, or select 'None of these'",
      "Select the priorities your project will address, or select 'None of these'",
      "Enter the amount you are requesting, like 12500",
    ]) {
      // Once in the summary, once inline.
      expect(visible(html).split(message).length - 1, message).toBe(2);
    }
    expect(html).toContain('href="#organisationType"');
    expect(html).toContain('href="#amountRequested"');
  });

  it.each([
    ["twelve thousand", "Enter the amount you are requesting as a number, like 12500 or 12500.50"],
    ["-500", "Enter the amount you are requesting as a number, like 12500 or 12500.50"],
    ["0", "Amount you are requesting must be more than £0"],
    ["99999999999", "Amount you are requesting must be £10,000,000 or less"],
    ["1".repeat(5000), "Enter the amount you are requesting as a number, like 12500 or 12500.50"],
  ])("refuses the amount %j and keeps what was typed", async (amountRequested, message) => {
    const { response, html } = await check({ ...passing(), amountRequested });
    expect(response.status).toBe(400);
    expect(html).toContain(message);
    expect(html).toContain(`value="${amountRequested}"`);
    expect(isTicked(html, area["Darlington"]!)).toBe(true);
    expect(isTicked(html, "unincorporated_group")).toBe(true);
  });

  it("refuses tampered choices: an unknown organisation type, another round's area, 'None' with an area", async () => {
    const otherRound = "c" + "x".repeat(24);
    const { response, html } = await check({
      organisationType: "government",
      areaIds: [otherRound],
      priorityIds: [priority["Reducing reoffending"]!, "none"],
      amountRequested: "5000",
    });
    expect(response.status).toBe(400);
    expect(html).toContain("Select the type of organisation that is applying");
    expect(html).toContain("Select where your project will work, or select 'None of these'");
    expect(html).toContain("Select the priorities your project will address, or select 'None of these', not both");
  });

  it("shows HTML typed into the amount as text", async () => {
    const { response, html } = await check({ ...passing(), amountRequested: '"><script>alert(1)</script>' });
    expect(response.status).toBe(400);
    expect(html).not.toContain("<script>alert(1)</script>");
  });
});
