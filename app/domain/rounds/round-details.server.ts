// Creating and editing a round's details. The money rules are in ADR 0010. Once a round has opened, the
// fields that decide the rules for bids already submitted (pot parts, award limits, small-bid
// threshold, eligible areas, priorities, OPCC sign-off) and the opening time itself are locked: a POST that
// tries to change them is refused, audited, and changes nothing. The round's code is part of every
// bid reference, so it locks too once the round opens or any bid has a reference (round-code.ts);
// while it can still change, the slug follows it, as when the round was created.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { conflict, invalid, notFound, type Refused } from "~/lib/refusal";
import { fieldErrorsFrom, inFieldOrder, type FieldErrors } from "~/lib/form-errors";
import { penceToInput } from "~/lib/money";
import { copyCriteriaFromLatestRound } from "./criteria.server";
import { copyFormRulesFromLatestRound } from "./form-rules.server";
import { normaliseRoundCode, roundCodeLock, roundCodeLockedMessage, roundSlugFor } from "./round-code";
import {
  EMPTY_ROUND_DETAILS,
  ROUND_DETAIL_FIELDS,
  roundDetailsSchema,
  utcToLondonParts,
  type RoundDetails,
  type RoundDetailsInput,
} from "./round-details.schema";
import { potPence } from "~/domain/rounds/pot";
import { roundHeading } from "~/domain/rounds/round-title";
import { EDITABLE_ALLOCATION_STATUSES, isEditable } from "~/domain/allocation/workspace";

/** Fields that cannot change once the round has opened. */
export const LOCKED_ONCE_OPEN = [
  "opensAt",
  "baseAllocation",
  "rolledForward",
  "matchFunding",
  "minAward",
  "maxAward",
  "smallBidThreshold",
  "areas",
  "priorities",
  "opccSignOffRequired",
] as const;
type LockedField = (typeof LOCKED_ONCE_OPEN)[number];

class ChangedMeanwhile extends Error {}

export function listFunds() {
  return db.fund.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function loadRoundDetails(roundId: string, now: Date) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    include: { fund: { select: { id: true, name: true } }, areas: { orderBy: { position: "asc" } }, priorities: { orderBy: { position: "asc" } } },
  });
  if (!round) return null;
  const referenced = await db.bid.findFirst({ where: { roundId, reference: { not: null } }, orderBy: { reference: "asc" }, select: { reference: true } });
  const values: RoundDetailsInput = {
    name: round.name,
    code: round.code,
    opensAt: utcToLondonParts(round.opensAt),
    closesAt: utcToLondonParts(round.closesAt),
    baseAllocation: penceToInput(round.baseAllocationPence),
    rolledForward: penceToInput(round.rolledForwardPence),
    matchFunding: penceToInput(round.matchFundingPence),
    minAward: penceToInput(round.minAwardPence),
    maxAward: penceToInput(round.maxAwardPence),
    smallBidThreshold: penceToInput(round.smallBidThresholdPence),
    areas: round.areas.map((a) => a.name).join("\n"),
    priorities: round.priorities.map((p) => p.title).join("\n"),
    opccSignOffRequired: round.opccSignOffRequired ? "yes" : "no",
    maxDocumentMegabytes: String(Math.max(1, Math.round(round.maxDocumentBytes / (1024 * 1024)))),
    acceptanceDays: String(round.acceptanceDays),
    shareScoresWithApplicants: round.shareScoresWithApplicants ? "yes" : "no",
  };
  return {
    round: { ...roundHeading(round), fundId: round.fundId },
    locked: now >= round.opensAt,
    codeLock: roundCodeLock(round, referenced?.reference ?? null, now),
    values,
    stored: { opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() },
  };
}

class CodeLockedMeanwhile extends Error {}

/** A refusal keeps what was typed, so the page can show it again with the messages. */
type SaveResult = { ok: true; roundId: string } | (Refused & { values: RoundDetailsInput });

function stored(details: RoundDetails) {
  return {
    name: details.name,
    code: details.code,
    opensAt: details.opensAt,
    closesAt: details.closesAt,
    baseAllocationPence: details.baseAllocation,
    rolledForwardPence: details.rolledForward,
    matchFundingPence: details.matchFunding,
    minAwardPence: details.minAward,
    maxAwardPence: details.maxAward,
    smallBidThresholdPence: details.smallBidThreshold,
    opccSignOffRequired: details.opccSignOffRequired,
    maxDocumentBytes: details.maxDocumentMegabytes,
    acceptanceDays: details.acceptanceDays,
    shareScoresWithApplicants: details.shareScoresWithApplicants,
  };
}

function complete(input: Partial<RoundDetailsInput>, fallback: RoundDetailsInput): RoundDetailsInput {
  return Object.fromEntries(ROUND_DETAIL_FIELDS.map((f) => [f, input[f] ?? fallback[f]])) as RoundDetailsInput;
}

async function codeTaken(fundId: string, code: string, exceptRoundId: string | null) {
  const clash = await db.round.findFirst({
    where: { fundId, OR: [{ code }, { slug: roundSlugFor(code) }], ...(exceptRoundId ? { NOT: { id: exceptRoundId } } : {}) },
    select: { id: true },
  });
  return clash !== null;
}

/**
 * The public slug for a round with this code: the code itself (/rounds/2627-r1) when no round of
 * any fund has it, or else prefixed with the fund's slug (/rounds/stream-a-2627-r1), so that two
 * funds using the same round code never share a public address (ADR 0025).
 */
async function freeRoundSlug(client: Pick<Tx, "round" | "fund">, fundId: string, code: string, exceptRoundId: string | null) {
  const plain = roundSlugFor(code);
  const except = exceptRoundId ? { NOT: { id: exceptRoundId } } : {};
  if ((await client.round.count({ where: { slug: plain, ...except } })) === 0) return plain;
  const fund = await client.fund.findUniqueOrThrow({ where: { id: fundId }, select: { slug: true } });
  return `${fund.slug}-${plain}`;
}

async function refuse(
  actorId: string,
  action: string,
  subjectId: string | null,
  errors: FieldErrors,
  values: RoundDetailsInput,
  extra: Record<string, unknown> = {},
): Promise<SaveResult> {
  await recordAudit({ actorId, action, outcome: "refused", subjectType: "round", subjectId, details: { errors, ...extra } });
  return { ...invalid(inFieldOrder(errors, ROUND_DETAIL_FIELDS)), values };
}

export async function createRound(actorId: string, fundId: string, input: Partial<RoundDetailsInput>): Promise<SaveResult> {
  const values = complete(input, EMPTY_ROUND_DETAILS);
  const fund = await db.fund.findUnique({ where: { id: fundId }, select: { id: true } });
  if (!fund) return refuse(actorId, "round.create", null, { fundId: "Select the fund this round belongs to" }, values);
  const parsed = roundDetailsSchema.safeParse(values);
  if (!parsed.success) return refuse(actorId, "round.create", null, fieldErrorsFrom(parsed.error), values);
  const details = parsed.data;
  if (await codeTaken(fundId, details.code, null))
    return refuse(actorId, "round.create", null, { code: `The fund already has a round with the code ${details.code}` }, values);
  const pot = details.baseAllocation + details.rolledForward + details.matchFunding;
  const roundId = await db.$transaction(async (tx: Tx) => {
    const round = await tx.round.create({
      data: {
        fundId,
        slug: await freeRoundSlug(tx, fundId, details.code, null),
        ...stored(details),
        remainingPotPence: pot,
        areas: { create: details.areas.map((name, position) => ({ name, position })) },
        priorities: { create: details.priorities.map((title, position) => ({ title, position })) },
      },
    });
    // A starting point, not a rule: the administrator checks them on the criteria page (ADR 0008).
    const copied = await copyCriteriaFromLatestRound(tx, fundId, round.id);
    const formRulesCopied = await copyFormRulesFromLatestRound(tx, fundId, round.id);
    await recordAudit(
      {
        actorId,
        action: "round.created",
        subjectType: "round",
        subjectId: round.id,
        after: {
          ...stored(details),
          remainingPotPence: pot,
          areas: details.areas,
          priorities: details.priorities,
          criteriaCopiedFrom: null,
          ...copied,
          formRulesCopiedFrom: null,
          ...formRulesCopied,
        },
      },
      tx,
    );
    return round.id;
  });
  return { ok: true, roundId };
}

export async function updateRoundDetails(actorId: string, roundId: string, input: Partial<RoundDetailsInput>, now: Date): Promise<SaveResult> {
  const current = await loadRoundDetails(roundId, now);
  if (!current) return { ...notFound("Round not found"), values: complete(input, EMPTY_ROUND_DETAILS) };
  const values = complete(input, current.values);
  if (current.locked) {
    const tampered = LOCKED_ONCE_OPEN.filter((f: LockedField) => input[f] !== undefined);
    if (tampered.length > 0) {
      return refuse(
        actorId,
        "round.details.update",
        roundId,
        {
          form: "The round has opened, so the pot, award limits, small-bid threshold, eligible areas, priorities and opening date cannot be changed, nor whether the OPCC must sign off the allocation",
        },
        current.values,
        { tampered },
      );
    }
  }
  // A locked code may still be posted unchanged (a form from before the lock); only a change is refused.
  const codeChanged = input.code !== undefined && normaliseRoundCode(input.code) !== normaliseRoundCode(current.values.code);
  if (codeChanged && current.codeLock) {
    return refuse(actorId, "round.details.update", roundId, { form: roundCodeLockedMessage(current.codeLock) }, current.values, {
      code: { stored: current.values.code, posted: input.code },
    });
  }
  const parsed = roundDetailsSchema.safeParse(values);
  if (!parsed.success) return refuse(actorId, "round.details.update", roundId, fieldErrorsFrom(parsed.error), values);
  const details = parsed.data;
  // A date and time left as shown keeps its stored instant (the form shows whole minutes only).
  for (const field of ["opensAt", "closesAt"] as const) {
    const shown = current.values[field];
    const posted = values[field];
    if (["day", "month", "year", "time"].every((k) => posted[k as keyof typeof posted].trim() === shown[k as keyof typeof shown]))
      details[field] = new Date(current.stored[field]);
  }
  if (await codeTaken(current.round.fundId, details.code, roundId))
    return refuse(actorId, "round.details.update", roundId, { code: `The fund already has a round with the code ${details.code}` }, values);
  const before = await db.round.findUniqueOrThrow({
    where: { id: roundId },
    include: { areas: { orderBy: { position: "asc" } }, priorities: { orderBy: { position: "asc" } } },
  });
  // The pot is never recomputed here (ADR 0010): a change of its parts moves the remaining pot by
  // the same difference, in one conditional update that also checks the parts are still the ones
  // read, that the remaining pot covers a cut, and that the OPCC flag changes only before anything
  // was approved. A save that loses a race changes nothing and is refused.
  const potChangePence = details.baseAllocation + details.rolledForward + details.matchFunding - potPence(before);
  const opccChanged = details.opccSignOffRequired !== before.opccSignOffRequired;
  if (potChangePence < 0 && before.remainingPotPence < -potChangePence) {
    return refuse(actorId, "round.details.update", roundId, { baseAllocation: "The pot cannot be less than the awards already approved" }, values);
  }
  if (opccChanged && !isEditable(before.allocationStatus)) {
    return refuse(
      actorId,
      "round.details.update",
      roundId,
      { opccSignOffRequired: "OPCC sign-off cannot be changed once the allocation has been approved" },
      values,
    );
  }
  const slug = codeChanged ? await freeRoundSlug(db, current.round.fundId, details.code, roundId) : before.slug;
  const after = { ...stored(details), slug, remainingPotChangePence: potChangePence, areas: details.areas, priorities: details.priorities };
  try {
    await db.$transaction(async (tx: Tx) => {
      if (codeChanged) {
        // Conditional, like the pot: a round that opened or got a bid reference since the check keeps its code.
        const claimed = await tx.round.updateMany({
          where: { id: roundId, code: before.code, opensAt: { gt: now }, bids: { none: { reference: { not: null } } } },
          data: { code: details.code, slug },
        });
        if (claimed.count === 0) throw new CodeLockedMeanwhile();
      }
      const saved = await tx.round.updateMany({
        where: {
          id: roundId,
          baseAllocationPence: before.baseAllocationPence,
          rolledForwardPence: before.rolledForwardPence,
          matchFundingPence: before.matchFundingPence,
          ...(potChangePence < 0 ? { remainingPotPence: { gte: -potChangePence } } : {}),
          ...(opccChanged
            ? { opensAt: { gt: now }, opccSignOffRequired: before.opccSignOffRequired, allocationStatus: { in: [...EDITABLE_ALLOCATION_STATUSES] } }
            : {}),
        },
        data: { ...stored(details), slug, ...(potChangePence === 0 ? {} : { remainingPotPence: { increment: potChangePence } }) },
      });
      if (saved.count === 0) throw new ChangedMeanwhile();
      // Read under this transaction's lock on the row, for the audit: what the pot now holds.
      const { remainingPotPence } = await tx.round.findUniqueOrThrow({ where: { id: roundId }, select: { remainingPotPence: true } });
      if (!current.locked) {
        await tx.roundArea.deleteMany({ where: { roundId, name: { notIn: details.areas } } });
        for (const [position, name] of details.areas.entries()) {
          await tx.roundArea.upsert({ where: { roundId_name: { roundId, name } }, create: { roundId, name, position }, update: { position } });
        }
        await tx.priority.deleteMany({ where: { roundId, title: { notIn: details.priorities } } });
        for (const [position, title] of details.priorities.entries()) {
          await tx.priority.upsert({ where: { roundId_title: { roundId, title } }, create: { roundId, title, position }, update: { position } });
        }
      }
      const { fundId: _fundId, id: _id, createdAt: _c, updatedAt: _u, ...rest } = before;
      await recordAudit(
        {
          actorId,
          action: "round.details.updated",
          subjectType: "round",
          subjectId: roundId,
          before: { ...rest, areas: before.areas.map((a) => a.name), priorities: before.priorities.map((p) => p.title) },
          after: { ...after, remainingPotPence },
        },
        tx,
      );
    });
  } catch (error) {
    if (error instanceof ChangedMeanwhile) {
      const message =
        "The round changed while you were editing it (an award may have been approved, or the round opened). Nothing was saved. Check the details and try again.";
      await recordAudit({ actorId, action: "round.details.update", outcome: "refused", subjectType: "round", subjectId: roundId, details: { message } });
      return { ...conflict(message), values };
    }
    if (error instanceof CodeLockedMeanwhile) {
      return refuse(
        actorId,
        "round.details.update",
        roundId,
        { form: "The round code cannot be changed now: the round has opened or a bid has a reference made from it" },
        current.values,
        { code: { stored: before.code, posted: input.code } },
      );
    }
    throw error;
  }
  return { ok: true, roundId };
}
