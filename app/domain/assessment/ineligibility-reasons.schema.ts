// The forms on a fund's list of ineligibility reasons: add a reason, rename one
// (field reasons.<id>), or stop or start offering one. The button pressed says which; each has
// its own schema, used by the browser for that button and by the server for the posted intent.
import { z } from "zod";

export const MAX_REASON_LENGTH = 200;

export function reasonField(reasonId: string) {
  return `reasons.${reasonId}`;
}

const reasonText = z
  .string({ error: "Enter the reason" })
  .transform((text) => text.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "Enter the reason").max(MAX_REASON_LENGTH, `The reason must be ${MAX_REASON_LENGTH} characters or fewer`));

export const REASON_INTENTS = ["add", "rename", "deactivate", "reactivate"] as const;
export type ReasonIntent = (typeof REASON_INTENTS)[number];

export function isReasonIntent(value: unknown): value is ReasonIntent {
  return REASON_INTENTS.includes(value as ReasonIntent);
}

/**
 * The schema for a button of the page. `reasonId` is the reason whose form it is (posted with the
 * form as reasonId); stopping or starting a reason has nothing typed to check.
 */
export function reasonSchemaFor(intent: ReasonIntent, reasonId: string) {
  if (intent === "add") return z.object({ text: reasonText });
  if (intent === "rename")
    return z.object({ reasons: z.object({ [reasonId]: reasonText }).prefault({}) }).transform((value) => ({ text: value.reasons[reasonId]! }));
  return z.object({});
}
