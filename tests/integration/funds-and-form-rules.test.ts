// Funds and who may apply, round addresses unique across funds, and the proportionate form's
// rules set per round (ADR 0025), through the built app.
import { describe, expect, it } from "vitest";
import { storedBand, FORM_RULES } from "~/domain/bids/proportionate";
import { serialiseRoundFormRules } from "~/domain/bids/stored-form-rules";
import { db } from "~/lib/db.server";
import { saveEligibilityAnswers } from "~/web/eligibility-cookie.server";
import { send, signedInAs } from "../support/app";
import { applicantWithOrganisation, completeDraft, createDraft, createRound } from "../support/bids";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

const DAY = 86_400_000;
const cookieValue = (setCookie: string) => setCookie.split(";")[0]!;

const fundForm = (extra: Record<string, string | string[]> = {}) => ({
  name: "Community Safety Grant",
  code: "csg",
  description: "Money that previously went directly to Community Safety Partnerships.",
  applicantTypes: ["community_safety_partnership"],
  ...extra,
});

function roundForm(fundId: string, code: string, opensInDays = 10): Record<string, string> {
  const opens = new Date(Date.now() + opensInDays * DAY);
  const closes = new Date(Date.now() + (opensInDays + 60) * DAY);
  const parts = (d: Date, name: string) => ({
    [`${name}.day`]: String(d.getUTCDate()),
    [`${name}.month`]: String(d.getUTCMonth() + 1),
    [`${name}.year`]: String(d.getUTCFullYear()),
    [`${name}.time`]: "12:00",
  });
  return {
    fundId,
    name: `Round ${code}`,
    code,
    ...parts(opens, "opensAt"),
    ...parts(closes, "closesAt"),
    baseAllocation: "100000",
    rolledForward: "",
    matchFunding: "",
    minAward: "1000",
    maxAward: "25000",
    smallBidThreshold: "5000",
    areas: "County Durham",
    priorities: "Reducing anti-social behaviour",
    opccSignOffRequired: "no",
    maxDocumentMegabytes: "10",
  };
}

describe("funds", () => {
  it("an administrator creates a fund with who may apply, and it is audited", async () => {
    const administrator = await signedInAs("fund_administrator");
    const response = await send("/administrator/funds/new", { cookie: administrator.cookie, form: fundForm() });
    expect(response.status).toBe(302);
    const fund = await db.fund.findUniqueOrThrow({ where: { code: "CSG" } });
    expect(fund).toMatchObject({ name: "Community Safety Grant", slug: "community-safety-grant", applicantTypes: '["community_safety_partnership"]' });
    expect(await db.auditEvent.count({ where: { action: "fund.created", subjectId: fund.id, actorId: administrator.user.id } })).toBe(1);
    // Reachable from the funds page even without rounds.
    const page = await (await send("/administrator/funds", { cookie: administrator.cookie })).text();
    expect(page).toContain("Community Safety Grant");
    expect(page).toContain("This fund has no rounds yet.");
    expect(page).toContain(`/administrator/funds/${fund.id}/edit`);
    expect(await (await send("/administrator", { cookie: administrator.cookie })).text()).toContain('href="/administrator/funds"');
  });

  it("refuses a fund without a name, with a bad code, with no one who may apply, or with another fund's code, and audits each", async () => {
    const administrator = await signedInAs("fund_administrator");
    const empty = await send("/administrator/funds/new", { cookie: administrator.cookie, form: { name: "", code: "1?", description: "", applicantTypes: [] } });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain("Enter the fund&#x27;s name");
    expect(html).toContain("Fund code must be 2 to 8 letters or numbers, starting with a letter, like CSF");
    expect(html).toContain("Select who may apply to the fund");
    const tampered = await send("/administrator/funds/new", { cookie: administrator.cookie, form: fundForm({ applicantTypes: ["pirates"] }) });
    expect(tampered.status).toBe(400);
    expect((await send("/administrator/funds/new", { cookie: administrator.cookie, form: fundForm() })).status).toBe(302);
    const again = await send("/administrator/funds/new", { cookie: administrator.cookie, form: fundForm({ name: "Another" }) });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Another fund already has the code CSG");
    expect(await db.fund.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "fund.create", outcome: "refused" } })).toBe(3);
  });

  it("edits a fund, and keeps its code once a bid has a reference made from it", async () => {
    const administrator = await signedInAs("fund_administrator");
    const round = await createRound();
    const fundId = round.fundId;
    const edit = (form: Record<string, string | string[]>) => send(`/administrator/funds/${fundId}/edit`, { cookie: administrator.cookie, form });
    const ok = await edit({
      name: "Community Safety Fund",
      code: "CSF",
      description: "For the voluntary sector and partnerships",
      applicantTypes: ["cio", "community_safety_partnership"],
    });
    expect(ok.status).toBe(302);
    expect((await db.fund.findUniqueOrThrow({ where: { id: fundId } })).applicantTypes).toBe('["cio","community_safety_partnership"]');
    expect(await db.auditEvent.count({ where: { action: "fund.updated", subjectId: fundId } })).toBe(1);

    const { user, organisation } = await applicantWithOrganisation();
    const bid = await createDraft(round.id, organisation.id, user.id);
    await db.bid.update({ where: { id: bid.id }, data: { reference: "CSF-2526-R1-0001", status: "submitted" } });
    const refused = await edit({ name: "Community Safety Fund", code: "CSF2", description: "x", applicantTypes: ["cio"] });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("The fund code cannot be changed because bids already have references made from it, like CSF-2526-R1-0001");
    expect((await db.fund.findUniqueOrThrow({ where: { id: fundId } })).code).toBe("CSF");
    expect(await db.auditEvent.count({ where: { action: "fund.update", outcome: "refused", subjectId: fundId } })).toBe(1);
  });

  it("lets only the fund administrator reach the fund pages", async () => {
    const round = await createRound();
    for (const role of ["applicant", "assessor", "opcc_sign_off"] as const) {
      const { cookie } = await signedInAs(role);
      for (const path of ["/administrator/funds", "/administrator/funds/new", `/administrator/funds/${round.fundId}/edit`]) {
        expect((await send(path, { cookie })).status, `${role} ${path}`).toBe(403);
      }
      expect((await send("/administrator/funds/new", { cookie, form: fundForm() })).status).toBe(403);
    }
    expect(await db.fund.count()).toBe(1);
  });
});

describe("who may apply", () => {
  it("drives the eligibility check: a fund for Community Safety Partnerships turns a charity away and lets a partnership in", async () => {
    const round = await createRound();
    await db.fund.update({ where: { id: round.fundId }, data: { applicantTypes: '["community_safety_partnership"]' } });
    const answer = async (organisationType: string) => {
      const posted = await send(`/rounds/${round.slug}/eligibility`, {
        form: { organisationType, areaIds: round.areas[0]!.id, priorityIds: round.priorities[0]!.id, amountRequested: "12000" },
      });
      expect(posted.status).toBe(302);
      return (await send(`/rounds/${round.slug}/eligibility/result`, { cookie: cookieValue(posted.headers.get("Set-Cookie")!) })).text();
    };
    const charity = await answer("registered_charity");
    expect(charity).toContain("You cannot apply");
    expect(charity).toContain("the fund only gives money to Community Safety Partnerships");
    expect(await answer("community_safety_partnership")).toContain("You can apply");
    // The question lists the fund's own applicants first.
    const question = await (await send(`/rounds/${round.slug}/eligibility`)).text();
    expect(question.indexOf('value="community_safety_partnership"')).toBeLessThan(question.indexOf('value="registered_charity"'));
  });

  it("holds when a bid is started, whatever the eligibility cookie says", async () => {
    const round = await createRound();
    await db.fund.update({ where: { id: round.fundId }, data: { applicantTypes: '["community_safety_partnership"]' } });
    const { cookie, user } = await applicantWithOrganisation();
    const eligibility = cookieValue(
      await saveEligibilityAnswers({
        roundSlug: round.slug,
        organisationType: "community_safety_partnership",
        areaIds: [round.areas[0]!.id],
        priorityIds: [round.priorities[0]!.id],
        amountRequestedPence: 450_000,
      }),
    );
    const response = await send("/applicant/bids/new", { cookie: `${cookie}; ${eligibility}`, form: { round: round.slug } });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("This fund only gives money to Community Safety Partnerships");
    expect(await db.bid.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "bid.create", outcome: "refused", actorId: user.id } })).toBe(1);
  });
});

describe("round addresses", () => {
  it("two funds with the same round code do not collide on the public address", async () => {
    const administrator = await signedInAs("fund_administrator");
    const one = await db.fund.create({ data: { slug: "community-safety-fund", code: "CSF", name: "Community Safety Fund", description: "Stream D" } });
    const two = await db.fund.create({ data: { slug: "victims-services", code: "VS", name: "Victims' Services", description: "Stream B" } });
    for (const fund of [one, two]) {
      expect((await send("/administrator/rounds/new", { cookie: administrator.cookie, form: roundForm(fund.id, "2728-R1") })).status).toBe(302);
    }
    const rounds = await db.round.findMany({ orderBy: { createdAt: "asc" }, select: { slug: true, fundId: true } });
    expect(rounds).toEqual([
      { slug: "2728-r1", fundId: one.id },
      { slug: "victims-services-2728-r1", fundId: two.id },
    ]);
    expect(await (await send("/rounds/2728-r1")).text()).toContain("Community Safety Fund");
    expect(await (await send("/rounds/victims-services-2728-r1")).text()).toContain("Victims&#x27; Services");
    // The database itself refuses a second round with an address already taken.
    await expect(
      db.round.create({
        data: {
          fundId: two.id,
          slug: "2728-r1",
          code: "OTHER",
          name: "x",
          opensAt: new Date(),
          closesAt: new Date(Date.now() + DAY),
          baseAllocationPence: 1,
          remainingPotPence: 1,
          minAwardPence: 0,
          maxAwardPence: 1,
        },
      }),
    ).rejects.toThrow();
  });
});

describe("the proportionate form, set per round", () => {
  const rulesForm = (overrides: Record<string, string | string[]> = {}) => ({
    smallSections: ["outcomes", "safeguarding-and-equality"],
    smallDocumentKinds: ["constitution"],
    smallSummaryMaxWords: "30",
    smallBeneficiariesMaxWords: "50",
    smallSafeguardingMaxWords: "100",
    smallEqualityMaxWords: "100",
    smallMaxOutcomes: "2",
    smallMaxBudgetLines: "5",
    standardSections: ["outcomes", "beneficiaries", "safeguarding-and-equality"],
    standardDocumentKinds: ["constitution", "accounts", "safeguarding_policy"],
    standardSummaryMaxWords: "300",
    standardBeneficiariesMaxWords: "200",
    standardSafeguardingMaxWords: "300",
    standardEqualityMaxWords: "300",
    standardMaxOutcomes: "6",
    standardMaxBudgetLines: "20",
    ...overrides,
  });

  it("is set before the round opens, copied into the fund's next round, and locked once the round opens", async () => {
    const administrator = await signedInAs("fund_administrator");
    const round = await createRound({ opensAt: new Date(Date.now() + 5 * DAY) });
    const bad = await send(`/administrator/rounds/${round.id}/form`, { cookie: administrator.cookie, form: rulesForm({ smallSummaryMaxWords: "5" }) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Small requests: Summary must be a whole number from 25 to 1000 words");
    const saved = await send(`/administrator/rounds/${round.id}/form`, { cookie: administrator.cookie, form: rulesForm() });
    expect(saved.status).toBe(302);
    const stored = JSON.parse((await db.round.findUniqueOrThrow({ where: { id: round.id } })).formRules);
    expect(stored.small).toMatchObject({ sections: ["outcomes", "safeguarding-and-equality"], documentKinds: ["constitution"], summaryMaxWords: 30 });
    expect(await db.auditEvent.count({ where: { action: "round.form_rules.updated", subjectId: round.id } })).toBe(1);
    // Shown on the public round page.
    const publicPage = await (await send(`/rounds/${round.slug}`)).text();
    expect(publicPage).toContain("The application form");
    expect(publicPage).toContain("30 words");

    // The fund's next round starts from these rules.
    const created = await send("/administrator/rounds/new", { cookie: administrator.cookie, form: roundForm(round.fundId, "2829-R1") });
    expect(created.status).toBe(302);
    const next = await db.round.findFirstOrThrow({ where: { code: "2829-R1" } });
    expect(JSON.parse(next.formRules)).toEqual(stored);

    await db.round.update({ where: { id: round.id }, data: { opensAt: new Date(Date.now() - DAY) } });
    const locked = await send(`/administrator/rounds/${round.id}/form`, { cookie: administrator.cookie, form: rulesForm({ smallSummaryMaxWords: "40" }) });
    expect(locked.status).toBe(409);
    expect(await locked.text()).toContain("The round has opened, so the form&#x27;s sections, documents and word limits cannot be changed");
    expect(JSON.parse((await db.round.findUniqueOrThrow({ where: { id: round.id } })).formRules)).toEqual(stored);
    // The invalid save earlier and the locked one.
    expect(await db.auditEvent.count({ where: { action: "round.form_rules.update", outcome: "refused", subjectId: round.id } })).toBe(2);
  });

  async function roundWithRules() {
    const round = await createRound();
    const small = {
      ...storedBand(FORM_RULES.small),
      sections: ["outcomes", "safeguarding-and-equality"] as const,
      documentKinds: ["constitution"] as const,
      summaryMaxWords: 30,
    };
    const rules = serialiseRoundFormRules({
      small: { ...small, sections: [...small.sections], documentKinds: [...small.documentKinds] },
      standard: storedBand(FORM_RULES.standard),
    });
    await db.round.update({ where: { id: round.id }, data: { formRules: rules } });
    return round;
  }

  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
  const about = (amount: string, summaryWords: number) => ({
    title: "Friday night detached youth work",
    summary: words(summaryWords),
    amountRequested: amount,
    "projectStart.day": "1",
    "projectStart.month": "4",
    "projectStart.year": "2026",
    "projectEnd.day": "31",
    "projectEnd.month": "3",
    "projectEnd.year": "2027",
  });

  it("a small request is asked fewer pages: a section its band leaves out is not found, to see or to post, and is not needed to submit", async () => {
    const round = await roundWithRules();
    const { user, cookie, organisation } = await applicantWithOrganisation();
    const small = await createDraft(round.id, organisation.id, user.id);
    await completeDraft(small.id, round, user.id, { amountRequestedPence: 300_000 });
    // Only the constitution is asked of a small request: the other documents are not needed either.
    await db.bidDocument.deleteMany({ where: { bidId: small.id, kind: { not: "constitution" } } });
    await db.bid.update({ where: { id: small.id }, data: { beneficiaries: "", beneficiaryCount: null } });

    const taskList = await (await send(`/applicant/bids/${small.id}`, { cookie })).text();
    expect(taskList).not.toContain(`/applicant/bids/${small.id}/beneficiaries`);
    expect(taskList).toContain(`/applicant/bids/${small.id}/outcomes`);
    expect((await send(`/applicant/bids/${small.id}/beneficiaries`, { cookie })).status).toBe(404);
    expect((await send(`/applicant/bids/${small.id}/beneficiaries`, { cookie, form: { beneficiaries: "x", beneficiaryCount: "3" } })).status).toBe(404);
    expect(await db.auditEvent.count({ where: { action: "bid.section_refused", subjectId: small.id } })).toBe(2);
    const upload = new FormData();
    upload.set("kind", "accounts");
    upload.set("document", new Blob(["%PDF-1.4"], { type: "application/pdf" }), "accounts.pdf");
    expect((await send(`/applicant/bids/${small.id}/documents`, { cookie, form: upload })).status).toBe(400);

    const checkAnswers = await (await send(`/applicant/bids/${small.id}/check-answers`, { cookie })).text();
    expect(checkAnswers).not.toContain('id="summary-beneficiaries"');
    const submitted = await send(`/applicant/bids/${small.id}/check-answers`, { cookie, form: {} });
    expect(submitted.status).toBe(302);
    expect((await db.bid.findUniqueOrThrow({ where: { id: small.id } })).status).toBe("submitted");
  });

  it("a standard request is asked every section and document, and cannot submit without them", async () => {
    const round = await roundWithRules();
    const { user, cookie, organisation } = await applicantWithOrganisation();
    const standard = await createDraft(round.id, organisation.id, user.id);
    await completeDraft(standard.id, round, user.id, { amountRequestedPence: 1_200_000 });
    await db.bid.update({ where: { id: standard.id }, data: { beneficiaries: "", beneficiaryCount: null } });
    expect((await send(`/applicant/bids/${standard.id}/beneficiaries`, { cookie })).status).toBe(200);
    const refused = await send(`/applicant/bids/${standard.id}/check-answers`, { cookie, form: {} });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Describe who will benefit from your project");
    expect((await db.bid.findUniqueOrThrow({ where: { id: standard.id } })).status).toBe("draft");
  });

  it("enforces each band's word limits on the server", async () => {
    const round = await roundWithRules();
    const { user, cookie, organisation } = await applicantWithOrganisation();
    const bid = await createDraft(round.id, organisation.id, user.id);
    const tooLongForSmall = await send(`/applicant/bids/${bid.id}/about`, { cookie, form: about("3000", 31) });
    expect(tooLongForSmall.status).toBe(400);
    expect(await tooLongForSmall.text()).toContain("Summary must be 30 words or fewer");
    expect((await send(`/applicant/bids/${bid.id}/about`, { cookie, form: about("3000", 30) })).status).toBe(302);
    // The same 31 words are within the standard band's 300.
    expect((await send(`/applicant/bids/${bid.id}/about`, { cookie, form: about("12000", 31) })).status).toBe(302);
    const tooLongForStandard = await send(`/applicant/bids/${bid.id}/about`, { cookie, form: about("12000", 301) });
    expect(tooLongForStandard.status).toBe(400);
    expect(await tooLongForStandard.text()).toContain("Summary must be 300 words or fewer");
  });
});
