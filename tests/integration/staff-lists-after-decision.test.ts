// Staff lists at scale (ADR 0023), continued: actions started from a paged list send the browser
// back to the same page of it with its filters (and nowhere else), and the round dashboard sums
// in the database, so its statements do not grow with the bids.
import { describe, expect, it } from "vitest";
import { loadRoundDashboard } from "~/domain/reporting/dashboard.server";
import { backToList, listQuery } from "~/domain/lists/list-page";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { startEachTestEmpty } from "../support/database";
import { createRoundWithManyBids, manyBidsPattern } from "../support/many-bids";
import { countQueries } from "../support/query-counter";

startEachTestEmpty();

const numbersUpTo = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe("the list's address kept across an action", () => {
  it("keeps only the list's own names and always the action's own path", () => {
    const kept = listQuery("?screening=not_screened&page=2&next=//evil.example&q=trust", ["q", "screening", "page"]);
    expect(backToList("/administrator/rounds/r1/screening", kept, { screened: "CSF-1" })).toBe(
      "/administrator/rounds/r1/screening?q=trust&screening=not_screened&page=2&screened=CSF-1",
    );
    for (const hostile of ["//evil.example", "https://evil.example/?q=x", "/\\evil", "\r\nLocation: https://evil.example"]) {
      expect(backToList("/administrator/rounds/r1/screening", listQuery(hostile, ["q", "page"]))).toMatch(/^\/administrator\/rounds\/r1\/screening(\?|$)/);
    }
    expect(backToList("/a", listQuery("", ["q"]))).toBe("/a");
  });

  it("sends the screener back to the page and filters of the screening list they came from", async () => {
    const setup = await createRoundWithManyBids(120);
    const path = `/administrator/rounds/${setup.round.id}/screening`;
    // The list's link to a bid carries the list's address, and the screen page's form posts it back.
    const list = await (await send(`${path}?screening=not_screened&page=2`, { cookie: setup.administrator.cookie })).text();
    const bidNumber = numbersUpTo(120).filter((n) => !manyBidsPattern.ineligible(n) && !manyBidsPattern.eligible(n))[50]!;
    const screenHref = `${path.replace("/screening", "")}/bids/${setup.bidId(bidNumber)}/screen?screening=not_screened&amp;page=2`;
    expect(list).toContain(screenHref);
    const screenPage = await (
      await send(`/administrator/rounds/${setup.round.id}/bids/${setup.bidId(bidNumber)}/screen?screening=not_screened&page=2`, {
        cookie: setup.administrator.cookie,
      })
    ).text();
    expect(screenPage).toContain(`value="?screening=not_screened&amp;page=2"`);
    const response = await send(`/administrator/rounds/${setup.round.id}/bids/${setup.bidId(bidNumber)}/screen`, {
      cookie: setup.administrator.cookie,
      form: { decision: "eligible", listQuery: "?screening=not_screened&page=2" },
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe(path);
    expect(Object.fromEntries(location.searchParams)).toEqual({ screening: "not_screened", page: "2", screened: expect.stringContaining("CSF-") });

    // Whatever is posted, the browser stays on the screening list.
    const other = await send(`/administrator/rounds/${setup.round.id}/bids/${setup.bidId(bidNumber + 1)}/screen`, {
      cookie: setup.administrator.cookie,
      form: { decision: "eligible", listQuery: "//evil.example/?page=3" },
    });
    expect(other.headers.get("Location")).toMatch(new RegExp(`^${path}\\?screened=`));
  }, 120_000);

  it("sends the administrator back to the assignment board's page and filters", async () => {
    const setup = await createRoundWithManyBids(120);
    const path = `/administrator/rounds/${setup.round.id}/assignments`;
    const board = await (await send(`${path}?q=trust&page=1`, { cookie: setup.administrator.cookie })).text();
    expect(board).toContain(`name="listQuery" value="?q=trust"`);
    // Bid 28 (a Riverside Trust, not scored) can lose its assessor.
    const removed = await send(path, {
      cookie: setup.administrator.cookie,
      form: { intent: "remove", bidId: setup.bidId(28), assessorId: setup.assessors[0]!.user.id, listQuery: "?q=trust&page=1&assessor=" },
    });
    expect(removed.status).toBe(302);
    const location = new URL(removed.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe(path);
    expect(location.searchParams.get("q")).toBe("trust");
    expect(location.searchParams.get("removed")).toBe(setup.assessors[0]!.user.id);
    const auto = await send(path, { cookie: setup.administrator.cookie, form: { intent: "auto", listQuery: "?need=unassigned&page=2" } });
    const autoLocation = new URL(auto.headers.get("Location")!, "http://localhost");
    expect(autoLocation.pathname).toBe(path);
    expect(autoLocation.searchParams.get("need")).toBe("unassigned");
    expect(autoLocation.searchParams.get("page")).toBe("2");
    expect(autoLocation.searchParams.get("assigned")).toBe("1");
  });
});

describe("the round dashboard", () => {
  it("sums requests and awards per area in the database, counting only bids sent", async () => {
    const setup = await createRoundWithManyBids(60);
    // One awarded bid in the first area, one proposal (not awarded yet) in the second, a draft left out.
    await db.award.create({
      data: { bidId: setup.bidId(1), roundId: setup.round.id, amountPence: 50_000, pccFundedPence: 50_000, matchFundedPence: 0, status: "released" },
    });
    await db.award.create({
      data: { bidId: setup.bidId(2), roundId: setup.round.id, amountPence: 70_000, pccFundedPence: 70_000, matchFundedPence: 0, status: "proposed" },
    });
    await db.bid.update({ where: { id: setup.bidId(3) }, data: { status: "draft" } });
    const dashboard = (await loadRoundDashboard(setup.round.id))!;
    const counted = numbersUpTo(60).filter((n) => n !== 3);
    const requested = (n: number) => 100_000 + (n % 10) * 10_000;
    const [first, second] = dashboard.byArea;
    const inFirst = counted.filter(manyBidsPattern.firstArea);
    const inSecond = counted.filter((n) => !manyBidsPattern.firstArea(n));
    expect(first).toMatchObject({
      id: setup.round.areas[0]!.id,
      bids: inFirst.length,
      requestedPence: inFirst.reduce((s, n) => s + requested(n), 0),
      awardedBids: 1,
      awardedPence: 50_000,
    });
    expect(second).toMatchObject({ bids: inSecond.length, requestedPence: inSecond.reduce((s, n) => s + requested(n), 0), awardedBids: 0, awardedPence: 0 });
    expect(dashboard.byArea).toHaveLength(2);
    // No bid names a priority: all of them under "No priority named".
    expect(dashboard.byPriority.at(-1)).toMatchObject({ id: "", name: "No priority named", bids: counted.length, awardedPence: 50_000 });
  });

  it("sends as many statements at 200 bids as at 10", async () => {
    const small = await createRoundWithManyBids(10);
    const large = await createRoundWithManyBids(200);
    const atTen = await countQueries(() => loadRoundDashboard(small.round.id));
    const atTwoHundred = await countQueries(() => loadRoundDashboard(large.round.id));
    expect(atTen.queries).toBeGreaterThan(0);
    expect(atTwoHundred.queries).toBe(atTen.queries);
  });
});

describe("the OPCC's allocation view", () => {
  async function roundWithApprovedAwards(count: number) {
    const setup = await createRoundWithManyBids(count);
    await db.round.update({ where: { id: setup.round.id }, data: { allocationStatus: "approved", opccSignOffRequired: true } });
    await db.award.createMany({
      data: numbersUpTo(count)
        .filter((n) => !manyBidsPattern.ineligible(n))
        .map((n) => ({ bidId: setup.bidId(n), roundId: setup.round.id, amountPence: 1_000, pccFundedPence: 1_000, matchFundedPence: 0, status: "approved" })),
    });
    return setup;
  }

  it("pages and searches the approved awards, and costs as many statements at 200 bids as at 10", async () => {
    const setup = await roundWithApprovedAwards(120);
    const opcc = await signedInAs("opcc_sign_off");
    const awarded = numbersUpTo(120).filter((n) => !manyBidsPattern.ineligible(n));
    const second = await send(`/opcc/rounds/${setup.round.id}?page=2`, { cookie: opcc.cookie });
    expect(second.status).toBe(200);
    const html = await second.text();
    expect(html).toContain(`Showing 51 to ${Math.min(100, awarded.length)} of ${awarded.length} awards`);
    const search = await (await send(`/opcc/rounds/${setup.round.id}?q=RIVERSIDE`, { cookie: opcc.cookie })).text();
    const riverside = awarded.filter(manyBidsPattern.riverside);
    expect(search).toContain(`of ${riverside.length} award`);
    expect(search).toContain(`Riverside Trust ${riverside[0]}`);
    expect(search).not.toContain("Organisation 1<");

    const small = await roundWithApprovedAwards(10);
    const atTen = await countQueries(async () => (await send(`/opcc/rounds/${small.round.id}`, { cookie: opcc.cookie })).text());
    const large = await roundWithApprovedAwards(200);
    const atTwoHundred = await countQueries(async () => (await send(`/opcc/rounds/${large.round.id}`, { cookie: opcc.cookie })).text());
    expect(atTwoHundred.queries).toBe(atTen.queries);
  });
});
