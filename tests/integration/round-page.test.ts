// The public round page: what the fund is for, the pot and its parts, limits, dates in UK
// time, scoring, and live figures from the bids submitted so far. No sign-in needed.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { seedDemo } from "../../prisma/demo-data";
import { send } from "../support/app";
import { emptyDatabase } from "../support/database";

const DAY = 24 * 60 * 60 * 1000;
let roundId: string;

beforeEach(async () => {
  await emptyDatabase();
  ({ roundId } = await seedDemo(db));
});

/** The page's text with tags stripped and entities decoded, for reading like a person would. */
async function pageText(path: string) {
  const response = await send(path);
  const html = await response.text();
  const text = html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
  return { response, html, text };
}

async function addBid(status: string, amountRequestedPence: number | null, sequence: number) {
  const organisation = await db.organisation.findFirstOrThrow({ where: { name: "Safe Streets CIC" }, include: { members: true } });
  await db.bid.create({
    data: {
      roundId,
      organisationId: organisation.id,
      createdById: organisation.members[0]!.userId,
      status,
      title: `Extra bid ${sequence}`,
      amountRequestedPence,
      reference: status === "draft" ? null : `CSF-2526-R1-${String(100 + sequence).padStart(4, "0")}`,
    },
  });
}

describe("the public round page", () => {
  it("shows the fund, priorities, areas, the pot with its parts, the limits, dates in UK time and scoring", async () => {
    const round = await db.round.findUniqueOrThrow({ where: { id: roundId } });
    // A closing time in British Summer Time: 11am UTC is midday in London.
    await db.round.update({ where: { id: roundId }, data: { opensAt: new Date("2020-01-15T09:00:00Z"), closesAt: new Date("2099-06-30T11:00:00Z") } });
    const { response, text } = await pageText(`/rounds/${round.slug}`);
    expect(response.status).toBe(200);
    expect(text).toContain("Community Safety Fund");
    expect(text).toContain("2025 to 2026, round 1");
    expect(text).toContain("Funding from the Police and Crime Commissioner for voluntary and community sector organisations");
    expect(text).toContain("Opens 15 January 2020 at 9am");
    expect(text).toContain("Closes 30 June 2099 at midday");
    expect(text).toContain("From the Police and Crime Commissioner £485,577.00");
    expect(text).toContain("Rolled forward from last year £27,150.00");
    expect(text).toContain("Match funding from the fund administrator £50,000.00");
    expect(text).toContain("Total pot £562,727.00");
    expect(text).toContain("Smallest award £1,000.00");
    expect(text).toContain("Largest award £25,000.00");
    for (const area of ["County Durham", "Darlington"]) expect(text).toContain(area);
    for (const priority of [
      "Reducing anti-social behaviour",
      "Supporting victims of crime",
      "Reducing reoffending",
      "Tackling drug and alcohol harm",
      "Protecting vulnerable people",
    ]) {
      expect(text).toContain(priority);
    }
    expect(text).toContain("Supports PCC and partner objectives How well the project supports the Police and Crime Plan and partners' priorities. 30%");
    expect(text).toContain("Measurable, community-based outcomes");
    expect(text).toContain("Value for money");
    expect(text).toContain("Deliverability The organisation can deliver the project on time, safely and well. 15%");
    expect(text).toContain("Bids must score at least 50% overall to be funded");
    expect(text).toContain("4 out of 4 Excellent: strong evidence throughout");
    expect(text).toContain("Check if you can apply");
  });

  it("counts submitted bids and what they ask for, not drafts or withdrawn bids", async () => {
    // The demo has two submitted bids (£8,500 and £22,000) and one draft (£12,000).
    let { text } = await pageText("/rounds/2025-26-round-1");
    expect(text).toContain("Bids submitted 2");
    expect(text).toContain("Total requested £30,500.00");
    expect(text).toContain("Requests so far add up to 5% of the money available.");

    await addBid("withdrawn", 2_000_000, 1);
    await addBid("draft", 2_000_000, 2);
    ({ text } = await pageText("/rounds/2025-26-round-1"));
    expect(text).toContain("Bids submitted 2");
    expect(text).toContain("Total requested £30,500.00");

    // Every other state is a request on the pot, whatever happened to it since.
    const states = ["submitted", "in_assessment", "ineligible", "awarded", "reserve", "declined"];
    for (const [index, status] of states.entries()) await addBid(status, 2_500_000, 10 + index);
    ({ text } = await pageText("/rounds/2025-26-round-1"));
    expect(text).toContain("Bids submitted 8");
    expect(text).toContain("Total requested £180,500.00");
    expect(text).toContain("Requests so far add up to 32% of the money available.");
  });

  it("says how many times over the pot the requests are", async () => {
    await db.round.update({
      where: { id: roundId },
      data: { baseAllocationPence: 1_000_000, rolledForwardPence: 500_000, matchFundingPence: 200_000, remainingPotPence: 1_700_000 },
    });
    // £30,500 requested against a pot of £17,000.
    const { text } = await pageText("/rounds/2025-26-round-1");
    expect(text).toContain("Total pot £17,000.00");
    expect(text).toContain("Requests are 1.8 times the money available.");
  });

  it("says when a round has closed or is not open yet, without the start button", async () => {
    await db.round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() - 60 * DAY), closesAt: new Date(Date.now() - DAY) } });
    let { text } = await pageText("/rounds/2025-26-round-1");
    expect(text).toContain("Closed");
    expect(text).toContain("This round has closed. It is no longer taking bids.");
    expect(text).not.toContain("Check if you can apply");

    await db.round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 60 * DAY) } });
    ({ text } = await pageText("/rounds/2025-26-round-1"));
    expect(text).toContain("Opens soon");
    expect(text).toContain("This round is not open yet.");
  });

  it("answers 404 for a round that does not exist", async () => {
    const { response, text } = await pageText("/rounds/no-such-round");
    expect(response.status).toBe(404);
    expect(text).toContain("Page not found");
  });

  it("is linked from the list of rounds", async () => {
    const { response, html } = await pageText("/rounds");
    expect(response.status).toBe(200);
    expect(html).toContain('href="/rounds/2025-26-round-1"');
  });

  it("shows what administrators typed as text, never as markup", async () => {
    await db.round.update({ where: { id: roundId }, data: { description: "<script>alert('round')</script>" } });
    const { html } = await pageText("/rounds/2025-26-round-1");
    expect(html).not.toContain("<script>alert('round')</script>");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("the public page of a two-stage round (ADR 0026)", () => {
  const twoStage = (eoiClosesInDays: number) =>
    db.round.update({
      where: { id: roundId },
      data: {
        twoStage: true,
        opensAt: new Date(Date.now() - 10 * DAY),
        eoiClosesAt: new Date(Date.now() + eoiClosesInDays * DAY),
        closesAt: new Date("2099-06-30T11:00:00Z"),
        invitationCapPence: 10_000_000,
      },
    });

  it("while expressions of interest are open: both stage dates and the way in", async () => {
    await twoStage(5);
    const { text } = await pageText("/rounds/2025-26-round-1");
    expect(text).toContain("Expressions of interest close");
    expect(text).toContain("Full bids from invited organisations close 30 June 2099 at midday");
    expect(text).toContain("Check if you can apply");
    expect(text).not.toContain("invitation only");
  });

  it("in the full-bid window: by invitation only, with the dates, and no way in for the public", async () => {
    await twoStage(-1);
    const { html, text } = await pageText("/rounds/2025-26-round-1");
    expect(text).toContain("This round is now by invitation only. Expressions of interest closed at");
    expect(text).toContain("have until 30 June 2099 at midday to submit it");
    expect(text).not.toMatch(/check if you can apply/i);
    expect(html).not.toContain("/rounds/2025-26-round-1/eligibility");
  });

  it("a one-stage round in the same dates still asks visitors to check if they can apply", async () => {
    await db.round.update({ where: { id: roundId }, data: { opensAt: new Date(Date.now() - 10 * DAY), closesAt: new Date("2099-06-30T11:00:00Z") } });
    const { text } = await pageText("/rounds/2025-26-round-1");
    expect(text).toContain("Check if you can apply");
    expect(text).not.toContain("invitation only");
  });
});
