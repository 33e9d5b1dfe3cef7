import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

async function setUp() {
  const fund = await db.fund.create({ data: { slug: "community-safety-fund", code: "CSF", name: "Community Safety Fund", description: "Test fund" } });
  const reason = await db.ineligibilityReason.create({ data: { fundId: fund.id, text: "Organisation type not eligible", position: 0 } });
  const administrator = await signedInAs("fund_administrator");
  return { fund, reason, administrator, path: `/administrator/funds/${fund.id}/ineligibility-reasons` };
}

describe("stock ineligibility reasons", () => {
  it("adds, renames, deactivates and reactivates a reason, auditing each change", async () => {
    const { fund, reason, administrator, path } = await setUp();
    expect(await (await send(path, { cookie: administrator.cookie })).text()).toContain('value="Organisation type not eligible"');

    const added = await send(path, { cookie: administrator.cookie, form: { intent: "add", text: "  Project outside   the force area " } });
    expect(added.status).toBe(200);
    expect(await added.text()).toContain("The reason has been added.");
    expect((await db.ineligibilityReason.findMany({ where: { fundId: fund.id }, orderBy: { position: "asc" } })).map((r) => r.text)).toEqual([
      "Organisation type not eligible",
      "Project outside the force area",
    ]);

    const renamed = await send(path, {
      cookie: administrator.cookie,
      form: { intent: "rename", reasonId: reason.id, [`reasons.${reason.id}`]: "Organisation is not a charity or community group" },
    });
    expect(renamed.status).toBe(200);
    expect((await db.ineligibilityReason.findUniqueOrThrow({ where: { id: reason.id } })).text).toBe("Organisation is not a charity or community group");

    expect((await send(path, { cookie: administrator.cookie, form: { intent: "deactivate", reasonId: reason.id } })).status).toBe(200);
    expect((await db.ineligibilityReason.findUniqueOrThrow({ where: { id: reason.id } })).active).toBe(false);
    expect(await (await send(path, { cookie: administrator.cookie })).text()).toContain("(not in use)");
    expect((await send(path, { cookie: administrator.cookie, form: { intent: "reactivate", reasonId: reason.id } })).status).toBe(200);
    expect((await db.ineligibilityReason.findUniqueOrThrow({ where: { id: reason.id } })).active).toBe(true);

    const actions = (
      await db.auditEvent.findMany({ where: { action: { startsWith: "ineligibility-reason." }, outcome: "allowed" }, orderBy: { createdAt: "asc" } })
    ).map((e) => e.action);
    expect(actions.sort()).toEqual([
      "ineligibility-reason.added",
      "ineligibility-reason.deactivated",
      "ineligibility-reason.reactivated",
      "ineligibility-reason.renamed",
    ]);
  });

  it("refuses a blank or duplicate reason, keeps what was typed, changes nothing and audits the refusal", async () => {
    const { fund, reason, administrator, path } = await setUp();
    const blank = await send(path, { cookie: administrator.cookie, form: { intent: "add", text: "   " } });
    expect(blank.status).toBe(400);
    expect(await blank.text()).toContain("Enter the reason");
    const duplicate = await send(path, { cookie: administrator.cookie, form: { intent: "add", text: "Organisation type not eligible" } });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("The fund already has that reason");
    const badRename = await send(path, { cookie: administrator.cookie, form: { intent: "rename", reasonId: reason.id, [`reasons.${reason.id}`]: "" } });
    expect(badRename.status).toBe(400);
    expect(await db.ineligibilityReason.count({ where: { fundId: fund.id } })).toBe(1);
    expect((await db.ineligibilityReason.findUniqueOrThrow({ where: { id: reason.id } })).text).toBe("Organisation type not eligible");
    expect(await db.auditEvent.count({ where: { action: { startsWith: "ineligibility-reason." }, outcome: "refused" } })).toBe(3);
  });

  it("refuses a reason belonging to another fund", async () => {
    const { administrator, path } = await setUp();
    const other = await db.fund.create({ data: { slug: "other-fund", code: "OTH", name: "Other fund", description: "Another fund" } });
    const theirs = await db.ineligibilityReason.create({ data: { fundId: other.id, text: "Their reason" } });
    const response = await send(path, { cookie: administrator.cookie, form: { intent: "deactivate", reasonId: theirs.id } });
    expect(response.status).toBe(400);
    expect((await db.ineligibilityReason.findUniqueOrThrow({ where: { id: theirs.id } })).active).toBe(true);
  });

  it("refuses assessors and applicants", async () => {
    const { reason, path } = await setUp();
    for (const role of ["assessor", "applicant"] as const) {
      const { cookie } = await signedInAs(role);
      expect((await send(path, { cookie, form: { intent: "deactivate", reasonId: reason.id } })).status).toBe(403);
    }
    expect((await db.ineligibilityReason.findUniqueOrThrow({ where: { id: reason.id } })).active).toBe(true);
  });
});
