import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { send, signedInAs } from "../support/app";
import { createAssessmentRound } from "../support/assessment";
import { createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const DAY = 86_400_000;

type Row = { id?: string; title: string; guidance?: string; weightPercent: string; maxScore?: string };

function criteriaForm(rows: Row[], intent = "save"): Record<string, string> {
  const form: Record<string, string> = { intent };
  rows.forEach((row, i) => {
    form[`criteria.${i}.id`] = row.id ?? "";
    form[`criteria.${i}.title`] = row.title;
    form[`criteria.${i}.guidance`] = row.guidance ?? "";
    form[`criteria.${i}.weightPercent`] = row.weightPercent;
    form[`criteria.${i}.maxScore`] = row.maxScore ?? "4";
  });
  return form;
}

/** A round with the three usual criteria (40/35/25, scored 0 to 4, with descriptors), opening tomorrow. */
async function roundNotYetOpen() {
  const made = await createAssessmentRound({ bids: 0, assessors: 1 });
  await db.round.update({ where: { id: made.round.id }, data: { opensAt: new Date(Date.now() + DAY) } });
  return made;
}

/** The round's criteria as rows of the form, unchanged. */
function asRows(criteria: { id: string; title: string; weightPercent: number; maxScore: number }[]): Row[] {
  return criteria.map((c) => ({ id: c.id, title: c.title, weightPercent: String(c.weightPercent), maxScore: String(c.maxScore) }));
}

async function stored(roundId: string) {
  return db.criterion.findMany({ where: { roundId }, orderBy: { position: "asc" }, include: { descriptors: { orderBy: { score: "asc" } } } });
}

async function summary(roundId: string) {
  return (await stored(roundId)).map((c) => ({
    title: c.title,
    guidance: c.guidance,
    weightPercent: c.weightPercent,
    maxScore: c.maxScore,
    position: c.position,
  }));
}

const ORIGINAL = [
  { title: "Supports PCC and partner objectives", guidance: "", weightPercent: 40, maxScore: 4, position: 0 },
  { title: "Value for money", guidance: "", weightPercent: 35, maxScore: 4, position: 1 },
  { title: "Deliverability", guidance: "", weightPercent: 25, maxScore: 4, position: 2 },
];

describe("a round's assessment criteria", () => {
  it("shows each criterion as its own group of fields before the round opens", async () => {
    const { round, criteria, administrator } = await roundNotYetOpen();
    const response = await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("<title>Assessment criteria – Community Safety Fund</title>");
    expect(page).toContain(`Community Safety Fund: ${round.name}`);
    expect(page).toContain("Back to fund administration");
    for (const n of [1, 2, 3]) expect(page).toContain(`Criterion ${n}</h2></legend>`);
    expect(page).toContain(`name="criteria.0.id" value="${criteria[0]!.id}"`);
    expect(page).toContain('value="Value for money"');
    for (const label of ["Title", "Guidance for assessors", "Weight, in per cent", "Highest score"]) expect(page).toContain(`>${label}</label>`);
    expect(page).toContain('<div class="govuk-input__suffix" aria-hidden="true">%</div>');
    expect(page).toContain('Remove<span class="govuk-visually-hidden"> criterion 3</span>');
    expect(page).toContain("Weights add up to 100%");
    expect(page).toContain('value="add"');
    expect(page).toContain("Save criteria");
  });

  it("saves a new set in one go: renamed, swapped, reordered, removed and added, and audits before and after", async () => {
    const { round, criteria, administrator } = await roundNotYetOpen();
    const [objectives, value, deliverability] = criteria as [(typeof criteria)[0], (typeof criteria)[0], (typeof criteria)[0]];
    const response = await send(`/administrator/rounds/${round.id}/criteria`, {
      cookie: administrator.cookie,
      form: criteriaForm([
        // Two criteria swap titles, and move: value for money comes first.
        { id: value.id, title: "Supports PCC and partner objectives", guidance: " Look for\r\nlocal evidence. ", weightPercent: "50", maxScore: "4" },
        { id: objectives.id, title: "Value for money", weightPercent: "30", maxScore: "2" },
        { title: "  Community   involvement ", weightPercent: "20 %", maxScore: "6" },
      ]),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/administrator/rounds/${round.id}/criteria?saved=1`);

    const after = await stored(round.id);
    expect(
      after.map((c) => ({ id: c.id, title: c.title, guidance: c.guidance, weightPercent: c.weightPercent, maxScore: c.maxScore, position: c.position })),
    ).toEqual([
      { id: value.id, title: "Supports PCC and partner objectives", guidance: "Look for\nlocal evidence.", weightPercent: 50, maxScore: 4, position: 0 },
      { id: objectives.id, title: "Value for money", guidance: "", weightPercent: 30, maxScore: 2, position: 1 },
      { id: expect.any(String), title: "Community involvement", guidance: "", weightPercent: 20, maxScore: 6, position: 2 },
    ]);
    // Descriptors above a lowered highest score go; the others stay; a new criterion has none yet.
    expect(after[1]!.descriptors.map((d) => d.description)).toEqual(["Unacceptable", "Weak", "Adequate"]);
    expect(after[0]!.descriptors).toHaveLength(5);
    expect(after[2]!.descriptors).toEqual([]);
    expect(await db.criterion.findUnique({ where: { id: deliverability.id } })).toBeNull();
    expect(await db.scoreDescriptor.count({ where: { criterionId: deliverability.id } })).toBe(0);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "round.criteria.updated", subjectId: round.id } });
    expect(audit).toMatchObject({ actorId: administrator.user.id, outcome: "allowed", subjectType: "round" });
    expect(JSON.parse(audit.before!).map((c: { title: string; weightPercent: number }) => [c.title, c.weightPercent])).toEqual(
      ORIGINAL.map((c) => [c.title, c.weightPercent]),
    );
    expect(JSON.parse(audit.after!)).toEqual(
      after.map((c) => ({ id: c.id, title: c.title, guidance: c.guidance, weightPercent: c.weightPercent, maxScore: c.maxScore, position: c.position })),
    );
    expect(JSON.parse(audit.details!)).toEqual({ removed: [{ id: deliverability.id, title: "Deliverability" }] });

    const page = await (await send(`/administrator/rounds/${round.id}/criteria?saved=1`, { cookie: administrator.cookie })).text();
    expect(page).toContain("The criteria have been saved.");
    expect(page).toContain(`href="/administrator/rounds/${round.id}/descriptors"`);
  });

  it("adds and removes rows without saving anything, keeping what was typed", async () => {
    const { round, criteria, administrator } = await roundNotYetOpen();
    const typed = asRows(criteria);
    typed[0]!.title = "Typed but not saved";

    const added = await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie, form: criteriaForm(typed, "add") });
    expect(added.status).toBe(200);
    const addedPage = await added.text();
    expect(addedPage).toContain("Criterion 4</h2></legend>");
    expect(addedPage).toContain('value="Typed but not saved"');
    expect(addedPage).not.toContain("There is a problem");

    const removed = await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie, form: criteriaForm(typed, "remove:2") });
    expect(removed.status).toBe(200);
    const removedPage = await removed.text();
    expect(removedPage).not.toContain("Criterion 3</h2></legend>");
    expect(removedPage).not.toContain('value="Value for money"');
    expect(removedPage).toContain('value="Deliverability"');
    expect(removedPage).toContain("Weights add up to 65%");

    // Every row can be removed; the page then asks for at least one.
    const none = await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie, form: criteriaForm([typed[0]!], "remove:1") });
    expect(none.status).toBe(200);
    expect(await none.text()).toContain("There are no criteria. Add at least one.");

    expect(await summary(round.id)).toEqual(ORIGINAL);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "round.criteria" } } })).toBe(0);
  });

  const invalid: [string, (rows: Row[]) => Row[], string][] = [
    ["no criteria", () => [], "Add at least one scoring criterion"],
    ["a blank title", (rows) => rows.map((r, i) => (i === 1 ? { ...r, title: "  " } : r)), "Enter the title of criterion 2"],
    [
      "a title over 120 characters",
      (rows) => rows.map((r, i) => (i === 0 ? { ...r, title: "x".repeat(121) } : r)),
      "The title of criterion 1 must be 120 characters or fewer",
    ],
    [
      "two titles the same but for case",
      (rows) => rows.map((r, i) => (i === 2 ? { ...r, title: "VALUE FOR MONEY" } : r)),
      "Criterion 3 has the same title as criterion 2; give each criterion a different title",
    ],
    [
      "guidance over 1000 characters",
      (rows) => rows.map((r, i) => (i === 0 ? { ...r, guidance: "g".repeat(1001) } : r)),
      "The guidance for criterion 1 must be 1000 characters or fewer",
    ],
    ["a blank weight", (rows) => rows.map((r, i) => (i === 2 ? { ...r, weightPercent: "" } : r)), "Enter the weight of criterion 3, in per cent"],
    [
      "a weight that is not a whole number",
      (rows) => rows.map((r, i) => (i === 0 ? { ...r, weightPercent: "39.5" } : r)),
      "The weight of criterion 1 must be a whole number from 0 to 100",
    ],
    [
      "a weight over 100",
      (rows) => rows.map((r, i) => (i === 0 ? { ...r, weightPercent: "140" } : r)),
      "The weight of criterion 1 must be a whole number from 0 to 100",
    ],
    ["a blank highest score", (rows) => rows.map((r, i) => (i === 1 ? { ...r, maxScore: "" } : r)), "Enter the highest score for criterion 2"],
    [
      "a highest score of 0",
      (rows) => rows.map((r, i) => (i === 1 ? { ...r, maxScore: "0" } : r)),
      "The highest score for criterion 2 must be a whole number from 1 to 10",
    ],
    [
      "a highest score over 10",
      (rows) => rows.map((r, i) => (i === 1 ? { ...r, maxScore: "11" } : r)),
      "The highest score for criterion 2 must be a whole number from 1 to 10",
    ],
    [
      "weights adding up to 110",
      (rows) => rows.map((r, i) => (i === 2 ? { ...r, weightPercent: "35" } : r)),
      "The criteria weights add up to 110%; they must add up to 100%",
    ],
    [
      "weights adding up to 90",
      (rows) => rows.map((r, i) => (i === 2 ? { ...r, weightPercent: "15" } : r)),
      "The criteria weights add up to 90%; they must add up to 100%",
    ],
  ];

  for (const [what, change, message] of invalid) {
    it(`refuses ${what}, keeps what was typed, changes nothing and audits the refusal`, async () => {
      const { round, criteria, administrator } = await roundNotYetOpen();
      const rows = change(asRows(criteria));
      const response = await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie, form: criteriaForm(rows) });
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain("<title>Error: Assessment criteria – Community Safety Fund</title>");
      expect(page).toContain("There is a problem");
      expect(page).toContain(message);
      if (rows.length > 0) expect(page).toContain(`value="${rows[0]!.title}"`);
      expect(await summary(round.id)).toEqual(ORIGINAL);
      const refusal = await db.auditEvent.findFirstOrThrow({ where: { action: "round.criteria.update", outcome: "refused", subjectId: round.id } });
      expect(refusal.details).toContain(message);
      expect(await db.auditEvent.count({ where: { action: "round.criteria.updated" } })).toBe(0);
    });
  }

  it("links the 100% error to the first weight field", async () => {
    const { round, criteria, administrator } = await roundNotYetOpen();
    const rows = asRows(criteria).map((r, i) => (i === 0 ? { ...r, weightPercent: "50" } : r));
    const page = await (await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie, form: criteriaForm(rows) })).text();
    expect(page).toContain('<a href="#criteria-0-weightPercent">The criteria weights add up to 110%; they must add up to 100%</a>');
    expect(page).toContain('id="criteria-0-weightPercent-error"');
  });

  it("starts a round without criteria with one empty criterion", async () => {
    const round = await createRound({ opensAt: new Date(Date.now() + DAY) });
    const administrator = await signedInAs("fund_administrator");
    const page = await (await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie })).text();
    expect(page).toContain("Criterion 1</h2></legend>");
    expect(page).not.toContain("Criterion 2</h2></legend>");
    expect(page).toContain("Weights add up to 0%");

    const response = await send(`/administrator/rounds/${round.id}/criteria`, {
      cookie: administrator.cookie,
      form: criteriaForm([{ title: "Value for money", weightPercent: "100" }]),
    });
    expect(response.status).toBe(302);
    expect(await summary(round.id)).toEqual([{ title: "Value for money", guidance: "", weightPercent: 100, maxScore: 4, position: 0 }]);
  });

  it("locks the criteria once the round opens, says why, and refuses a crafted post", async () => {
    const { round, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    const page = await (await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie })).text();
    expect(page).toContain("cannot be changed now: that would change the rules for bids already submitted");
    expect(page).toContain("<table");
    expect(page).toContain("Value for money");
    expect(page).toContain("0 to 4");
    expect(page).not.toContain('name="criteria.');
    expect(page).not.toContain("Save criteria");

    for (const intent of ["save", "add", "remove:1"]) {
      const rows = asRows(criteria).map((r, i) => (i === 0 ? { ...r, title: "Changed", weightPercent: "50" } : i === 1 ? { ...r, weightPercent: "25" } : r));
      const forced = await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie, form: criteriaForm(rows, intent) });
      expect(forced.status).toBe(400);
      const text = await forced.text();
      expect(text).toContain("The round has opened, so its criteria, their weights and their scales cannot be changed");
      expect(text).not.toContain('name="criteria.');
    }
    expect(await summary(round.id)).toEqual(ORIGINAL);
    expect(await db.auditEvent.count({ where: { action: "round.criteria.update", outcome: "refused", subjectId: round.id } })).toBe(3);
  });

  it("never removes a criterion assessors have scored, nor lowers its scale below a score given", async () => {
    const { round, criteria, administrator, assessors, applicant } = await roundNotYetOpen();
    const organisation = await db.organisation.create({
      data: {
        name: "Scored Org",
        type: "cic",
        addressLine1: "1 High Street",
        town: "Durham",
        postcode: "DH1 1AA",
        contactName: "C",
        contactEmail: "c@example.org",
      },
    });
    const bid = await db.bid.create({
      data: {
        roundId: round.id,
        organisationId: organisation.id,
        createdById: applicant.user.id,
        reference: `CSF-${round.code}-0001`,
        status: "in_assessment",
        title: "Scored bid",
      },
    });
    await db.assessment.create({ data: { bidId: bid.id, assessorId: assessors[0]!.user.id, scores: { create: { criterionId: criteria[2]!.id, score: 3 } } } });
    const rows = asRows(criteria);

    const remove = await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie, form: criteriaForm(rows, "remove:3") });
    expect(remove.status).toBe(400);
    expect(await remove.text()).toContain("cannot be removed because assessors have already scored bids against it");

    const without = await send(`/administrator/rounds/${round.id}/criteria`, {
      cookie: administrator.cookie,
      form: criteriaForm([
        { ...rows[0]!, weightPercent: "60" },
        { ...rows[1]!, weightPercent: "40" },
      ]),
    });
    expect(without.status).toBe(400);
    expect(await without.text()).toContain("cannot be removed because assessors have already scored bids against it");

    const lowered = await send(`/administrator/rounds/${round.id}/criteria`, {
      cookie: administrator.cookie,
      form: criteriaForm(rows.map((r, i) => (i === 2 ? { ...r, maxScore: "2" } : r))),
    });
    expect(lowered.status).toBe(400);
    expect(await lowered.text()).toContain("The highest score for criterion 3 cannot be less than 3: assessors have already given that score");

    expect(await summary(round.id)).toEqual(ORIGINAL);
    expect(await db.auditEvent.count({ where: { action: "round.criteria.update", outcome: "refused" } })).toBe(2);

    // Other changes to the same criteria are still allowed.
    const renamed = await send(`/administrator/rounds/${round.id}/criteria`, {
      cookie: administrator.cookie,
      form: criteriaForm(rows.map((r, i) => (i === 2 ? { ...r, title: "Can it be delivered?", maxScore: "3" } : r))),
    });
    expect(renamed.status).toBe(302);
    expect((await db.criterion.findUniqueOrThrow({ where: { id: criteria[2]!.id } })).title).toBe("Can it be delivered?");
  });

  it("edits only this round's criteria: an id from another round makes a new criterion", async () => {
    const { round, criteria, administrator } = await roundNotYetOpen();
    const other = await createAssessmentRound({ bids: 0, assessors: 0 });
    const rows = asRows(criteria);
    const response = await send(`/administrator/rounds/${round.id}/criteria`, {
      cookie: administrator.cookie,
      form: criteriaForm([{ ...rows[0]!, weightPercent: "30" }, rows[1]!, rows[2]!, { id: other.criteria[0]!.id, title: "Borrowed", weightPercent: "10" }]),
    });
    expect(response.status).toBe(302);
    expect((await stored(round.id)).map((c) => c.title)).toEqual([...ORIGINAL.map((c) => c.title), "Borrowed"]);
    expect(await summary(other.round.id)).toEqual(ORIGINAL);
  });

  it("refuses assessors, applicants and the OPCC", async () => {
    const { round, criteria } = await roundNotYetOpen();
    for (const role of ["assessor", "applicant", "opcc_sign_off"] as const) {
      const { cookie } = await signedInAs(role);
      expect((await send(`/administrator/rounds/${round.id}/criteria`, { cookie })).status).toBe(403);
      expect(
        (await send(`/administrator/rounds/${round.id}/criteria`, { cookie, form: criteriaForm([{ title: "Taken over", weightPercent: "100" }]) })).status,
      ).toBe(403);
    }
    expect(await summary(round.id)).toEqual(ORIGINAL);
    expect(criteria).toHaveLength(3);
  });

  it("answers 404 for a round that does not exist", async () => {
    const administrator = await signedInAs("fund_administrator");
    expect((await send("/administrator/rounds/no-such-round/criteria", { cookie: administrator.cookie })).status).toBe(404);
    expect(
      (await send("/administrator/rounds/no-such-round/criteria", { cookie: administrator.cookie, form: criteriaForm([{ title: "A", weightPercent: "100" }]) }))
        .status,
    ).toBe(404);
  });
});

describe("criteria of a new round", () => {
  function roundForm(fundId: string, code: string) {
    return {
      fundId,
      name: `Round ${code}`,
      code,
      "opensAt.day": "1",
      "opensAt.month": "4",
      "opensAt.year": "2030",
      "opensAt.time": "09:00",
      "closesAt.day": "1",
      "closesAt.month": "6",
      "closesAt.year": "2030",
      "closesAt.time": "17:00",
      baseAllocation: "100000",
      minAward: "1000",
      maxAward: "25000",
      areas: "County Durham",
      priorities: "Reducing anti-social behaviour",
      opccSignOffRequired: "no",
      maxDocumentMegabytes: "10",
    };
  }

  it("start as a copy of the fund's latest round's criteria and descriptors, and the page says so until saved", async () => {
    const { round: previous, criteria, administrator } = await createAssessmentRound({ bids: 0, assessors: 0 });
    await db.criterion.update({ where: { id: criteria[1]!.id }, data: { guidance: "Costs are realistic." } });
    // An older round with other criteria is not the one copied.
    const older = await createRound({ opensAt: new Date(Date.now() - 400 * DAY) });
    await db.criterion.create({ data: { roundId: older.id, title: "Old criterion", weightPercent: 100 } });

    const response = await send("/administrator/rounds/new", { cookie: administrator.cookie, form: roundForm(previous.fundId, "3031-R1") });
    expect(response.status).toBe(302);
    const round = await db.round.findFirstOrThrow({ where: { code: "3031-R1" } });
    const copied = await stored(round.id);
    expect(copied.map((c) => ({ title: c.title, guidance: c.guidance, weightPercent: c.weightPercent, maxScore: c.maxScore, position: c.position }))).toEqual(
      ORIGINAL.map((c, i) => (i === 1 ? { ...c, guidance: "Costs are realistic." } : c)),
    );
    expect(copied.every((c) => !criteria.some((o) => o.id === c.id))).toBe(true);
    for (const c of copied) expect(c.descriptors.map((d) => d.description)).toEqual(["Unacceptable", "Weak", "Adequate", "Good", "Excellent"]);
    expect(await summary(previous.id)).toEqual(ORIGINAL.map((c, i) => (i === 1 ? { ...c, guidance: "Costs are realistic." } : c)));

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "round.created", subjectId: round.id } });
    expect(JSON.parse(audit.after!)).toMatchObject({
      criteriaCopiedFrom: { roundId: previous.id, name: previous.name },
      criteria: [{ title: ORIGINAL[0]!.title, descriptors: 5 }, {}, {}],
    });

    const page = await (await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie })).text();
    expect(page).toContain(`These criteria and their score descriptors were copied from ${previous.name}`);
    const saved = await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie, form: criteriaForm(asRows(copied)) });
    expect(saved.status).toBe(302);
    expect(await (await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie })).text()).not.toContain("were copied from");
  });

  it("start empty when the fund has no round with criteria", async () => {
    const fund = await db.fund.create({ data: { slug: "victims-services", code: "VS", name: "Victims' Services", description: "Test fund" } });
    const administrator = await signedInAs("fund_administrator");
    await createAssessmentRound({ bids: 0, assessors: 0 }); // another fund's criteria are not copied
    const response = await send("/administrator/rounds/new", { cookie: administrator.cookie, form: roundForm(fund.id, "3031-R2") });
    expect(response.status).toBe(302);
    const round = await db.round.findFirstOrThrow({ where: { code: "3031-R2" } });
    expect(await db.criterion.count({ where: { roundId: round.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "round.created", subjectId: round.id } });
    expect(JSON.parse(audit.after!)).toMatchObject({ criteriaCopiedFrom: null });
    expect(await (await send(`/administrator/rounds/${round.id}/criteria`, { cookie: administrator.cookie })).text()).not.toContain("were copied from");
  });
});

describe("the administrator home", () => {
  it("flags a round not yet open whose criteria are missing or do not add up to 100", async () => {
    const administrator = await signedInAs("fund_administrator");
    const ready = await roundNotYetOpen();
    const unbalanced = await roundNotYetOpen();
    await db.criterion.update({ where: { id: unbalanced.criteria[0]!.id }, data: { weightPercent: 30 } });
    const empty = await createRound({ opensAt: new Date(Date.now() + DAY) });
    const open = await createRound(); // open already: nothing to fix there

    const page = await (await send("/administrator", { cookie: administrator.cookie })).text();
    const rowOf = (name: string) => {
      const start = page.indexOf(`: ${name}</th>`);
      expect(start).toBeGreaterThan(-1);
      return page.slice(start, page.indexOf("</tr>", start));
    };
    expect(rowOf(ready.round.name)).not.toContain("Criteria not ready");
    expect(rowOf(unbalanced.round.name)).toContain("Criteria not ready");
    expect(rowOf(empty.name)).toContain("Criteria not ready");
    expect(rowOf(open.name)).not.toContain("Criteria not ready");
    expect(rowOf(ready.round.name)).toContain(`href="/administrator/rounds/${ready.round.id}/criteria"`);
    expect(rowOf(ready.round.name)).toContain("Assessment criteria");
  });
});
