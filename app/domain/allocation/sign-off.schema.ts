// The OPCC's sign-off form: sign off the allocation, or send it back with a comment saying why.
// zod/mini: the page runs it in the browser (ADR 0027).
import * as z from "zod/mini";

export const MAX_SIGN_OFF_COMMENT_LENGTH = 2_000;

export const signOffSchema = z
  .object({
    decision: z.enum(["approved", "sent_back"], { error: "Select whether you sign off the allocation or send it back" }),
    comment: z.pipe(
      z.pipe(
        z._default(z.string(), ""),
        z.transform((comment: string) => comment.trim()),
      ),
      z.string().check(z.maxLength(MAX_SIGN_OFF_COMMENT_LENGTH, `Your comment must be ${MAX_SIGN_OFF_COMMENT_LENGTH} characters or fewer`)),
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.decision === "sent_back" && value.comment === "") {
        ctx.addIssue({ code: "custom", path: ["comment"], message: "Enter a comment saying why you are sending the allocation back" });
      }
    }),
  );
