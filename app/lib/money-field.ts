// The one money field (ADR 0012): what a person typed in pounds, as integer pence, with the
// form's own messages. Used by the forms' zod schemas in the browser and on the server (zod/mini,
// ADR 0027).
import * as z from "zod/mini";
import { readPounds, type MoneyMessages } from "./read-pounds";

export { readPounds, type MoneyMessages } from "./read-pounds";

/** A required amount in pounds, as integer pence. */
export function moneyField(messages: MoneyMessages) {
  return z.pipe(
    z.string({ error: messages.empty }),
    z.transform((typed: string, ctx) => {
      const read = readPounds(typed, messages);
      if (read.ok && read.pence !== null) return read.pence;
      ctx.issues.push({ code: "custom", message: read.ok ? messages.empty : read.message, input: typed });
      return z.NEVER;
    }),
  );
}

/** An amount that may be left empty (null); a missing field counts as empty. */
export function optionalMoneyField(messages: MoneyMessages) {
  return z.pipe(
    z._default(z.string(), ""),
    z.transform((typed: string, ctx) => {
      const read = readPounds(typed, messages);
      if (read.ok) return read.pence;
      ctx.issues.push({ code: "custom", message: read.message, input: typed });
      return z.NEVER;
    }),
  );
}
