// The round code is part of every bid reference (CSF-2526-R1-0001): it can change only before the
// round opens and before any bid has a reference, and the slug follows it as when the round was made.
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const DAY = 86_400_000;
const detailsPath = (roundId: string) => `/administrator/rounds/${roundId}/details`;

async function refusedUpdates(roundId: string) {
  return db.auditEvent.findMany({ where: { action: "round.details.update", outcome: "refused", subjectId: roundId } });
}

describe("the round code before the round opens", () => {
  it("can be changed while no bid has a reference, and the slug follows it as when the round was created", async () => {
    const round = await createRound({ opensAt: new Date(Date.now() + DAY), code: "2728-R1", slug: "2728-r1" });
    const administrator = await signedInAs("fund_administrator");
    const page = await (await send(detailsPath(round.id), { cookie: administrator.cookie })).text();
    expect(page).toContain('name="code"');

    const response = await send(detailsPath(round.id), { cookie: administrator.cookie, form: { code: " 2728-r2 " } });
    expect(response.status).toBe(302);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ code: "2728-R2", slug: "2728-r2", name: round.name });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "round.details.updated", subjectId: round.id } });
    expect(JSON.parse(audit.before!)).toMatchObject({ code: "2728-R1", slug: "2728-r1" });
    expect(JSON.parse(audit.after!)).toMatchObject({ code: "2728-R2", slug: "2728-r2" });
    // The public page answers at the new address only.
    expect((await send("/rounds/2728-r2")).status).toBe(200);
    expect((await send("/rounds/2728-r1")).status).toBe(404);
  });

  it("keeps a hand-made slug when the code is saved unchanged", async () => {
    const round = await createRound({ opensAt: new Date(Date.now() + DAY), code: "2728-R1", slug: "2027-28-round-1" });
    const administrator = await signedInAs("fund_administrator");
    const response = await send(detailsPath(round.id), { cookie: administrator.cookie, form: { code: "2728-R1", name: "Renamed" } });
    expect(response.status).toBe(302);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ code: "2728-R1", slug: "2027-28-round-1", name: "Renamed" });
  });

  it("refuses a code whose slug another round of the fund already uses", async () => {
    await createRound({ code: "2728-R5", slug: "2728-r2" });
    const round = await createRound({ opensAt: new Date(Date.now() + DAY), code: "2728-R1", slug: "2728-r1" });
    const administrator = await signedInAs("fund_administrator");
    const response = await send(detailsPath(round.id), { cookie: administrator.cookie, form: { code: "2728-R2" } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("The fund already has a round with the code 2728-R2");
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ code: "2728-R1", slug: "2728-r1" });
  });

  it("is locked as soon as a bid has a reference, even before the opening time", async () => {
    const { round, bids, administrator } = await createAssessmentRound({ bids: 1, assessors: 0 });
    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() + DAY), closesAt: new Date(Date.now() + 30 * DAY) } });
    const page = await (await send(detailsPath(round.id), { cookie: administrator.cookie })).text();
    expect(page).not.toContain('name="code"');
    expect(page).toContain(`Bids in this round already have references made from this code, like ${bids[0]!.reference}, so it cannot be changed.`);
    // The other fields are still open: the round has not opened.
    expect(page).toContain('name="baseAllocation"');

    const forced = await send(detailsPath(round.id), { cookie: administrator.cookie, form: { code: "2930-R1", name: "Renamed" } });
    expect(forced.status).toBe(400);
    const html = await forced.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain(`The round code cannot be changed because bids in this round already have references made from it, like ${bids[0]!.reference}`);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ code: round.code, slug: round.slug, name: round.name });
    const [refusal] = await refusedUpdates(round.id);
    expect(JSON.parse(refusal!.details!)).toMatchObject({ code: { stored: round.code, posted: "2930-R1" } });
  });
});

describe("the round code once the round has opened", () => {
  it("is shown with the reason, not asked for; a crafted change is refused, changes nothing and is audited", async () => {
    const round = await createRound({ code: "2526-R1", slug: "2526-r1" });
    const administrator = await signedInAs("fund_administrator");
    const page = await (await send(detailsPath(round.id), { cookie: administrator.cookie })).text();
    expect(page).not.toContain('name="code"');
    expect(page).toContain("Round code");
    expect(page).toContain(">2526-R1<");
    expect(page).toContain("Every bid submitted gets a reference made from this code, so it cannot be changed now.");

    const forced = await send(detailsPath(round.id), { cookie: administrator.cookie, form: { code: "2526-R9", name: "Renamed", maxDocumentMegabytes: "20" } });
    expect(forced.status).toBe(400);
    expect(await forced.text()).toContain("The round has opened, so the round code cannot be changed");
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({
      code: "2526-R1",
      slug: "2526-r1",
      name: round.name,
      maxDocumentBytes: round.maxDocumentBytes,
    });
    expect(await refusedUpdates(round.id)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "round.details.updated", subjectId: round.id } })).toBe(0);
  });

  it("still accepts the unchanged code from a form loaded before the lock", async () => {
    const round = await createRound({ code: "2526-R1", slug: "2526-r1" });
    const administrator = await signedInAs("fund_administrator");
    const response = await send(detailsPath(round.id), { cookie: administrator.cookie, form: { code: "2526-r1", name: "Renamed" } });
    expect(response.status).toBe(302);
    expect(await db.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ code: "2526-R1", slug: "2526-r1", name: "Renamed" });
    expect(await refusedUpdates(round.id)).toHaveLength(0);
  });
});
