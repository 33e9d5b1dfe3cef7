// Real values for every route's dynamic segments, from the demo data plus a few rows made here, so
// tests that visit every route (the access matrix, the hostile-input properties) reach real pages.
// Expects the demo seed and one signedInAs persona of each role (their emails end @test.csf.test).
import type { ServerBuild } from "@remix-run/node";
import { documentStorage } from "~/domain/documents/storage.server";
import { hashInvitationToken } from "~/domain/organisations/invitations.server";
import { hashResetToken } from "~/domain/auth/password-reset.server";
import { sealRegistrationLink } from "~/domain/auth/registration-link.server";
import { createOutboxSender } from "~/domain/email/sender.server";
import { db } from "~/lib/db.server";

export function fullPath(routes: ServerBuild["routes"], id: string): string {
  const route = routes[id]!;
  const own = route.path ?? "";
  const parent = route.parentId ? fullPath(routes, route.parentId) : "";
  return `${parent.replace(/\/$/, "")}/${own}`.replace(/\/+/g, "/");
}

/** Values for dynamic segments, taken from the demo data. */
export async function fixtures(): Promise<Record<string, string>> {
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
    // A live link to finish registering, for an address with no account yet.
    registrationToken: sealRegistrationLink({ email: "new-applicant@example.org", redirectTo: "", expiresAt: new Date(Date.now() + 3_600_000) }),
  };
}

/** Routes that need a different fixture for a segment than the others: segment → fixture name. */
const FIXTURE_FOR: Record<string, Record<string, string>> = {
  "routes/applicant.bids.$bidId.outcome": { bidId: "decidedBidId" },
  "routes/awards.$roundSlug._index": { roundSlug: "releasedRoundSlug" },
  "routes/awards.$roundSlug.360giving[.]json": { roundSlug: "releasedRoundSlug" },
  "routes/administrator.rounds.$roundId.expressions-of-interest._index": { roundId: "twoStageRoundId" },
  "routes/administrator.rounds.$roundId.expressions-of-interest.$eoiId": { roundId: "twoStageRoundId" },
  "routes/register_.$token": { token: "registrationToken" },
};

export function pathFor(routes: ServerBuild["routes"], id: string, params: Record<string, string>) {
  return fullPath(routes, id).replace(/:(\w+)/g, (_, name: string) => {
    const value = params[FIXTURE_FOR[id]?.[name] ?? name];
    if (!value) throw new Error(`add a fixture for :${name} (route ${id})`);
    return value;
  });
}
