// Queries for the public awards pages and the 360Giving file (ADR 0015). No sign-in: only rounds
// whose outcomes are released, only awards the fund made, and only organisation data (never a
// contact's name, email, phone or street address).
import { potPence } from "~/domain/rounds/pot";
import { BID_STATUSES_NOT_COUNTED } from "~/domain/rounds/round-figures";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import {
  buildPackage,
  isPublishedAward,
  publicAwardStatus,
  standingPence,
  type GrantPackage,
  type PublicAwardStatus,
  type PublishableAward,
  type PublishableRound,
  type PublishingConfig,
} from "./three-sixty-giving";
import { checkPackage, type PackageCheck } from "./validate-package";

export const RELEASED_ROUNDS_PAGE_SIZE = 20;
export const PUBLIC_AWARDS_PAGE_SIZE = 50;

export function publishingConfig(): PublishingConfig {
  const e = env();
  return {
    prefix: e.THREESIXTYGIVING_PREFIX,
    funderId: e.THREESIXTYGIVING_FUNDER_ID,
    funderName: e.THREESIXTYGIVING_FUNDER_NAME,
    siteUrl: e.APP_URL.replace(/\/$/, ""),
  };
}

/** Released rounds, the most recently released first. */
export async function listReleasedRounds(page: number) {
  const where = { outcomesReleasedAt: { not: null } };
  const [total, rounds] = await Promise.all([
    db.round.count({ where }),
    db.round.findMany({
      where,
      orderBy: [{ outcomesReleasedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * RELEASED_ROUNDS_PAGE_SIZE,
      take: RELEASED_ROUNDS_PAGE_SIZE,
      select: { slug: true, name: true, outcomesReleasedAt: true, fund: { select: { name: true } } },
    }),
  ]);
  return {
    rounds: rounds.map((r) => ({ slug: r.slug, name: r.name, fundName: r.fund.name, releasedAt: r.outcomesReleasedAt! })),
    page,
    pages: Math.max(1, Math.ceil(total / RELEASED_ROUNDS_PAGE_SIZE)),
  };
}

/**
 * A released round by its public address. Slugs are unique within a fund and the address has no
 * fund in it, so the round found is the one the public round page shows (the most recently
 * opened); if that one is not released there is nothing to publish.
 */
async function findReleasedRound(slug: string) {
  const round = await db.round.findFirst({
    where: { slug },
    orderBy: [{ opensAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      code: true,
      outcomesReleasedAt: true,
      baseAllocationPence: true,
      rolledForwardPence: true,
      matchFundingPence: true,
      fund: { select: { name: true, code: true } },
    },
  });
  if (!round?.outcomesReleasedAt) return null;
  return { ...round, outcomesReleasedAt: round.outcomesReleasedAt };
}

type ReleasedRound = NonNullable<Awaited<ReturnType<typeof findReleasedRound>>>;

async function publishableAwards(roundId: string): Promise<PublishableAward[]> {
  const awards = await db.award.findMany({
    where: { roundId, status: { in: ["released", "accepted", "closed", "withdrawn"] } },
    select: {
      id: true,
      status: true,
      amountPence: true,
      returnedPence: true,
      offeredFromReserve: true,
      approvedAt: true,
      updatedAt: true,
      bid: {
        select: {
          reference: true,
          status: true,
          title: true,
          summary: true,
          amountRequestedPence: true,
          projectStartDate: true,
          projectEndDate: true,
          areas: { select: { area: { select: { name: true, position: true } } } },
          priorities: { select: { priority: { select: { title: true, position: true } } } },
          organisation: { select: { id: true, name: true, charityNumber: true, companyNumber: true, postcode: true } },
        },
      },
    },
  });
  return awards
    .map(({ bid: { organisation, areas, priorities, ...bid }, ...award }) => ({
      ...award,
      bid: {
        ...bid,
        areas: areas
          .map((a) => a.area)
          .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
          .map((a) => a.name),
        priorities: priorities
          .map((p) => p.priority)
          .sort((a, b) => a.position - b.position || a.title.localeCompare(b.title))
          .map((p) => p.title),
      },
      organisation,
    }))
    .filter(isPublishedAward);
}

function publishable(round: ReleasedRound): PublishableRound {
  return { slug: round.slug, name: round.name, code: round.code, fund: round.fund, outcomesReleasedAt: round.outcomesReleasedAt };
}

export type PublicAwardRow = {
  reference: string;
  organisationName: string;
  title: string;
  amountPence: number;
  areas: string[];
  priorities: string[];
  awardDate: Date;
  status: PublicAwardStatus;
};

/** The public page of a released round: its awards (a page of them), totals against the pot, and whether its 360Giving file is available. */
export async function loadPublicRoundAwards(slug: string, requestedPage: number) {
  const round = await findReleasedRound(slug);
  if (!round) return null;
  const [awards, bidsConsidered] = await Promise.all([
    publishableAwards(round.id),
    db.bid.count({ where: { roundId: round.id, status: { notIn: [...BID_STATUSES_NOT_COUNTED] } } }),
  ]);
  const config = publishingConfig();
  const check = checkPackage(config, buildPackage(config, publishable(round), awards));
  const rows: PublicAwardRow[] = awards
    .map((a) => ({
      reference: a.bid.reference ?? "",
      organisationName: a.organisation.name,
      title: a.bid.title,
      amountPence: a.amountPence,
      areas: a.bid.areas,
      priorities: a.bid.priorities,
      awardDate: a.offeredFromReserve && a.approvedAt ? a.approvedAt : round.outcomesReleasedAt,
      status: publicAwardStatus(a),
    }))
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName) || a.reference.localeCompare(b.reference));
  const pages = Math.max(1, Math.ceil(rows.length / PUBLIC_AWARDS_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  return {
    round: { slug: round.slug, name: round.name, fundName: round.fund.name, releasedAt: round.outcomesReleasedAt },
    potPence: potPence(round),
    awardedPence: awards.reduce((sum, a) => sum + standingPence(a), 0),
    returnedPence: awards.reduce((sum, a) => sum + (a.status === "withdrawn" ? 0 : a.returnedPence), 0),
    awardCount: rows.filter((r) => r.status.kind !== "withdrawn").length,
    bidsConsidered,
    rows: rows.slice((page - 1) * PUBLIC_AWARDS_PAGE_SIZE, page * PUBLIC_AWARDS_PAGE_SIZE),
    page,
    pages,
    packageAvailable: check.valid,
  };
}

export type RoundPackage = { round: { id: string; slug: string; name: string; fundName: string }; pkg: GrantPackage; check: PackageCheck };

async function packageFor(round: ReleasedRound): Promise<RoundPackage> {
  const config = publishingConfig();
  const pkg = buildPackage(config, publishable(round), await publishableAwards(round.id));
  return { round: { id: round.id, slug: round.slug, name: round.name, fundName: round.fund.name }, pkg, check: checkPackage(config, pkg) };
}

/** The 360Giving package of a released round by its public address, with its validation; null when there is no released round there. */
export async function loadPublicPackage(slug: string): Promise<RoundPackage | null> {
  const round = await findReleasedRound(slug);
  return round ? packageFor(round) : null;
}

/** The same for staff, by the round's id: null when there is no such round; `released: false` before release. */
export async function loadStaffPackage(
  roundId: string,
): Promise<(RoundPackage & { released: true }) | { released: false; round: { id: string; name: string; fundName: string } } | null> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { id: true, slug: true, name: true, opensAt: true, fund: { select: { name: true } } },
  });
  if (!round) return null;
  const released = await findReleasedRound(round.slug);
  // Only the round the public address shows has a public file (see findReleasedRound).
  if (!released || released.id !== round.id) return { released: false, round: { id: round.id, name: round.name, fundName: round.fund.name } };
  return { released: true, ...(await packageFor(released)) };
}
