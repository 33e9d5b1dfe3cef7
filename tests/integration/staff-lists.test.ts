// Staff lists at scale (ADR 0023): each list pages on the server, its filters and search return
// the right rows on both databases, and the statements a page sends do not grow with the bids.
import { describe, expect, it } from "vitest";
import { loadAssessorQueue } from "~/domain/assessment/assessor-bids.server";
import { loadRoundResults } from "~/domain/assessment/results.server";
import { loadScreeningList } from "~/domain/assessment/screening.server";
import { ASSESSABLE_BID, loadAssignmentPage } from "~/domain/assessment/assignment.server";
import { rankBids, scoreBid } from "~/domain/assessment/scoring";
import { BID_FOR_SCORING, forScoring, scoringRules } from "~/domain/assessment/stored-score.server";
import { potPence } from "~/domain/rounds/pot";
import { allocationPage, loadAllocation, loadAllocationPage, saveProposal } from "~/domain/allocation/workspace.server";
import { NO_ALLOCATION_FILTERS } from "~/domain/allocation/workspace";
import { listOutbox } from "~/domain/email/outbox-admin.server";
import { LIST_PAGE_SIZE } from "~/domain/lists/list-page";
import { bidSearchWhere, containsText, currentProvider } from "~/domain/lists/text-search.server";
import { db } from "~/lib/db.server";
import type { ScreeningFilters } from "~/domain/assessment/list-filters";
import { send } from "../support/app";
import { startEachTestEmpty } from "../support/database";
import { createRoundWithManyBids, manyBidsPattern } from "../support/many-bids";
import { countQueries } from "../support/query-counter";

startEachTestEmpty();

const NO_SCREENING_FILTERS: ScreeningFilters = { q: "", screening: "", area: "", sort: "" };
const numbersUpTo = (count: number) => Array.from({ length: count }, (_, i) => i + 1);
const reference = (code: string, n: number) => `CSF-${code}-${String(n).padStart(4, "0")}`;

describe("text search", () => {
  it("asks PostgreSQL for ILIKE and leaves SQLite's LIKE as it is", () => {
    expect(containsText("river", "postgresql")).toEqual({ contains: "river", mode: "insensitive" });
    expect(containsText("river", "sqlite")).toEqual({ contains: "river" });
    expect(bidSearchWhere("", "sqlite")).toEqual({});
  });

  it("finds organisations, titles and references whatever the case, on this database", async () => {
    const setup = await createRoundWithManyBids(30);
    for (const term of ["riverside", "RIVERSIDE", "rIvErSiDe"]) {
      const found = await db.bid.findMany({ where: { roundId: setup.round.id, ...bidSearchWhere(term) }, select: { id: true } });
      expect(found.length, `${currentProvider()}: ${term}`).toBe(numbersUpTo(30).filter(manyBidsPattern.riverside).length);
    }
    const byTitle = await db.bid.findMany({ where: { roundId: setup.round.id, ...bidSearchWhere("BID NUMBER 17") }, select: { reference: true } });
    expect(byTitle.map((b) => b.reference)).toEqual([reference(setup.round.code, 17)]);
    const byReference = await db.bid.findMany({ where: { roundId: setup.round.id, ...bidSearchWhere(`csf-${setup.round.code.toLowerCase()}-0003`) } });
    expect(byReference).toHaveLength(1);
  });
});

describe("screening list", () => {
  it("pages the round's bids 50 at a time in reference order", async () => {
    const setup = await createRoundWithManyBids(120);
    const now = new Date();
    const first = (await loadScreeningList(setup.round.id, now, NO_SCREENING_FILTERS, 1))!;
    expect(first.window).toMatchObject({ page: 1, pageCount: 3, total: 120 });
    expect(first.bids.map((b) => b.reference)).toEqual(numbersUpTo(50).map((n) => reference(setup.round.code, n)));
    const last = (await loadScreeningList(setup.round.id, now, NO_SCREENING_FILTERS, 3))!;
    expect(last.bids.map((b) => b.reference)).toEqual(numbersUpTo(20).map((n) => reference(setup.round.code, n + 100)));
    // Past the end shows the last page.
    expect((await loadScreeningList(setup.round.id, now, NO_SCREENING_FILTERS, 99))!.window.page).toBe(3);
  });

  it("filters by screening decision and area and searches by organisation", async () => {
    const setup = await createRoundWithManyBids(120);
    const now = new Date();
    const load = async (filters: Partial<ScreeningFilters>) => (await loadScreeningList(setup.round.id, now, { ...NO_SCREENING_FILTERS, ...filters }, 1))!;
    const all = numbersUpTo(120);
    expect((await load({ screening: "ineligible" })).window.total).toBe(all.filter(manyBidsPattern.ineligible).length);
    expect((await load({ screening: "eligible" })).window.total).toBe(all.filter(manyBidsPattern.eligible).length);
    expect((await load({ screening: "not_screened" })).window.total).toBe(
      all.filter((n) => !manyBidsPattern.ineligible(n) && !manyBidsPattern.eligible(n)).length,
    );
    expect((await load({ area: setup.round.areas[0]!.id })).window.total).toBe(all.filter(manyBidsPattern.firstArea).length);
    const riverside = await load({ q: "riverside trust", screening: "ineligible" });
    expect(riverside.bids.map((b) => b.organisationName)).toEqual(
      all.filter((n) => manyBidsPattern.riverside(n) && manyBidsPattern.ineligible(n)).map((n) => `Riverside Trust ${n}`),
    );
  });

  it("shows the count and keeps the filters in the pagination links (the page, without JavaScript)", async () => {
    const setup = await createRoundWithManyBids(120);
    const response = await send(`/administrator/rounds/${setup.round.id}/screening?screening=not_screened&page=2`, { cookie: setup.administrator.cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    const notScreened = numbersUpTo(120).filter((n) => !manyBidsPattern.ineligible(n) && !manyBidsPattern.eligible(n)).length;
    expect(html).toContain(`Showing 51 to ${Math.min(100, notScreened)} of ${notScreened} bids`);
    // Page 1 of the same filter (bid 1 is on it, not on page 2).
    expect(html).toContain(`/screening?screening=not_screened"`);
    expect(html).not.toContain(`${reference(setup.round.code, 1)}:`);
  });
});

describe("ranking", () => {
  it("ranks every bid, then pages and filters the rows shown", async () => {
    const setup = await createRoundWithManyBids(120);
    const whole = (await loadRoundResults(setup.round.id, { q: "", band: "", flag: "" }, 1))!;
    const assessable = numbersUpTo(120).filter((n) => !manyBidsPattern.ineligible(n));
    expect(whole.window.total).toBe(assessable.length);
    expect(whole.rows).toHaveLength(LIST_PAGE_SIZE);
    const second = (await loadRoundResults(setup.round.id, { q: "", band: "", flag: "" }, 2))!;
    // Rank positions run on across pages: the ranking is of the whole round.
    expect(second.rows[0]!.position).toBe(LIST_PAGE_SIZE);
    const notScored = (await loadRoundResults(setup.round.id, { q: "", band: "not_scored", flag: "" }, 1))!;
    expect(notScored.window.total).toBe(assessable.filter((n) => !manyBidsPattern.scored(n)).length);
    expect(notScored.rows.every((r) => r.rank === null)).toBe(true);
    const search = (await loadRoundResults(setup.round.id, { q: "RIVERSIDE", band: "", flag: "" }, 1))!;
    expect(search.rows.map((r) => r.organisationName).sort()).toEqual(
      assessable
        .filter(manyBidsPattern.riverside)
        .map((n) => `Riverside Trust ${n}`)
        .sort(),
    );
  });
});

describe("the ranking in SQL", () => {
  it("ranks, totals and explains every row exactly as scoring the assessments in memory does (ADR 0028)", async () => {
    const setup = await createRoundWithManyBids(130);
    // Ties on score abound (scores repeat every five bids): value for money, amount, submission time and reference decide.
    const round = await db.round.findUniqueOrThrow({ where: { id: setup.round.id }, include: { criteria: true } });
    const bids = await db.bid.findMany({ where: { roundId: round.id, ...ASSESSABLE_BID }, select: BID_FOR_SCORING });
    const expected = rankBids(
      bids.map((b) => scoreBid(scoringRules(round), forScoring(b))),
      { potPence: potPence(round), qualityThresholdPercent: round.qualityThresholdPercent },
    );
    const shown = [];
    for (let page = 1; page <= Math.ceil(bids.length / LIST_PAGE_SIZE); page += 1) shown.push(...(await loadRoundResults(round.id, undefined, page))!.rows);
    expect(
      shown.map((r) => [
        r.rank,
        r.reference,
        r.scoreText,
        r.runningTotalRequestedPence,
        r.withinPot,
        r.decidedByText,
        r.needsModeration,
        r.assessmentsOutstanding,
      ]),
    ).toEqual(
      expected.rows.map((r) => [
        r.rank,
        r.bid.reference,
        r.bid.scoreText,
        r.runningTotalRequestedPence,
        r.withinPot,
        r.decidedByText,
        r.bid.needsModeration,
        r.bid.assessmentsOutstanding,
      ]),
    );
    const first = (await loadRoundResults(round.id))!;
    expect(first.rowsAboveThreshold).toBe(expected.rowsAboveThreshold);
    expect(first.totalRequestedPence).toBe(expected.totalRequestedPence);
    expect(first.totalRequestedAboveThresholdPence).toBe(expected.totalRequestedAboveThresholdPence);
    // A filtered page keeps each row's place in the whole ranking.
    const belowThreshold = (await loadRoundResults(round.id, { q: "", band: "below_threshold", flag: "" }, 1))!;
    const expectedBelow = expected.rows.filter((r) => r.bid.score !== null && !r.bid.meetsThreshold).slice(0, LIST_PAGE_SIZE);
    expect(belowThreshold.rows.map((r) => [r.rank, r.runningTotalRequestedPence, r.decidedByText])).toEqual(
      expectedBelow.map((r) => [r.rank, r.runningTotalRequestedPence, r.decidedByText]),
    );
  });
});

describe("allocation workspace", () => {
  it("the page view reads from the database the same page, pot and proposal off the page as the whole round gives (ADR 0028)", async () => {
    const setup = await createRoundWithManyBids(120);
    await db.round.update({ where: { id: setup.round.id }, data: { qualityThresholdPercent: 30 } });
    const whole = (await loadAllocation(setup.round.id))!;
    const someAwards = allocationPage(whole, { ...NO_ALLOCATION_FILTERS, band: "meets_threshold" }, 1).rows.slice(0, 15);
    const values = Object.fromEntries(someAwards.map((r, i) => [r.bidId, { amount: i % 3 === 0 ? "" : "1000", conditions: `Condition ${i}` }]));
    expect(await saveProposal(whole, setup.administrator.user.id, values)).toMatchObject({ ok: true });
    // Some bids on the reserve list, as after a release, for the reserve filter.
    await db.bid.updateMany({ where: { id: { in: setup.bidIds.filter((_, i) => i % 9 === 0) }, status: "in_assessment" }, data: { status: "reserve" } });
    const allocation = (await loadAllocation(setup.round.id))!;
    const filterSets = [
      NO_ALLOCATION_FILTERS,
      { ...NO_ALLOCATION_FILTERS, band: "meets_threshold" as const },
      { ...NO_ALLOCATION_FILTERS, band: "below_threshold" as const, area: setup.round.areas[0]!.id },
      { ...NO_ALLOCATION_FILTERS, band: "not_scored" as const },
      { ...NO_ALLOCATION_FILTERS, award: "with_award" as const },
      { ...NO_ALLOCATION_FILTERS, award: "without_award" as const, q: "riverside" },
      { ...NO_ALLOCATION_FILTERS, award: "reserve" as const },
    ];
    for (const filters of filterSets) {
      for (const page of [1, 2, 3]) {
        const expected = allocationPage(allocation, filters, page);
        const shown = (await loadAllocationPage(setup.round.id, filters, page))!;
        const label = `${JSON.stringify(filters)} page ${page}`;
        expect(shown.window, label).toEqual(expected.window);
        expect(shown.rows, label).toEqual(expected.rows.map(({ candidate: _candidate, ...row }) => row));
        expect(shown.values, label).toEqual(expected.values);
        expect(shown.offPageProposedPence, label).toBe(expected.offPageProposedPence);
        expect(shown.pot, label).toEqual(allocation.pot);
        expect(shown.rowsAboveThreshold, label).toBe(allocation.rowsAboveThreshold);
      }
    }
  });

  it("saving one page of awards leaves the proposals on other pages as they were", async () => {
    const setup = await createRoundWithManyBids(120);
    await db.round.update({ where: { id: setup.round.id }, data: { qualityThresholdPercent: 0 } });
    let allocation = (await loadAllocation(setup.round.id))!;
    const firstPage = allocationPage(allocation, NO_ALLOCATION_FILTERS, 1);
    const secondPage = allocationPage(allocation, NO_ALLOCATION_FILTERS, 2);
    const award = (rows: { bidId: string }[]) => Object.fromEntries(rows.map((r) => [r.bidId, { amount: "1000", conditions: "" }]));
    expect(await saveProposal(allocation, setup.administrator.user.id, award(firstPage.rows))).toMatchObject({ ok: true });
    allocation = (await loadAllocation(setup.round.id))!;
    expect(await saveProposal(allocation, setup.administrator.user.id, award(secondPage.rows.slice(0, 10)))).toMatchObject({ ok: true });
    const proposed = await db.award.count({ where: { roundId: setup.round.id, status: "proposed" } });
    expect(proposed).toBe(LIST_PAGE_SIZE + 10);
    allocation = (await loadAllocation(setup.round.id))!;
    // The pot counts the whole round's proposal; the page knows what is proposed off it.
    expect(allocation.pot.proposedPence).toBe((LIST_PAGE_SIZE + 10) * 100_000);
    expect(allocationPage(allocation, NO_ALLOCATION_FILTERS, 2).offPageProposedPence).toBe(LIST_PAGE_SIZE * 100_000);
  });

  it("filters by area, score band and award", async () => {
    const setup = await createRoundWithManyBids(60);
    const allocation = (await loadAllocation(setup.round.id))!;
    const area = allocationPage(allocation, { ...NO_ALLOCATION_FILTERS, area: setup.round.areas[1]!.id }, 1);
    const eligible = numbersUpTo(60).filter((n) => !manyBidsPattern.ineligible(n));
    expect(area.window.total).toBe(eligible.filter((n) => !manyBidsPattern.firstArea(n)).length);
    const notScored = allocationPage(allocation, { ...NO_ALLOCATION_FILTERS, band: "not_scored" }, 1);
    expect(notScored.window.total).toBe(eligible.filter((n) => !manyBidsPattern.scored(n)).length);
    expect(allocationPage(allocation, { ...NO_ALLOCATION_FILTERS, award: "with_award" }, 1).window.total).toBe(0);
  });
});

describe("allocation page after release", () => {
  it("lists the awards and reserve bids of the page shown, finds the whole reserve list with a filter, and sums what came back over the round", async () => {
    const setup = await createRoundWithManyBids(120);
    const { round, administrator } = setup;
    await db.round.update({ where: { id: round.id }, data: { allocationStatus: "released", outcomesReleasedAt: new Date(), opccSignOffRequired: false } });
    const assessable = numbersUpTo(120).filter((n) => !manyBidsPattern.ineligible(n));
    const reserve = assessable.filter((n) => n % 2 === 0);
    const awarded = assessable.filter((n) => n % 2 === 1);
    await db.bid.updateMany({ where: { id: { in: reserve.map(setup.bidId) } }, data: { status: "reserve" } });
    await db.bid.updateMany({ where: { id: { in: awarded.map(setup.bidId) } }, data: { status: "awarded" } });
    // Every third award declined (it gave back its £1,000); the rest are waiting for acceptance.
    await db.award.createMany({
      data: awarded.map((n, i) => ({
        bidId: setup.bidId(n),
        roundId: round.id,
        amountPence: 100_000,
        pccFundedPence: 100_000,
        matchFundedPence: 0,
        status: i % 3 === 0 ? "declined_by_applicant" : "released",
      })),
    });
    const declined = awarded.filter((_, i) => i % 3 === 0).length;
    const pageHtml = async (query: string) => {
      const response = await send(`/administrator/rounds/${round.id}/allocation${query}`, { cookie: administrator.cookie });
      expect(response.status).toBe(200);
      return response.text();
    };
    const count = (html: string, text: string) => html.split(text).length - 1;
    const offerButtons = 'name="intent" value="offer"';
    const returnButtons = 'value="award-declined"';

    const first = await pageHtml("");
    const shown = (await loadAllocationPage(round.id, NO_ALLOCATION_FILTERS, 1))!;
    expect(shown.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(shown.reserveBids).toBe(reserve.length);
    expect(count(first, offerButtons)).toBe(shown.rows.filter((r) => r.status === "reserve").length);
    expect(count(first, returnButtons)).toBe(shown.rows.filter((r) => r.award?.status === "released").length);
    expect(first).toContain(`Money returned from declined or withdrawn awards: <strong>£${(declined * 1000).toLocaleString("en-GB")}.00</strong>`);

    // The reserve list, all of it, a page at a time in rank order.
    const reserveFilter = { ...NO_ALLOCATION_FILTERS, award: "reserve" as const };
    const reservePage = (await loadAllocationPage(round.id, reserveFilter, 1))!;
    expect(reservePage.window.total).toBe(reserve.length);
    expect(reservePage.rows.every((r) => r.status === "reserve")).toBe(true);
    const places = reservePage.rows.map((r) => r.rank ?? Infinity);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    const filtered = await pageHtml("?award=reserve");
    expect(count(filtered, offerButtons)).toBe(Math.min(reserve.length, LIST_PAGE_SIZE));
    expect(filtered).toContain('<option value="reserve" selected="">On the reserve list</option>');

    // The awards page shows the top of the reserve list, the next bids to offer, and links to it all.
    const awardsPage = await send(`/administrator/rounds/${round.id}/awards`, { cookie: administrator.cookie });
    const awardsHtml = await awardsPage.text();
    expect(awardsHtml).toContain(`The first 10 of ${reserve.length} reserve bids, in rank order`);
    const shownReferences = [...awardsHtml.matchAll(/<td class="govuk-table__cell">(CSF-[^:<]+):/g)].map((m) => m[1]);
    expect(shownReferences).toEqual(reservePage.rows.slice(0, 10).map((r) => r.reference));
    expect(awardsHtml).toContain(`/administrator/rounds/${round.id}/allocation?award=reserve`);
  });
});

describe("assessor's queue and assignment", () => {
  it("pages the queue, filters it by progress and counts the whole queue", async () => {
    const setup = await createRoundWithManyBids(120);
    const assessorId = setup.assessors[0]!.user.id;
    const queue = await loadAssessorQueue(assessorId, { q: "", progress: "" }, 3);
    expect(queue.total).toBe(120);
    expect(queue.submitted).toBe(numbersUpTo(120).filter(manyBidsPattern.scored).length);
    expect(queue.queue).toHaveLength(20);
    const notStarted = await loadAssessorQueue(assessorId, { q: "", progress: "not_started" }, 1);
    expect(notStarted.window.total).toBe(numbersUpTo(120).filter((n) => !manyBidsPattern.scored(n)).length);
    expect(notStarted.queue.every((b) => b.progress === "not_started")).toBe(true);
  });

  it("pages the assignment board and filters it by assessor", async () => {
    const setup = await createRoundWithManyBids(120);
    const board = (await loadAssignmentPage(setup.round.id, { q: "", assessor: "", need: "" }, 1))!;
    const assessable = numbersUpTo(120).filter((n) => !manyBidsPattern.ineligible(n)).length;
    expect(board.window.total).toBe(assessable);
    expect(board.bids).toHaveLength(LIST_PAGE_SIZE);
    expect(board.assessors.find((a) => a.id === setup.assessors[0]!.user.id)?.assigned).toBe(assessable);
    const second = (await loadAssignmentPage(setup.round.id, { q: "", assessor: setup.assessors[1]!.user.id, need: "" }, 1))!;
    expect(second.window.total).toBe(0);
  });
});

describe("statements per page", () => {
  it("does not grow with the number of bids", async () => {
    const small = await createRoundWithManyBids(10);
    const large = await createRoundWithManyBids(200);
    const now = new Date();
    const pages: Record<string, (roundId: string) => Promise<unknown>> = {
      screening: (roundId: string) => loadScreeningList(roundId, now, { ...NO_SCREENING_FILTERS, q: "trust" }, 1),
      ranking: (roundId: string) => loadRoundResults(roundId, { q: "", band: "meets_threshold", flag: "" }, 1),
      assignment: (roundId: string) => loadAssignmentPage(roundId, { q: "", assessor: "", need: "" }, 1),
      "ranking, page 2 needing assessments": (roundId: string) => loadRoundResults(roundId, { q: "", band: "", flag: "assessments_outstanding" }, 2),
      allocation: (roundId: string) => loadAllocationPage(roundId, NO_ALLOCATION_FILTERS, 1),
      "allocation, filtered": (roundId: string) => loadAllocationPage(roundId, { ...NO_ALLOCATION_FILTERS, band: "meets_threshold", area: "" }, 2),
      "allocation, whole round (actions)": async (roundId: string) => allocationPage((await loadAllocation(roundId))!, NO_ALLOCATION_FILTERS, 1),
    };
    for (const [name, page] of Object.entries(pages)) {
      const atTen = await countQueries(() => page(small.round.id));
      const atTwoHundred = await countQueries(() => page(large.round.id));
      expect(atTwoHundred.queries, name).toBe(atTen.queries);
      expect(atTen.queries, name).toBeGreaterThan(0);
    }
    const queueAtTen = await countQueries(() => loadAssessorQueue(small.assessors[0]!.user.id, { q: "", progress: "" }, 1));
    const queueAtTwoHundred = await countQueries(() => loadAssessorQueue(large.assessors[0]!.user.id, { q: "", progress: "" }, 1));
    expect(queueAtTwoHundred.queries).toBe(queueAtTen.queries);
    const outboxEmpty = await countQueries(() => listOutbox({ status: undefined, q: "" }, 1));
    expect(outboxEmpty.queries).toBeGreaterThan(0);
  });
});
