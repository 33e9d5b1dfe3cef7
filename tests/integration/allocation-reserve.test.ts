// After release: feedback shared with unfunded bids, awards declined by the applicant or
// withdrawn (money back to the pot), and offering the next reserve bid an award as a new decision.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createAllocationRound, proposalForm } from "../support/allocation";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const workspace = (roundId: string) => `/administrator/rounds/${roundId}/allocation`;

async function remaining(roundId: string) {
  return (
    await db.round.findUniqueOrThrow({
      where: { id: roundId },
      select: { remainingPotPence: true },
    })
  ).remainingPotPence;
}

/**
 * A £7,000.00 pot (no OPCC sign-off) with bids 1, 2 and 4 approved (£1,000 + £2,000 + £4,000 =
 * the whole pot), ready to release; bid 3 (asks £3,000) meets the threshold, bid 5 does not.
 */
async function signedOffRound() {
  const setup = await createAllocationRound({ opccSignOffRequired: false });
  const { round, bids, administrator } = setup;
  await db.round.update({
    where: { id: round.id },
    data: {
      baseAllocationPence: 500_000,
      rolledForwardPence: 100_000,
      matchFundingPence: 100_000,
      remainingPotPence: 700_000,
    },
  });
  expect(
    (
      await send(workspace(round.id), {
        cookie: administrator.cookie,
        form: proposalForm(bids, { 0: "1000", 1: "2000", 3: "4000" }),
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await send(workspace(round.id), {
        cookie: administrator.cookie,
        form: { intent: "approve" },
      })
    ).status,
  ).toBe(200);
  expect(await remaining(round.id)).toBe(0);
  return setup;
}

describe("decline feedback", () => {
  it("suggests feedback from the assessors' criterion comments, and the edited feedback reaches the decline email", async () => {
    const { round, bids, administrator, criteria } = await signedOffRound();
    const declined = bids[4]!;
    const scores = await db.criterionScore.findMany({
      where: { assessment: { bidId: declined.id } },
      include: { criterion: true },
    });
    for (const s of scores)
      await db.criterionScore.update({
        where: { id: s.id },
        data: { comment: `Comment on ${s.criterion.title} for bid five` },
      });

    const page = await (await send(workspace(round.id), { cookie: administrator.cookie })).text();
    expect(page).toContain(`Feedback for ${declined.reference}`);
    expect(page).toContain(`${criteria[0]!.title}: Comment on ${criteria[0]!.title} for bid five`);

    const released = await send(workspace(round.id), {
      cookie: administrator.cookie,
      form: {
        intent: "release",
        reserve: [bids[2]!.id],
        [`feedback.${declined.id}`]: `  ${criteria[0]!.title}: the evidence of need was thin.\n\nWe would welcome a new bid.  `,
        [`feedback.${bids[2]!.id}`]: "",
      },
    });
    expect(released.status).toBe(200);
    const bid = await db.bid.findUniqueOrThrow({
      where: { id: declined.id },
      select: { status: true, feedback: true },
    });
    expect(bid).toEqual({
      status: "declined",
      feedback: `${criteria[0]!.title}: the evidence of need was thin.\n\nWe would welcome a new bid.`,
    });
    const email = await db.outboxEmail.findUniqueOrThrow({
      where: { idempotencyKey: `outcome:${declined.id}:0` },
    });
    expect(email.template).toBe("outcome-decline");
    expect(email.text).toContain("the evidence of need was thin.");
    expect(email.text).toContain("We would welcome a new bid.");
    expect(email.text).not.toContain("for bid five");
    expect((await db.bid.findUniqueOrThrow({ where: { id: bids[2]!.id } })).feedback).toBeNull();
  });
});

describe("the reserve list after release", () => {
  it("returns a declined or withdrawn award's money to the pot and offers the next reserve bid an award within it", async () => {
    const { round, bids, administrator, applicant } = await signedOffRound();
    const admin = administrator.cookie;
    expect(
      (
        await send(workspace(round.id), {
          cookie: admin,
          form: { intent: "release", reserve: [bids[2]!.id] },
        })
      ).status,
    ).toBe(200);
    const reserveBid = bids[2]!;

    const page = await (await send(workspace(round.id), { cookie: admin })).text();
    expect(page).toContain("Reserve list");
    expect(page).toContain(`Rank 3: ${reserveBid.reference}`);

    // Nothing is free yet: an offer is refused with the amount over.
    const tooSoon = await send(workspace(round.id), {
      cookie: admin,
      form: {
        intent: "offer",
        bidId: reserveBid.id,
        [`offer.${reserveBid.id}`]: "1000",
      },
    });
    expect(tooSoon.status).toBe(409);
    expect(await tooSoon.text()).toContain("£1,000.00 over the remaining pot of £0.00");

    // The applicant of bid 2 declines its £2,000.00 award: exactly that goes back to the pot.
    const declined = await send(workspace(round.id), {
      cookie: admin,
      form: { intent: "award-declined", bidId: bids[1]!.id },
    });
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain("£2,000.00 has been returned to the pot");
    expect(await remaining(round.id)).toBe(200_000);
    expect((await db.award.findUniqueOrThrow({ where: { bidId: bids[1]!.id } })).status).toBe("declined_by_applicant");
    expect(
      await db.auditEvent.count({
        where: {
          action: "award.declined_by_applicant",
          outcome: "allowed",
          subjectId: bids[1]!.id,
        },
      }),
    ).toBe(1);
    // Recording it twice changes nothing.
    const twice = await send(workspace(round.id), {
      cookie: admin,
      form: { intent: "award-withdrawn", bidId: bids[1]!.id },
    });
    expect(twice.status).toBe(409);
    expect(await remaining(round.id)).toBe(200_000);
    expect(await (await send(workspace(round.id), { cookie: admin })).text()).toContain(
      "Money returned from declined or withdrawn awards: <strong>£2,000.00</strong>",
    );

    // Over the freed money, or over the request: refused, nothing changed.
    const over = await send(workspace(round.id), {
      cookie: admin,
      form: {
        intent: "offer",
        bidId: reserveBid.id,
        [`offer.${reserveBid.id}`]: "2500",
      },
    });
    expect(over.status).toBe(409);
    expect(await over.text()).toContain("£500.00 over the remaining pot of £2,000.00");
    const bad = await send(workspace(round.id), {
      cookie: admin,
      form: {
        intent: "offer",
        bidId: reserveBid.id,
        [`offer.${reserveBid.id}`]: "two thousand",
      },
    });
    expect(bad.status).toBe(400);
    expect(
      await db.bid.findUniqueOrThrow({
        where: { id: reserveBid.id },
        select: { status: true, decisionVersion: true },
      }),
    ).toEqual({ status: "reserve", decisionVersion: 0 });
    expect(await remaining(round.id)).toBe(200_000);

    // Within it: a new decision, version 1, with one new outcome email.
    const offered = await send(workspace(round.id), {
      cookie: admin,
      form: {
        intent: "offer",
        bidId: reserveBid.id,
        [`offer.${reserveBid.id}`]: "2,000",
        [`offerConditions.${reserveBid.id}`]: "Report quarterly",
      },
    });
    expect(offered.status).toBe(200);
    expect(await offered.text()).toContain(`${reserveBid.reference} has been offered an award of £2,000.00`);
    expect(await remaining(round.id)).toBe(0);
    expect(
      await db.bid.findUniqueOrThrow({
        where: { id: reserveBid.id },
        select: { status: true, decisionVersion: true },
      }),
    ).toEqual({ status: "awarded", decisionVersion: 1 });
    expect(await db.award.findUniqueOrThrow({ where: { bidId: reserveBid.id } })).toMatchObject({
      status: "released",
      amountPence: 200_000,
      conditions: "Report quarterly",
      approvedById: administrator.user.id,
    });
    const emails = await db.outboxEmail.findMany({
      where: { idempotencyKey: { startsWith: `outcome:${reserveBid.id}:` } },
      orderBy: { idempotencyKey: "asc" },
    });
    expect(emails.map((e) => [e.idempotencyKey, e.template])).toEqual([
      [`outcome:${reserveBid.id}:0`, "outcome-reserve"],
      [`outcome:${reserveBid.id}:1`, "outcome-award"],
    ]);
    expect(emails[1]!.text).toContain("£2,000.00");
    expect(
      await db.auditEvent.count({
        where: {
          action: "award.offer",
          outcome: "allowed",
          subjectId: reserveBid.id,
        },
      }),
    ).toBe(1);

    // Offering again is refused: the bid is no longer on the reserve list; no second email.
    const again = await send(workspace(round.id), {
      cookie: admin,
      form: {
        intent: "offer",
        bidId: reserveBid.id,
        [`offer.${reserveBid.id}`]: "1",
      },
    });
    expect(again.status).toBe(409);
    expect(
      await db.outboxEmail.count({
        where: { idempotencyKey: { startsWith: `outcome:${reserveBid.id}:` } },
      }),
    ).toBe(2);

    // Withdrawing an award returns its amount too; anything else after release stays refused.
    expect(
      (
        await send(workspace(round.id), {
          cookie: admin,
          form: { intent: "award-withdrawn", bidId: bids[0]!.id },
        })
      ).status,
    ).toBe(200);
    expect(await remaining(round.id)).toBe(100_000);
    expect((await db.award.findUniqueOrThrow({ where: { bidId: bids[0]!.id } })).status).toBe("withdrawn");
    // The applicant sees the award is withdrawn, and the reserve bid's new award.
    await db.membership.create({ data: { organisationId: bids[0]!.organisationId, userId: applicant.user.id } });
    const home = await (await send("/applicant", { cookie: applicant.cookie })).text();
    expect(home).toContain("Award of £1,000.00 withdrawn");
    expect(
      (
        await send(workspace(round.id), {
          cookie: admin,
          form: proposalForm(bids, { 4: "1000" }),
        })
      ).status,
    ).toBe(409);
    const notReserve = await send(workspace(round.id), {
      cookie: admin,
      form: {
        intent: "offer",
        bidId: bids[4]!.id,
        [`offer.${bids[4]!.id}`]: "1000",
      },
    });
    expect(notReserve.status).toBe(409);
    expect(await notReserve.text()).toContain("is not on the reserve list");
    expect(await remaining(round.id)).toBe(100_000);
  });

  it("at the same time: a declined award returns its money once, and a reserve bid is offered one award with one email", async () => {
    const { round, bids, administrator } = await signedOffRound();
    const other = await signedInAs("fund_administrator");
    const admin = administrator.cookie;
    expect((await send(workspace(round.id), { cookie: admin, form: { intent: "release", reserve: [bids[2]!.id] } })).status).toBe(200);

    const returns = await Promise.all(
      [admin, other.cookie, admin, other.cookie].map((cookie, i) =>
        send(workspace(round.id), { cookie, form: { intent: i % 2 ? "award-withdrawn" : "award-declined", bidId: bids[3]!.id } }),
      ),
    );
    expect(returns.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await remaining(round.id)).toBe(400_000);

    const reserveBid = bids[2]!;
    const offers = await Promise.all(
      [admin, other.cookie, admin].map((cookie) =>
        send(workspace(round.id), { cookie, form: { intent: "offer", bidId: reserveBid.id, [`offer.${reserveBid.id}`]: "3000" } }),
      ),
    );
    expect(offers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await remaining(round.id)).toBe(100_000);
    expect(await db.award.count({ where: { bidId: reserveBid.id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { idempotencyKey: `outcome:${reserveBid.id}:1` } })).toBe(1);
    expect((await db.bid.findUniqueOrThrow({ where: { id: reserveBid.id } })).decisionVersion).toBe(1);
  });

  it("refuses returning an award or making an offer before release", async () => {
    const { round, bids, administrator } = await signedOffRound();
    expect(
      (
        await send(workspace(round.id), {
          cookie: administrator.cookie,
          form: { intent: "award-declined", bidId: bids[0]!.id },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await send(workspace(round.id), {
          cookie: administrator.cookie,
          form: {
            intent: "offer",
            bidId: bids[2]!.id,
            [`offer.${bids[2]!.id}`]: "1000",
          },
        })
      ).status,
    ).toBe(409);
    expect(await remaining(round.id)).toBe(0);
    expect(
      await db.award.count({
        where: { roundId: round.id, status: "approved" },
      }),
    ).toBe(3);
  });

  it("gives applicants and assessors 403 for every change, and changes nothing", async () => {
    const { round, bids, administrator } = await signedOffRound();
    expect(
      (
        await send(workspace(round.id), {
          cookie: administrator.cookie,
          form: { intent: "release", reserve: [bids[2]!.id] },
        })
      ).status,
    ).toBe(200);
    const outsiders = [await signedInAs("applicant"), await signedInAs("assessor")];
    for (const who of outsiders) {
      for (const form of [
        { intent: "award-declined", bidId: bids[1]!.id },
        { intent: "award-withdrawn", bidId: bids[1]!.id },
        {
          intent: "offer",
          bidId: bids[2]!.id,
          [`offer.${bids[2]!.id}`]: "1000",
        },
      ]) {
        expect((await send(workspace(round.id), { cookie: who.cookie, form })).status).toBe(403);
      }
    }
    expect(await remaining(round.id)).toBe(0);
    expect(
      await db.award.count({
        where: { roundId: round.id, status: "released" },
      }),
    ).toBe(3);
    expect((await db.bid.findUniqueOrThrow({ where: { id: bids[2]!.id } })).status).toBe("reserve");
  });
});
