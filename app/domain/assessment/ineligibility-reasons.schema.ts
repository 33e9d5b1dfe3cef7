// The forms on a fund's list of ineligibility reasons: add a reason, rename one
// (field reasons.<id>), or stop or start offering one. The button pressed says which; each has
// its own schema, used by the browser for that button and by the server for the posted intent.
// zod/mini: the page runs them in the browser (ADR 0027).
import * as z from "zod/mini";

export const MAX_REASON_LENGTH = 200;

export function reasonField(reasonId: string) {
  return `reasons.${reasonId}`;
}

const reasonText = z.pipe(
  z.pipe(
    z.string({ error: "Enter the reason" }),
    z.transform((text: string) => text.trim().replace(/\s+/g, " ")),
  ),
  z.string().check(z.minLength(1, "Enter the reason"), z.maxLength(MAX_REASON_LENGTH, `The reason must be ${MAX_REASON_LENGTH} characters or fewer`)),
);

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
    return z.pipe(
      z.object({ reasons: z.prefault(z.object({ [reasonId]: reasonText }), {}) }),
      z.transform((value: { reasons: Record<string, string> }) => ({ text: value.reasons[reasonId]! })),
    );
  return z.object({});
}
