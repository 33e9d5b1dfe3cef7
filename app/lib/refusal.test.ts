import { describe, expect, it } from "vitest";
import { conflict, forbidden, invalid, notFound, refusalErrors, refusalReason } from "./refusal";

describe("refusals", () => {
  it("give a page the messages it shows, keyed like a failed parse", () => {
    expect(refusalErrors(invalid({ email: "Enter an email address" }).refusal)).toEqual({ email: "Enter an email address" });
    expect(refusalErrors(conflict("Already submitted").refusal)).toEqual({ form: "Already submitted" });
    expect(refusalErrors(conflict("Taken", "decision").refusal)).toEqual({ decision: "Taken" });
    expect(refusalErrors(notFound().refusal)).toEqual({});
    expect(refusalErrors(forbidden("Conflict of interest").refusal)).toEqual({ form: "Conflict of interest" });
  });

  it("say why in one line for the audit log", () => {
    expect(refusalReason(invalid({ a: "First", b: undefined, c: "Second" }).refusal)).toBe("First; Second");
    expect(refusalReason(notFound().refusal)).toBe("not_found");
    expect(refusalReason(conflict("Changed meanwhile").refusal)).toBe("Changed meanwhile");
  });

  it("carry a conflict's details to the page as they are, and only when given", () => {
    expect(conflict("Not assessed", "release", { unassessed: ["CSF-1"] }).refusal).toEqual({
      kind: "conflict",
      message: "Not assessed",
      field: "release",
      details: { unassessed: ["CSF-1"] },
    });
    expect(conflict("Taken", "decision").refusal).not.toHaveProperty("details");
  });
});
