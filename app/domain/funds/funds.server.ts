// Funds: created and edited by the fund administrator (ADR 0025). A fund's slug is made from its
// name once, when it is created, and never changes (public addresses keep working). Its code is
// part of every bid reference, so it cannot change once any bid in the fund has a reference. Every
// save, and every refused attempt, is audited.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { fieldErrorsFrom, inFieldOrder, type FieldErrors } from "~/lib/form-errors";
import type { FormObject } from "~/lib/form-values";
import { isUniqueViolation } from "~/lib/prisma-errors";
import { invalid, notFound, type Refused } from "~/lib/refusal";
import { potPence } from "~/domain/rounds/pot";
import { parseApplicantTypes, serialiseApplicantTypes } from "./applicant-types";
import { FUND_FIELDS, fundSchema, fundSlugFor, type FundFormValues } from "./fund.schema";

export type SaveFundResult = { ok: true; fundId: string } | (Refused & { values: FundFormValues });

const asText = (value: unknown) => (typeof value === "string" ? value : "");
const asList = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : []);

function formValues(posted: FormObject): FundFormValues {
  return { name: asText(posted.name), code: asText(posted.code), description: asText(posted.description), applicantTypes: asList(posted.applicantTypes) };
}

/** Every fund with its rounds, newest round first; funds without rounds too. */
export async function listFundsWithRounds() {
  const funds = await db.fund.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      code: true,
      slug: true,
      applicantTypes: true,
      rounds: {
        orderBy: [{ opensAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          slug: true,
          opensAt: true,
          closesAt: true,
          baseAllocationPence: true,
          rolledForwardPence: true,
          matchFundingPence: true,
        },
      },
    },
  });
  return funds.map(({ applicantTypes, rounds, ...fund }) => ({
    ...fund,
    applicantTypes: parseApplicantTypes(applicantTypes),
    rounds: rounds.map(({ baseAllocationPence, rolledForwardPence, matchFundingPence, ...round }) => ({
      ...round,
      potPence: potPence({ baseAllocationPence, rolledForwardPence, matchFundingPence }),
    })),
  }));
}

export async function loadFund(fundId: string) {
  const fund = await db.fund.findUnique({
    where: { id: fundId },
    select: { id: true, name: true, code: true, slug: true, description: true, applicantTypes: true },
  });
  if (!fund) return null;
  const referenced = await db.bid.findFirst({ where: { round: { fundId }, reference: { not: null } }, select: { reference: true } });
  return {
    fund: { id: fund.id, name: fund.name, slug: fund.slug },
    values: { name: fund.name, code: fund.code, description: fund.description, applicantTypes: parseApplicantTypes(fund.applicantTypes) } as FundFormValues,
    /** A bid reference made from the code, if any: the code is then fixed. */
    codeLockedBy: referenced?.reference ?? null,
  };
}

async function refuse(
  actorId: string,
  action: string,
  fundId: string | null,
  errors: FieldErrors,
  values: FundFormValues,
  extra: object = {},
): Promise<SaveFundResult> {
  await recordAudit({ actorId, action, outcome: "refused", subjectType: "fund", subjectId: fundId, details: { errors, ...extra } });
  return { ...invalid(inFieldOrder(errors, FUND_FIELDS)), values };
}

async function clashes(name: string, code: string, exceptFundId: string | null): Promise<FieldErrors> {
  const except = exceptFundId ? { NOT: { id: exceptFundId } } : {};
  const errors: FieldErrors = {};
  if (await db.fund.count({ where: { code, ...except } })) errors.code = `Another fund already has the code ${code}`;
  if (await db.fund.count({ where: { name, ...except } })) errors.name = "Another fund already has this name";
  return errors;
}

/** A slug no other fund has: the name's, or the name's with a number after it. */
async function freeFundSlug(name: string) {
  const base = fundSlugFor(name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if ((await db.fund.count({ where: { slug } })) === 0) return slug;
  }
}

export async function createFund(actorId: string, posted: FormObject): Promise<SaveFundResult> {
  const values = formValues(posted);
  const parsed = fundSchema.safeParse(values);
  if (!parsed.success) return refuse(actorId, "fund.create", null, fieldErrorsFrom(parsed.error), values);
  const details = parsed.data;
  const taken = await clashes(details.name, details.code, null);
  if (Object.keys(taken).length > 0) return refuse(actorId, "fund.create", null, taken, values);
  const after = { ...details, slug: await freeFundSlug(details.name) };
  try {
    const fund = await db.$transaction(async (tx: Tx) => {
      const created = await tx.fund.create({
        data: {
          name: details.name,
          code: details.code,
          description: details.description,
          slug: after.slug,
          applicantTypes: serialiseApplicantTypes(details.applicantTypes),
        },
        select: { id: true },
      });
      await recordAudit({ actorId, action: "fund.created", subjectType: "fund", subjectId: created.id, after }, tx);
      return created;
    });
    return { ok: true, fundId: fund.id };
  } catch (error) {
    // Another fund took the code or slug between the check and the save.
    if (!isUniqueViolation(error)) throw error;
    return refuse(actorId, "fund.create", null, { code: `Another fund already has the code ${details.code}` }, values);
  }
}

export async function updateFund(actorId: string, fundId: string, posted: FormObject): Promise<SaveFundResult> {
  const values = formValues(posted);
  const current = await loadFund(fundId);
  if (!current) return { ...notFound("Fund not found"), values };
  const parsed = fundSchema.safeParse(values);
  if (!parsed.success) return refuse(actorId, "fund.update", fundId, fieldErrorsFrom(parsed.error), values);
  const details = parsed.data;
  if (details.code !== current.values.code && current.codeLockedBy) {
    return refuse(
      actorId,
      "fund.update",
      fundId,
      { code: `The fund code cannot be changed because bids already have references made from it, like ${current.codeLockedBy}` },
      values,
    );
  }
  const taken = await clashes(details.name, details.code, fundId);
  if (Object.keys(taken).length > 0) return refuse(actorId, "fund.update", fundId, taken, values);
  try {
    await db.$transaction(async (tx: Tx) => {
      // The code changes only while no bid of the fund has a reference (checked again under the write).
      const saved = await tx.fund.updateMany({
        where: { id: fundId, ...(details.code !== current.values.code ? { rounds: { none: { bids: { some: { reference: { not: null } } } } } } : {}) },
        data: { name: details.name, code: details.code, description: details.description, applicantTypes: serialiseApplicantTypes(details.applicantTypes) },
      });
      if (saved.count === 0) throw new CodeLockedMeanwhile();
      await recordAudit({ actorId, action: "fund.updated", subjectType: "fund", subjectId: fundId, before: current.values, after: details }, tx);
    });
  } catch (error) {
    if (error instanceof CodeLockedMeanwhile)
      return refuse(actorId, "fund.update", fundId, { code: "The fund code cannot be changed because bids already have references made from it" }, values);
    if (!isUniqueViolation(error)) throw error;
    return refuse(actorId, "fund.update", fundId, { code: `Another fund already has the code ${details.code}` }, values);
  }
  return { ok: true, fundId };
}

class CodeLockedMeanwhile extends Error {}
