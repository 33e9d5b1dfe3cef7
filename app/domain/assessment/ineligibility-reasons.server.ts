// The stock reasons a fund gives for finding a bid ineligible: an editable list,
// as the design asks. The fund administrator adds, renames, deactivates and
// reactivates them; a deactivated reason is no longer offered at screening but stays on the bids
// already screened with it. Every change is audited.
import { recordAudit } from "~/domain/audit/audit.server";
import { db, type Tx } from "~/lib/db.server";
import { FORM_ERROR, type FieldErrors } from "~/lib/form-errors";
import { textValue, type FormObject } from "~/lib/form-values";
import { parseValues } from "~/lib/parse-form";
import { invalid, notFound, type Result } from "~/lib/refusal";
import { isReasonIntent, MAX_REASON_LENGTH, reasonField, reasonSchemaFor } from "./ineligibility-reasons.schema";

type ReasonChange =
  { intent: "add"; text: string } | { intent: "rename"; reasonId: string; text: string } | { intent: "deactivate" | "reactivate"; reasonId: string };

export { MAX_REASON_LENGTH, reasonField };

export async function loadIneligibilityReasons(fundId: string) {
  const fund = await db.fund.findUnique({
    where: { id: fundId },
    select: { id: true, name: true, ineligibilityReasons: { orderBy: [{ position: "asc" }, { text: "asc" }], select: { id: true, text: true, active: true } } },
  });
  return fund ? { fund: { id: fund.id, name: fund.name }, reasons: fund.ineligibilityReasons } : null;
}

type Changed = Result<{ message: string }>;

/**
 * Makes the change the posted form asks for (its intent, parsed with that intent's schema).
 * Refusals are audited and change nothing.
 */
export async function changeIneligibilityReason(actorId: string, fundId: string, posted: FormObject): Promise<Changed> {
  const intent = isReasonIntent(posted.intent) ? posted.intent : null;
  if (!intent) return invalid({ [FORM_ERROR]: "Choose what to do" });
  const refuse = async (errors: FieldErrors): Promise<Changed> => {
    await recordAudit({ actorId, action: `ineligibility-reason.${intent}`, outcome: "refused", subjectType: "fund", subjectId: fundId, details: { errors } });
    return invalid(errors);
  };
  const fund = await db.fund.findUnique({ where: { id: fundId }, select: { id: true } });
  if (!fund) return notFound("Fund not found");
  const reasonId = textValue(posted, "reasonId");
  const parsed = parseValues(posted, reasonSchemaFor(intent, reasonId));
  if (!parsed.ok) return refuse(parsed.refusal.fieldErrors);
  const change = (intent === "add" ? { intent, ...parsed.data } : { intent, reasonId, ...parsed.data }) as ReasonChange;
  const reason = "reasonId" in change ? await db.ineligibilityReason.findFirst({ where: { id: change.reasonId, fundId } }) : null;
  if ("reasonId" in change && !reason) return refuse({ form: "That reason does not exist" });
  const field = change.intent === "rename" ? reasonField(change.reasonId) : "text";
  if (change.intent === "add" || change.intent === "rename") {
    const { text } = change;
    const clash = await db.ineligibilityReason.findFirst({ where: { fundId, text, ...(reason ? { NOT: { id: reason.id } } : {}) }, select: { id: true } });
    if (clash) return refuse({ [field]: "The fund already has that reason" });
    return db.$transaction(async (tx: Tx): Promise<Changed> => {
      if (change.intent === "add") {
        const last = await tx.ineligibilityReason.aggregate({ where: { fundId }, _max: { position: true } });
        const created = await tx.ineligibilityReason.create({ data: { fundId, text, position: (last._max.position ?? -1) + 1 } });
        await recordAudit(
          { actorId, action: "ineligibility-reason.added", subjectType: "ineligibility-reason", subjectId: created.id, after: { text, active: true } },
          tx,
        );
        return { ok: true, message: "The reason has been added." };
      }
      await tx.ineligibilityReason.update({ where: { id: reason!.id }, data: { text } });
      await recordAudit(
        {
          actorId,
          action: "ineligibility-reason.renamed",
          subjectType: "ineligibility-reason",
          subjectId: reason!.id,
          before: { text: reason!.text },
          after: { text },
        },
        tx,
      );
      return { ok: true, message: "The reason has been changed." };
    });
  }
  const active = change.intent === "reactivate";
  await db.$transaction(async (tx: Tx) => {
    await tx.ineligibilityReason.update({ where: { id: reason!.id }, data: { active } });
    await recordAudit(
      {
        actorId,
        action: `ineligibility-reason.${active ? "reactivated" : "deactivated"}`,
        subjectType: "ineligibility-reason",
        subjectId: reason!.id,
        before: { active: reason!.active },
        after: { active },
      },
      tx,
    );
  });
  return { ok: true, message: active ? "The reason can be used again." : "The reason will no longer be offered when screening bids." };
}
