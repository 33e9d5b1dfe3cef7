// Every route in the built app's manifest must declare who may use it (app/domain/auth/route-access.ts);
// this test asks each route as every role and as an anonymous visitor and checks the answer.
import type { ServerBuild } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { ROUTE_ACCESS, type RouteAccess } from "~/domain/auth/route-access";
import { documentStorage } from "~/domain/documents/storage.server";
import { hashInvitationToken } from "~/domain/organisations/invitations.server";
import { hashResetToken } from "~/domain/auth/password-reset.server";
import { createOutboxSender } from "~/domain/email/sender.server";
import { ROLES, roleHome, type Role } from "~/domain/auth/roles";
import { db } from "~/lib/db.server";
import { seedDemo } from "../../prisma/demo-data";
import { build, send, signedInAs } from "../support/app";
import { emptyDatabase } from "../support/database";

type Persona = "anonymous" | Role;
const PERSONAS: Persona[] = ["anonymous", ...ROLES];

function fullPath(routes: ServerBuild["routes"], id: string): string {
  const route = routes[id]!;
  const own = route.path ?? "";
  const parent = route.parentId ? fullPath(routes, route.parentId) : "";
  return `${parent.replace(/\/$/, "")}/${own}`.replace(/\/+/g, "/");
}

/** Values for dynamic segments, taken from the demo data. */
async function fixtures(): Promise<Record<string, string>> {
  const round = await db.round.findFirstOrThrow({ where: { fund: { slug: "community-safety-fund" } } });
  const bid = await db.bid.findFirstOrThrow({ where: { roundId: round.id, status: "submitted" } });
  // The assessor persona is assigned this bid and has said they have no conflict of interest
  // (that opens their draft assessment), so its assessor pages answer 200 and only theirs.
  const assessor = await db.user.findFirstOrThrow({ where: { role: "assessor", email: { endsWith: "@test.csf.test" } } });
  const assigner = await db.user.findFirstOrThrow({ where: { role: "fund_administrator", email: { endsWith: "@test.csf.test" } } });
  await db.assessorAssignment.create({ data: { bidId: bid.id, assessorId: assessor.id, assignedById: assigner.id } });
  await db.assessment.create({ data: { bidId: bid.id, assessorId: assessor.id } });
  // The demo's queued receipts, delivered to the built-in mailbox as the in-process worker would.
  await createOutboxSender({ smtpUrl: null }).deliverDue();
  const email = await db.outboxEmail.findFirstOrThrow({ where: { deliveredVia: "mailbox" } });
  // An organisation the applicant persona is a member of, and a live invitation to it.
  const applicant = await db.user.findFirstOrThrow({ where: { role: "applicant", email: { endsWith: "@test.csf.test" } } });
  const organisation = await db.organisation.create({
    data: {
      name: "Access Matrix Community Group",
      type: "unincorporated_group",
      addressLine1: "1 Front Street",
      town: "Durham",
      postcode: "DH1 3NP",
      contactName: applicant.name,
      contactEmail: applicant.email,
      members: { create: { userId: applicant.id, role: "owner" } },
    },
  });
  // The applicant persona also belongs to the fixture bid's organisation, so the bid pages answer
  // it 200 (an applicant of another organisation gets 404: tests/integration/bids-access.test.ts).
  await db.membership.create({ data: { organisationId: bid.organisationId, userId: applicant.id } });
  const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
  const document = await db.bidDocument.create({
    data: {
      bidId: bid.id,
      kind: "constitution",
      originalName: "constitution.pdf",
      storedName: await documentStorage().put(pdf),
      mediaType: "application/pdf",
      sizeBytes: pdf.byteLength,
      uploadedById: applicant.id,
    },
  });
  // An accepted award on the fixture bid, owing a monitoring report with a document attached.
  const award = await db.award.create({
    data: { bidId: bid.id, roundId: round.id, amountPence: 500_000, pccFundedPence: 500_000, matchFundedPence: 0, status: "accepted" },
  });
  const report = await db.monitoringReport.create({ data: { awardId: award.id, title: "Mid-point report", dueAt: new Date(Date.now() + 30 * 86_400_000) } });
  const reportDocument = await db.reportDocument.create({
    data: {
      reportId: report.id,
      originalName: "attendance.pdf",
      storedName: await documentStorage().put(pdf),
      mediaType: "application/pdf",
      sizeBytes: pdf.byteLength,
      uploadedById: applicant.id,
    },
  });
  const token = "access-matrix-invitation-token-0123456789ab";
  await db.organisationInvitation.create({
    data: {
      organisationId: organisation.id,
      email: "invitee@example.org",
      tokenHash: hashInvitationToken(token),
      invitedById: applicant.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  // The same :token value is also a live password reset link (routes/reset-password.$token); only a GET is sent.
  await db.passwordResetToken.create({ data: { userId: applicant.id, tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + 86_400_000) } });
  // A bid of the applicant persona's whose outcome is released, for the outcome page (before
  // release that page sends members back to the bid page instead).
  const past = new Date(Date.now() - 30 * 86_400_000);
  const closed = new Date(Date.now() - 86_400_000);
  const releasedRound = await db.round.create({
    data: {
      fundId: round.fundId,
      slug: "access-matrix-released",
      code: "9899-R9",
      name: "Access matrix released round",
      opensAt: past,
      closesAt: closed,
      baseAllocationPence: 100_000,
      remainingPotPence: 100_000,
      minAwardPence: 1_000,
      maxAwardPence: 100_000,
      allocationStatus: "released",
      outcomesReleasedAt: new Date(),
    },
  });
  const decided = await db.bid.create({
    data: {
      roundId: releasedRound.id,
      organisationId: bid.organisationId,
      createdById: applicant.id,
      reference: "CSF-9899-R9-0001",
      status: "declined",
      title: "A decided bid",
      submittedAt: past,
      decidedAt: new Date(),
    },
  });
  // A grant made in that round, so its public awards page and 360Giving file have something to publish.
  const granted = await db.bid.create({
    data: {
      roundId: releasedRound.id,
      organisationId: bid.organisationId,
      createdById: applicant.id,
      reference: "CSF-9899-R9-0002",
      status: "awarded",
      title: "A funded bid",
      summary: "What the funded bid will do.",
      submittedAt: past,
      decidedAt: new Date(),
    },
  });
  await db.award.create({
    data: { bidId: granted.id, roundId: releasedRound.id, amountPence: 50_000, pccFundedPence: 50_000, matchFundedPence: 0, status: "released" },
  });
  // A two-stage round with an expression of interest from the applicant persona's organisation.
  const twoStageRound = await db.round.update({
    where: { id: releasedRound.id },
    data: { twoStage: true, eoiClosesAt: closed, invitationCapPence: 200_000 },
  });
  const eoi = await db.expressionOfInterest.create({
    data: {
      roundId: twoStageRound.id,
      organisationId: bid.organisationId,
      createdById: applicant.id,
      status: "submitted",
      title: "An expression of interest",
      submittedAt: past,
    },
  });
  return {
    twoStageRoundId: twoStageRound.id,
    eoiId: eoi.id,
    releasedRoundSlug: releasedRound.slug,
    decidedBidId: decided.id,
    fundId: round.fundId,
    roundId: round.id,
    roundSlug: round.slug,
    bidId: bid.id,
    emailId: email.id,
    template: "submission-receipt",
    organisationId: organisation.id,
    token,
    documentId: document.id,
    reportId: report.id,
    reportDocumentId: reportDocument.id,
    userId: applicant.id,
  };
}

/** Routes that need a different fixture for a segment than the others: segment → fixture name. */
const FIXTURE_FOR: Record<string, Record<string, string>> = {
  "routes/applicant.bids.$bidId.outcome": { bidId: "decidedBidId" },
  "routes/awards.$roundSlug._index": { roundSlug: "releasedRoundSlug" },
  "routes/administrator.rounds.$roundId.expressions-of-interest._index": { roundId: "twoStageRoundId" },
  "routes/administrator.rounds.$roundId.expressions-of-interest.$eoiId": { roundId: "twoStageRoundId" },
  "routes/awards.$roundSlug.360giving[.]json": { roundSlug: "releasedRoundSlug" },
};

function pathFor(routes: ServerBuild["routes"], id: string, params: Record<string, string>) {
  return fullPath(routes, id).replace(/:(\w+)/g, (_, name: string) => {
    const value = params[FIXTURE_FOR[id]?.[name] ?? name];
    if (!value) throw new Error(`add a fixture for :${name} (route ${id})`);
    return value;
  });
}

function expectedGet(access: RouteAccess, persona: Persona): { status: number; location?: RegExp } {
  switch (access.kind) {
    case "public":
      return { status: 200 };
    case "signed-out":
      return persona === "anonymous" ? { status: 200 } : { status: 302, location: new RegExp(`^${roleHome(persona)}$`) };
    case "roles":
      if (persona === "anonymous") return { status: 302, location: /^\/sign-in\?redirectTo=/ };
      return { status: access.roles.includes(persona) ? 200 : 403 };
    case "post-only":
      return { status: 405 };
  }
}

describe("access-control matrix", () => {
  let routes: ServerBuild["routes"];
  let cookies: Record<Persona, string | undefined>;
  let params: Record<string, string>;

  beforeAll(async () => {
    await emptyDatabase();
    await seedDemo(db);
    routes = (await build()).routes;
    cookies = { anonymous: undefined } as Record<Persona, string | undefined>;
    for (const role of ROLES) cookies[role] = (await signedInAs(role)).cookie;
    params = await fixtures();
  });

  it("knows every route in the manifest, and every declared route exists", () => {
    const manifest = Object.keys(routes).sort();
    const undeclared = manifest.filter((id) => !(id in ROUTE_ACCESS));
    const stale = Object.keys(ROUTE_ACCESS).filter((id) => !manifest.includes(id));
    expect(undeclared, "routes without an access declaration in app/domain/auth/route-access.ts").toEqual([]);
    expect(stale, "declarations for routes that no longer exist").toEqual([]);
  });

  it("answers GET for every route and persona as declared", async () => {
    const failures: string[] = [];
    for (const id of Object.keys(routes)) {
      if (id === "root") continue;
      const access = ROUTE_ACCESS[id]!;
      const path = pathFor(routes, id, params);
      for (const persona of PERSONAS) {
        const response = await send(path, { cookie: cookies[persona] });
        const expected = expectedGet(access, persona);
        const location = response.headers.get("Location") ?? "";
        if (response.status !== expected.status || (expected.location && !expected.location.test(location))) {
          failures.push(
            `${persona} GET ${path} (${id}): expected ${expected.status}${expected.location ? ` → ${expected.location}` : ""}, got ${response.status}${location ? ` → ${location}` : ""}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses POST to role-only actions from every other role, and changes nothing", async () => {
    const failures: string[] = [];
    for (const id of Object.keys(routes)) {
      const access = ROUTE_ACCESS[id]!;
      const route = routes[id]!;
      if (access.kind !== "roles" || !route.module.action) continue;
      const path = pathFor(routes, id, params);
      for (const persona of PERSONAS) {
        if (persona !== "anonymous" && access.roles.includes(persona)) continue;
        const before = await db.auditEvent.count({ where: { outcome: "allowed" } });
        const response = await send(path, { cookie: cookies[persona], form: { intent: "anything" } });
        const expected = persona === "anonymous" ? 302 : 403;
        if (response.status !== expected) failures.push(`${persona} POST ${path}: expected ${expected}, got ${response.status}`);
        if ((await db.auditEvent.count({ where: { outcome: "allowed" } })) !== before) failures.push(`${persona} POST ${path} changed something`);
      }
    }
    expect(failures).toEqual([]);
  });
});
