// The release form a page at a time (ADR 0031): reserve choices and feedback saved page by page,
// the release using every saved choice, refusals that save nothing, a choice saved while the
// release runs never silently left out, and the page's statements not growing with the round.
import { describe, expect, it } from "vitest";
import { loadAllocationBids, loadAllocationPage } from "~/domain/allocation/workspace.server";
import { LIST_PAGE_SIZE } from "~/domain/lists/list-page";
import { db } from "~/lib/db.server";
import { numbered, send, signedInAs, visibleText } from "../support/app";
import { startEachTestEmpty } from "../support/database";
import { createRoundWithManyBids, manyBidsPattern } from "../support/many-bids";
import { countQueries } from "../support/query-counter";

startEachTestEmpty();

const workspace = (roundId: string, query = "") => `/administrator/rounds/${roundId}/allocation${query}`;

/**
 * A round of `count` bids whose allocation is signed off: every bid still in assessment has a
 * score (the unscored ones were withdrawn), and the two bids ranked first have approved awards.
 */
async function signedOffRound(count: number) {
  const setup = await createRoundWithManyBids(count);
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const unscored = numbers.filter((n) => !manyBidsPattern.ineligible(n) && !manyBidsPattern.scored(n)).map(setup.bidId);
  await db.bid.updateMany({ where: { id: { in: unscored } }, data: { status: "withdrawn", withdrawnAt: new Date() } });
  // The two bids ranked first, as the workspace ranks them.
  const first = (await loadAllocationPage(setup.round.id, { q: "", band: "", award: "", area: "", priority: "" }, 1))!.rows;
  for (const { bidId } of first.slice(0, 2)) {
    await db.award.create({ data: { bidId, roundId: setup.round.id, amountPence: 100_000, pccFundedPence: 100_000, matchFundedPence: 0, status: "approved" } });
  }
  await db.round.update({
    where: { id: setup.round.id },
    data: { allocationStatus: "signed_off", remainingPotPence: { decrement: 200_000 }, qualityThresholdPercent: 55 },
  });
  return setup;
}

/** The bids the release form of a page holds (its hidden `releaseBids` fields). */
function releaseBids(html: string) {
  return [...html.matchAll(/name="releaseBids\.\d+" value="([^"]+)"/g)].map((m) => m[1]!);
}

/** The bids a page offers for the reserve list, and which are ticked. */
function reserveBoxes(html: string) {
  const boxes = [...html.matchAll(/<input[^>]*name="reserve"[^>]*>/g)].map((m) => m[0]);
  const value = (box: string) => /value="([^"]+)"/.exec(box)![1]!;
  return { offered: boxes.map(value), ticked: boxes.filter((b) => /\schecked(=""|\s|>|\/)/.test(b)).map(value) };
}

async function statusOf(bidId: string) {
  return (await db.bid.findUniqueOrThrow({ where: { id: bidId }, select: { status: true } })).status;
}

describe("the release form, a page at a time", () => {
  it("holds only the page's bids, saves each page's choices, and releases with every saved choice", async () => {
    const setup = await signedOffRound(200);
    const admin = setup.administrator.cookie;
    const page1 = await (await send(workspace(setup.round.id), { cookie: admin })).text();
    const onPage1 = releaseBids(page1);
    // The two awarded bids lead the ranking: the first page's form holds the other 48.
    expect(onPage1).toHaveLength(LIST_PAGE_SIZE - 2);
    expect(page1.match(/name="feedback\./g)).toHaveLength(LIST_PAGE_SIZE - 2);
    expect(visibleText(page1)).toContain("This form holds the bids ranked 1 to 50 shown above.");
    expect(Buffer.byteLength(page1)).toBeLessThan(150_000);

    const page2 = await (await send(workspace(setup.round.id, "?page=2"), { cookie: admin })).text();
    const onPage2 = releaseBids(page2);
    expect(onPage2).toHaveLength(LIST_PAGE_SIZE);
    expect(onPage2.filter((id) => onPage1.includes(id))).toEqual([]);
    const { offered } = reserveBoxes(page2);
    expect(offered.length).toBeGreaterThan(1);
    const [reserveOnPage2, untickedLater] = offered as [string, string];
    const feedbackOnPage2 = onPage2.find((id) => id !== reserveOnPage2 && id !== untickedLater)!;

    // Page 2: two bids on the reserve list, feedback for another.
    const saved = await send(workspace(setup.round.id, "?page=2"), {
      cookie: admin,
      form: {
        intent: "release-choices",
        ...numbered("releaseBids", onPage2),
        reserve: [reserveOnPage2, untickedLater],
        [`feedback.${feedbackOnPage2}`]: "  We could not fund every strong bid this year.  ",
      },
    });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain(`Choices saved for ${onPage2.length} bids on this page.`);
    expect(reserveBoxes(await (await send(workspace(setup.round.id, "?page=2"), { cookie: admin })).text()).ticked.sort()).toEqual(
      [reserveOnPage2, untickedLater].sort(),
    );
    // Unticked again: an unticked box posts nothing, so the page's bids say which were shown.
    expect(
      (
        await send(workspace(setup.round.id, "?page=2"), {
          cookie: admin,
          form: { intent: "release-choices", ...numbered("releaseBids", [untickedLater]), reserve: [] },
        })
      ).status,
    ).toBe(200);
    const page2Again = await (await send(workspace(setup.round.id, "?page=2"), { cookie: admin })).text();
    expect(reserveBoxes(page2Again).ticked).toEqual([reserveOnPage2]);
    expect(page2Again).toContain("We could not fund every strong bid this year.</textarea>");

    // The whole round's figures, on any page.
    const withoutAward = await db.bid.count({ where: { roundId: setup.round.id, status: "in_assessment", award: null } });
    const summary = /data-testid="release-choices"[\s\S]*?<\/dl>/.exec(await (await send(workspace(setup.round.id), { cookie: admin })).text())![0];
    expect(summary.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")).toContain(
      `Bids without an award ${withoutAward} bids On the reserve list 1 bid Feedback saved 1 of ${withoutAward} bids`,
    );

    // Released from page 1, with page 1's own choices: the saved choices of page 2 are used too.
    const reserveOnPage1 = reserveBoxes(page1).offered[0]!;
    const feedbackOnPage1 = onPage1.find((id) => id !== reserveOnPage1)!;
    const neverSaved = releaseBids(await (await send(workspace(setup.round.id, "?page=3"), { cookie: admin })).text())[0]!;
    const released = await send(workspace(setup.round.id), {
      cookie: admin,
      form: { intent: "release", ...numbered("releaseBids", onPage1), reserve: [reserveOnPage1], [`feedback.${feedbackOnPage1}`]: "Thank you for bidding." },
    });
    expect(released.status).toBe(200);
    expect(await released.text()).toContain("Outcomes released: 2 awarded, 2 on the reserve list");
    expect(await statusOf(reserveOnPage1)).toBe("reserve");
    expect(await statusOf(reserveOnPage2)).toBe("reserve");
    expect(await statusOf(untickedLater)).toBe("declined");
    const declined = async (bidId: string) => {
      const bid = await db.bid.findUniqueOrThrow({ where: { id: bidId }, select: { status: true, feedback: true, decisionVersion: true } });
      const email = await db.outboxEmail.findUniqueOrThrow({ where: { idempotencyKey: `outcome:${bidId}:${bid.decisionVersion}` } });
      return { status: bid.status, feedback: bid.feedback, email: email.text };
    };
    expect(await declined(feedbackOnPage1)).toMatchObject({ status: "declined", feedback: "Thank you for bidding." });
    expect((await declined(feedbackOnPage1)).email).toContain("Thank you for bidding.");
    expect(await declined(feedbackOnPage2)).toMatchObject({ status: "declined", feedback: "We could not fund every strong bid this year." });
    expect((await declined(feedbackOnPage2)).email).toContain("We could not fund every strong bid this year.");
    // Never saved, and the assessors' comments not chosen for such bids: no feedback.
    expect(await declined(neverSaved)).toMatchObject({ status: "declined", feedback: null });
    // One outcome email for every bid decided, and the choices gone with the release.
    const decided = await db.bid.count({ where: { roundId: setup.round.id, status: { in: ["awarded", "reserve", "declined", "ineligible"] } } });
    expect(await db.outboxEmail.count({ where: { idempotencyKey: { startsWith: "outcome:" } } })).toBe(decided);
    expect(await db.releaseChoice.count({ where: { roundId: setup.round.id } })).toBe(0);
    expect(await db.releaseDraft.count({ where: { roundId: setup.round.id } })).toBe(0);
  }, 180_000);

  it("sends the assessors' comments to bids whose feedback was never saved, when the administrator chooses so", async () => {
    // 600 bids to decide: more than one statement lists by id, so the comments are read by round.
    const setup = await signedOffRound(1000);
    const admin = setup.administrator.cookie;
    const offPage = releaseBids(await (await send(workspace(setup.round.id, "?page=2"), { cookie: admin })).text())[0]!;
    await db.criterionScore.updateMany({
      where: { assessment: { bidId: offPage }, criterionId: setup.criteria[0]!.id },
      data: { comment: "Clear local need." },
    });
    const page1 = await (await send(workspace(setup.round.id), { cookie: admin })).text();
    expect(visibleText(page1)).toContain("Feedback for bids on other pages");
    const released = await send(workspace(setup.round.id), {
      cookie: admin,
      form: { intent: "release", ...numbered("releaseBids", releaseBids(page1)), shareAssessorComments: "yes" },
    });
    expect(released.status).toBe(200);
    const bid = await db.bid.findUniqueOrThrow({ where: { id: offPage }, select: { status: true, feedback: true } });
    expect(bid).toEqual({ status: "declined", feedback: `${setup.criteria[0]!.title}: Clear local need.` });
    // Bids whose assessors left no comment are sent none.
    expect(await db.bid.count({ where: { roundId: setup.round.id, status: "declined", feedback: { not: null } } })).toBe(1);
  }, 240_000);

  it("refuses choices it cannot keep, saving nothing, and keeps a page's choices when the release itself is refused", async () => {
    const setup = await signedOffRound(60);
    const admin = setup.administrator.cookie;
    const page1 = await (await send(workspace(setup.round.id), { cookie: admin })).text();
    const onPage1 = releaseBids(page1);
    const awarded = (await db.award.findFirstOrThrow({ where: { roundId: setup.round.id, status: "approved" } })).bidId;
    const belowThreshold = onPage1.find((id) => !reserveBoxes(page1).offered.includes(id));

    const withAward = await send(workspace(setup.round.id), {
      cookie: admin,
      form: { intent: "release-choices", ...numbered("releaseBids", onPage1), reserve: [awarded] },
    });
    expect(withAward.status).toBe(409);
    expect(await withAward.text()).toContain("has an approved award, so it cannot also be on the reserve list. Nothing was saved.");
    expect(belowThreshold).toBeDefined();
    const below = await send(workspace(setup.round.id), {
      cookie: admin,
      form: { intent: "release-choices", ...numbered("releaseBids", onPage1), reserve: [belowThreshold!] },
    });
    expect(below.status).toBe(409);
    expect(await below.text()).toContain("is below the quality threshold, so it cannot be on the reserve list. Nothing was saved.");
    expect(await db.releaseChoice.count()).toBe(0);

    // Only the fund administrator's release permission saves choices; the OPCC sees no such form.
    const opcc = await signedInAs("opcc_sign_off");
    expect(
      (await send(workspace(setup.round.id), { cookie: opcc.cookie, form: { intent: "release-choices", ...numbered("releaseBids", onPage1) } })).status,
    ).toBe(403);

    // A bid put back to "submitted" stops the release, but the page's choices are kept.
    const reserve = reserveBoxes(page1).offered[0]!;
    const notScreened = onPage1.find((id) => id !== reserve)!;
    await db.bid.update({ where: { id: notScreened }, data: { status: "submitted" } });
    const refused = await send(workspace(setup.round.id), {
      cookie: admin,
      form: { intent: "release", ...numbered("releaseBids", onPage1), reserve: [reserve], [`feedback.${reserve}`]: "Kept." },
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("has not been assessed");
    expect(await db.releaseChoice.findUniqueOrThrow({ where: { bidId: reserve } })).toMatchObject({ onReserve: true, feedback: "Kept." });
    expect(await db.round.findUniqueOrThrow({ where: { id: setup.round.id }, select: { allocationStatus: true } })).toEqual({ allocationStatus: "signed_off" });

    // After release nothing more is saved.
    await db.bid.update({ where: { id: notScreened }, data: { status: "in_assessment" } });
    expect((await send(workspace(setup.round.id), { cookie: admin, form: { intent: "release" } })).status).toBe(200);
    expect(await statusOf(reserve)).toBe("reserve");
    const late = await send(workspace(setup.round.id), {
      cookie: admin,
      form: { intent: "release-choices", ...numbered("releaseBids", [notScreened]), reserve: [notScreened] },
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Outcomes for this round have been released.");
    expect(await db.releaseChoice.count()).toBe(0);
  }, 120_000);

  it("never leaves out a choice saved while the release runs: fired together, the release uses it or refuses", async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const setup = await signedOffRound(24);
      const admin = setup.administrator.cookie;
      const page = await (await send(workspace(setup.round.id), { cookie: admin })).text();
      const chosen = reserveBoxes(page).offered[attempt % 2]!;
      const [save, release] = await Promise.all([
        send(workspace(setup.round.id), { cookie: admin, form: { intent: "release-choices", ...numbered("releaseBids", [chosen]), reserve: [chosen] } }),
        send(workspace(setup.round.id), { cookie: admin, form: { intent: "release" } }),
      ]);
      const round = await db.round.findUniqueOrThrow({ where: { id: setup.round.id }, select: { allocationStatus: true } });
      if (release.status === 200) {
        expect(round.allocationStatus).toBe("released");
        // Saved before the release read the choices: on the reserve list. Otherwise the save was refused.
        if (save.status === 200) expect(await statusOf(chosen)).toBe("reserve");
        else {
          expect(save.status).toBe(409);
          expect(await statusOf(chosen)).toBe("declined");
        }
      } else {
        // The choice was saved after the release read the choices: nothing released, the choice kept.
        expect(release.status).toBe(409);
        expect(save.status).toBe(200);
        expect(round.allocationStatus).toBe("signed_off");
        expect(await db.bid.count({ where: { roundId: setup.round.id, decidedAt: { not: null } } })).toBe(0);
        expect((await send(workspace(setup.round.id), { cookie: admin, form: { intent: "release" } })).status).toBe(200);
        expect(await statusOf(chosen)).toBe("reserve");
      }
    }
  }, 180_000);

  it("saves a page's choices from the posted bids alone: listed by id, or past 500 ids by their round", async () => {
    const setup = await signedOffRound(60);
    const onPage1 = releaseBids(await (await send(workspace(setup.round.id), { cookie: setup.administrator.cookie })).text());
    const withdrawn = (await db.bid.findFirstOrThrow({ where: { roundId: setup.round.id, status: "withdrawn" }, select: { id: true } })).id;
    const posted = [...onPage1.slice(0, 3), withdrawn, "no-such-bid"];
    const manyUnknown = Array.from({ length: 500 }, (_, i) => `unknown-${i}`);
    const read = async (ids: string[]) => (await loadAllocationBids(setup.round.id, ids))!.rows.map((r) => r.bidId).sort();
    // Only the listed bids that are in the ranking: not the withdrawn one, not an unknown id.
    expect(await read(posted)).toEqual(onPage1.slice(0, 3).sort());
    expect(await read([...posted, ...manyUnknown])).toEqual(onPage1.slice(0, 3).sort());
    expect(await read([])).toEqual([]);
    expect(await loadAllocationBids("no-such-round", posted)).toBeNull();
    // A post naming more than 500 bids is saved as one naming the page's bids.
    const saved = await send(workspace(setup.round.id), {
      cookie: setup.administrator.cookie,
      form: { intent: "release-choices", ...numbered("releaseBids", [...posted, ...manyUnknown]), reserve: [] },
    });
    expect(saved.status).toBe(200);
    expect((await db.releaseChoice.findMany({ select: { bidId: true } })).map((c) => c.bidId).sort()).toEqual(onPage1.slice(0, 3).sort());
  }, 120_000);

  it("sends as many statements for the signed-off page at 200 bids as at 10", async () => {
    const small = await signedOffRound(10);
    const large = await signedOffRound(200);
    // The ranking's stored scores are read once first (ADR 0028), then every view costs the same.
    await send(workspace(small.round.id), { cookie: small.administrator.cookie });
    await send(workspace(large.round.id), { cookie: large.administrator.cookie });
    const atTen = await countQueries(() => send(workspace(small.round.id), { cookie: small.administrator.cookie }));
    const atTwoHundred = await countQueries(() => send(workspace(large.round.id), { cookie: large.administrator.cookie }));
    expect(atTen.result.status).toBe(200);
    expect(atTen.queries).toBeGreaterThan(0);
    expect(atTwoHundred.queries).toBe(atTen.queries);
  }, 120_000);
});
