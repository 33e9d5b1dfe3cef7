import * as z from "zod/mini";

/** Starting a bid: the round comes from the page, the organisation is chosen when there are several (zod/mini, ADR 0027). */
export const newBidSchema = z.object({
  round: z.string({ error: "Choose a funding round" }).check(z.trim(), z.minLength(1, "Choose a funding round"), z.maxLength(200)),
  fund: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  organisationId: z.optional(z.string({ error: "Select the organisation this bid is for" }).check(z.trim(), z.maxLength(100))),
  /** The form's one-time token (see startBid); a post without one still starts a bid. */
  startToken: z.optional(z.string().check(z.trim(), z.maxLength(100))),
});
