import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const DAY = 86_400_000;

async function fund() {
  return (
    (await db.fund.findUnique({ where: { code: "CSF" } })) ??
    db.fund.create({ data: { slug: "community-safety-fund", code: "CSF", name: "Community Safety Fund", description: "Test fund" } })
  );
}

function roundForm(extra: Record<string, string> = {}): Record<string, string> {
  return {
    name: "2027 to 2028, round 1",
    code: "2728-R1",
    "opensAt.day": "1",
    "opensAt.month": "4",
    "opensAt.year": "2027",
    "opensAt.time": "09:00",
    "closesAt.day": "15",
    "closesAt.month": "1",
    "closesAt.year": "2028",
    "closesAt.time": "17:30",
    baseAllocation: "100,000",
    rolledForward: "2500.50",
    matchFunding: "",
    minAward: "1000",
    maxAward: "25000",
    smallBidThreshold: "5000",
    areas: "County Durham\r\nDarlington\r\n\r\n",
    priorities: "Reducing anti-social behaviour\nSupporting victims of crime",
    opccSignOffRequired: "yes",
    maxDocumentMegabytes: "10",
    ...extra,
  };
}

describe("creating a round", () => {
  it("creates the round in pence and UTC, with its areas and priorities, and audits it", async () => {
    const { id: fundId } = await fund();
    const administrator = await signedInAs("fund_administrator");
    const response = await send("/administrator/rounds/new", { cookie: administrator.cookie, form: { fundId, ...roundForm() } });
    expect(response.status).toBe(302);
    const round = await db.round.findFirstOrThrow({
      where: { fundId, code: "2728-R1" },
      include: { areas: { orderBy: { position: "asc" } }, priorities: { orderBy: { position: "asc" } } },
    });
    expect(response.headers.get("Location")).toBe(`/administrator/rounds/${round.id}/details?created=1`);
    expect(round).toMatchObject({
      name: "2027 to 2028, round 1",
      slug: "2728-r1",
      baseAllocationPence: 10_000_000,
      rolledForwardPence: 250_050,
      matchFundingPence: 0,
      remainingPotPence: 10_250_050,
      minAwardPence: 100_000,
      maxAwardPence: 2_500_000,
      smallBidThresholdPence: 500_000,
      opccSignOffRequired: true,
      maxDocumentBytes: 10 * 1024 * 1024,
    });
    // 9am on 1 April 2027 is British Summer Time (UTC+1); 5:30pm on 15 January 2028 is GMT.
    expect(round.opensAt.toISOString()).toBe("2027-04-01T08:00:00.000Z");
    expect(round.closesAt.toISOString()).toBe("2028-01-15T17:30:00.000Z");
    expect(round.areas.map((a) => a.name)).toEqual(["County Durham", "Darlington"]);
    expect(round.priorities.map((p) => p.title)).toEqual(["Reducing anti-social behaviour", "Supporting victims of crime"]);
    expect(await db.auditEvent.count({ where: { action: "round.created", subjectId: round.id } })).toBe(1);

    const page = await (await send(`/administrator/rounds/${round.id}/details?created=1`, { cookie: administrator.cookie })).text();
    expect(page).toContain("The round has been created.");
    expect(page).toContain('value="09:00"');
    expect(page).toContain('value="2500.50"');
  });

  const invalid: [string, Record<string, string>, string][] = [
    ["no name", { name: " " }, "Enter the round name"],
    ["a badly formed code", { code: "round one" }, "The round code must be the years and round number, like 2627-R1"],
    ["no opening date", { "opensAt.day": "", "opensAt.month": "", "opensAt.year": "" }, "Enter the opening date"],
    ["an impossible date", { "opensAt.day": "31", "opensAt.month": "2" }, "The opening date must be a real date"],
    ["a badly formed time", { "closesAt.time": "5pm" }, "Enter the closing time in the 24-hour clock, like 09:00 or 17:30"],
    [
      "a time lost when the clocks go forward",
      { "opensAt.day": "28", "opensAt.month": "3", "opensAt.time": "01:30" },
      "The opening time does not exist on that day because the clocks go forward",
    ],
    ["closing before opening", { "closesAt.year": "2027", "closesAt.month": "3" }, "The closing date and time must be after the opening date and time"],
    ["no base allocation", { baseAllocation: "" }, "Enter the base allocation"],
    ["pounds with three decimals", { matchFunding: "10.505" }, "The match funding must be an amount in pounds, like 5000 or 5000.50"],
    ["a minimum above the maximum", { minAward: "30000" }, "The minimum award must be the same as or less than the maximum award"],
    ["a maximum above the pot", { maxAward: "200000" }, "The maximum award must be the same as or less than the pot"],
    ["a small-bid threshold above the maximum", { smallBidThreshold: "30000" }, "The small-bid threshold must be the same as or less than the maximum award"],
    ["no areas", { areas: "\n \n" }, "Enter at least one eligible area"],
    ["no priorities", { priorities: "" }, "Enter at least one PCC priority"],
    ["no sign-off answer", { opccSignOffRequired: "" }, "Select yes if the OPCC must sign off the allocation"],
    ["too large a document size", { maxDocumentMegabytes: "500" }, "The maximum document size must be a whole number of megabytes from 1 to 50"],
  ];
  it.each(invalid)("refuses %s, keeps what was typed, creates nothing and audits the refusal", async (_, extra, message) => {
    const { id: fundId } = await fund();
    const administrator = await signedInAs("fund_administrator");
    const response = await send("/administrator/rounds/new", {
      cookie: administrator.cookie,
      form: { fundId, ...roundForm({ name: "Typed name", ...extra }) },
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("There is a problem");
    expect(page).toContain(message);
    if (extra.name === undefined) expect(page).toContain('value="Typed name"');
    expect(await db.round.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "round.create", outcome: "refused" } })).toBe(1);
  });

  it("refuses a code the fund already uses", async () => {
    const existing = await createRound({ code: "2728-R1" });
    const administrator = await signedInAs("fund_administrator");
    const response = await send("/administrator/rounds/new", { cookie: administrator.cookie, form: { fundId: existing.fundId, ...roundForm() } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The fund already has a round with the code 2728-R1");
    expect(await db.round.count()).toBe(1);
  });
});

describe("editing a round", () => {
  it("saves every field before the round opens, keeps the remaining pot equal to the pot less approved awards, and audits before and after", async () => {
    const { round, bids, administrator } = await createAssessmentRound({ bids: 1, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + DAY), remainingPotPence: 10_000_000 - 100_000 } });
    await db.award.create({
      data: {
        bidId: bids[0]!.id,
        roundId: round.id,
        amountPence: 100_000,
        pccFundedPence: 100_000,
        matchFundedPence: 0,
        status: "approved",
        approvedById: administrator.user.id,
        approvedAt: new Date(),
      },
    });
    const response = await send(`/administrator/rounds/${round.id}/details`, {
      cookie: administrator.cookie,
      form: roundForm({
        code: round.code,
        baseAllocation: "120000",
        rolledForward: "",
        matchFunding: "5000",
        areas: "Darlington\nHartlepool",
        priorities: "Supporting victims of crime",
        opccSignOffRequired: "no",
      }),
    });
    expect(response.status).toBe(302);
    const after = await db.round.findUniqueOrThrow({ where: { id: round.id }, include: { areas: { orderBy: { position: "asc" } }, priorities: true } });
    expect(after).toMatchObject({
      baseAllocationPence: 12_000_000,
      rolledForwardPence: 0,
      matchFundingPence: 500_000,
      remainingPotPence: 12_500_000 - 100_000,
      opccSignOffRequired: false,
    });
    expect(after.areas.map((a) => a.name)).toEqual(["Darlington", "Hartlepool"]);
    expect(after.priorities.map((p) => p.title)).toEqual(["Supporting victims of crime"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "round.details.updated", subjectId: round.id } });
    expect(JSON.parse(audit.before!)).toMatchObject({ baseAllocationPence: 10_000_000, areas: ["County Durham", "Darlington"] });
    expect(JSON.parse(audit.after!)).toMatchObject({ baseAllocationPence: 12_000_000, remainingPotPence: 12_400_000 });
  });

  it("locks the rules for bids once the round opens, says why, and refuses a forced change", async () => {
    const round = await createRound();
    const administrator = await signedInAs("fund_administrator");
    const page = await (await send(`/administrator/rounds/${round.id}/details`, { cookie: administrator.cookie })).text();
    expect(page).toContain("cannot be changed now: that would change the rules for bids already submitted");
    expect(page).not.toContain('name="baseAllocation"');
    expect(page).not.toContain('name="areas"');
    expect(page).not.toContain('name="opensAt.day"');

    const forced = await send(`/administrator/rounds/${round.id}/details`, {
      cookie: administrator.cookie,
      form: roundForm({ code: round.code, baseAllocation: "999999" }),
    });
    expect(forced.status).toBe(400);
    expect(await forced.text()).toContain(
      "The round has opened, so the pot, award limits, small-bid threshold, eligible areas, priorities and opening date cannot be changed",
    );
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      baseAllocationPence: 10_000_000,
      remainingPotPence: 10_000_000,
      name: round.name,
    });
    expect(await db.auditEvent.count({ where: { action: "round.details.update", outcome: "refused", subjectId: round.id } })).toBe(1);

    const closes = new Date(round.closesAt.getTime() + 7 * DAY);
    const london = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "numeric", year: "numeric" }).formatToParts(closes);
    const part = (type: string) => london.find((p) => p.type === type)!.value;
    const allowed = await send(`/administrator/rounds/${round.id}/details`, {
      cookie: administrator.cookie,
      form: {
        name: "Renamed round",
        code: round.code,
        "closesAt.day": part("day"),
        "closesAt.month": part("month"),
        "closesAt.year": part("year"),
        "closesAt.time": "12:00",
        maxDocumentMegabytes: "20",
      },
    });
    expect(allowed.status).toBe(302);
    const saved = await db.round.findUniqueOrThrow({ where: { id: round.id }, include: { areas: true } });
    // OPCC sign-off is one of the rules locked once the round opens (ADR 0010).
    expect(saved).toMatchObject({
      name: "Renamed round",
      opccSignOffRequired: false,
      maxDocumentBytes: 20 * 1024 * 1024,
      baseAllocationPence: 10_000_000,
      remainingPotPence: 10_000_000,
      opensAt: round.opensAt,
    });
    expect(saved.closesAt.getTime()).toBeGreaterThan(round.closesAt.getTime());
    expect(saved.areas).toHaveLength(2);
  });

  it("refuses assessors, applicants and the OPCC", async () => {
    const round = await createRound();
    const { id: fundId } = await fund();
    for (const role of ["assessor", "applicant", "opcc_sign_off"] as const) {
      const { cookie } = await signedInAs(role);
      expect((await send(`/administrator/rounds/${round.id}/details`, { cookie, form: roundForm({ code: round.code }) })).status).toBe(403);
      expect((await send("/administrator/rounds/new", { cookie, form: { fundId, ...roundForm({ code: "2930-R1" }) } })).status).toBe(403);
      expect((await send(`/administrator/rounds/${round.id}/details`, { cookie })).status).toBe(403);
    }
    expect(await db.round.count()).toBe(1);
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).name).toBe(round.name);
  });

  it("sets the days to accept an award and whether applicants see their scores, even once the round is open, with GOV.UK messages", async () => {
    const round = await createRound();
    const { cookie } = await signedInAs("fund_administrator");
    const details = `/administrator/rounds/${round.id}/details`;
    const page = await (await send(details, { cookie })).text();
    expect(page).toContain('name="acceptanceDays"');
    expect(page).toContain('value="28"');
    expect(page).toContain("Do applicants see their bid&#x27;s score for each criterion?");

    const base = { name: round.name, code: round.code };
    for (const [typed, message] of [
      ["", "Enter the number of days applicants have to accept an award"],
      ["0", "The days to accept an award must be a whole number from 1 to 365"],
      ["366", "The days to accept an award must be a whole number from 1 to 365"],
      ["2.5", "The days to accept an award must be a whole number from 1 to 365"],
      ["ten", "The days to accept an award must be a whole number from 1 to 365"],
    ]) {
      const refused = await send(details, { cookie, form: { ...base, acceptanceDays: typed!, shareScoresWithApplicants: "yes" } });
      expect(refused.status).toBe(400);
      const html = await refused.text();
      expect(html).toContain(message);
      expect(html).toContain('href="#acceptanceDays"');
    }
    const noChoice = await send(details, { cookie, form: { ...base, acceptanceDays: "14", shareScoresWithApplicants: "maybe" } });
    expect(noChoice.status).toBe(400);
    expect(await noChoice.text()).toContain("Select yes if applicants see their bid&#x27;s score for each criterion");
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ acceptanceDays: 28, shareScoresWithApplicants: false });

    for (const [days, share] of [
      ["1", "yes"],
      [" 365 ", "no"],
    ] as const) {
      expect((await send(details, { cookie, form: { ...base, acceptanceDays: days, shareScoresWithApplicants: share } })).status).toBe(302);
      expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
        acceptanceDays: Number(days),
        shareScoresWithApplicants: share === "yes",
      });
    }
    const audits = await db.auditEvent.findMany({ where: { action: "round.details.updated", subjectId: round.id } });
    expect(audits.map((a) => JSON.parse(a.after!))).toContainEqual(expect.objectContaining({ acceptanceDays: 365, shareScoresWithApplicants: false }));
  });
});
