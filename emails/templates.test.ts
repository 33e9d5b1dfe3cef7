import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMAIL_TEMPLATES,
  isEmailTemplateName,
  renderOutcomeAward,
  renderOutcomeDecline,
  renderOutcomeIneligible,
  renderSubmissionReceipt,
  outcomeAwardSample,
  outcomeDeclineSample,
  outcomeIneligibleSample,
  submissionReceiptSample,
} from "./index";

describe("every template", () => {
  it.each(Object.entries(EMAIL_TEMPLATES))("%s renders a subject, HTML and plain text in the shared layout", async (name, template) => {
    const email = await template.renderSample();
    expect(email.template).toBe(name);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.length).toBeLessThan(120);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('lang="en"');
    expect(email.text).toMatch(/^Community Safety Fund\n/);
    expect(email.text).toContain("Replies to this address are not read.");
    // Plain text means no markup left over.
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("knows its own names", () => {
    expect(isEmailTemplateName("outcome-award")).toBe(true);
    expect(isEmailTemplateName("toString")).toBe(false);
  });
});

describe("what the emails say", () => {
  it("formats money from pence and says when an award is less than asked", async () => {
    const part = await renderOutcomeAward({ ...outcomeAwardSample, amountPence: 1_234_567, amountRequestedPence: 2_000_000 });
    expect(part.text).toContain("Amount awarded: £12,345.67");
    expect(part.text).toContain("This is less than you asked for.");
    const full = await renderOutcomeAward({ ...outcomeAwardSample, amountPence: 2_000_000, amountRequestedPence: 2_000_000, conditions: [] });
    expect(full.text).not.toContain("less than you asked for");
    expect(full.text).not.toContain("Amount requested");
    expect(full.text).toContain("no conditions beyond the fund's standard terms");
  });

  it("states the award's split, the deadline to accept and the link to respond, when given", async () => {
    const award = await renderOutcomeAward(outcomeAwardSample);
    expect(award.text).toContain("Funded by the Police and Crime Commissioner: £14,800.00");
    expect(award.text).toContain("Match funding from the fund administrator: £3,700.00");
    expect(award.text).toContain("Accept by: 14 March 2026");
    expect(award.text).toContain("Accept or decline the award by 14 March 2026.");
    expect(award.html).toContain('href="http://localhost:3000/applicant/bids/sample/award"');
    expect(award.html).toContain('href="http://localhost:3000/applicant/bids/sample/outcome"');
    const bare = await renderOutcomeAward({
      ...outcomeAwardSample,
      acceptBy: undefined,
      respondUrl: undefined,
      pccFundedPence: undefined,
      matchFundedPence: undefined,
    });
    expect(bare.text).not.toContain("Accept by");
    expect(bare.text).not.toContain("Funded by the Police and Crime Commissioner");
    expect(bare.html).not.toContain("/award");
  });

  it("gives an ineligible bid its stock reason and, when there is one, the administrator's note", async () => {
    const withNote = await renderOutcomeIneligible(outcomeIneligibleSample);
    expect(withNote.template).toBe("outcome-ineligible");
    expect(withNote.text).toContain("Why the bid is not eligible: The project is outside the eligible areas");
    expect(withNote.text).toContain("A note from the fund team:");
    expect(withNote.text).toContain("which is outside the force area");
    const without = await renderOutcomeIneligible({ ...outcomeIneligibleSample, note: " " });
    expect(without.text).not.toContain("A note from the fund team");
    expect(without.text).toContain("Why the bid is not eligible");
  });

  it("includes decline feedback only when the administrator wrote some", async () => {
    const withFeedback = await renderOutcomeDecline(outcomeDeclineSample);
    expect(withFeedback.text).toContain("Feedback from the fund team:");
    const without = await renderOutcomeDecline({ ...outcomeDeclineSample, feedback: "  " });
    expect(without.text).not.toContain("Feedback");
  });

  it("uses the fund's name in the layout", async () => {
    const email = await renderSubmissionReceipt({ ...submissionReceiptSample, fundName: "Victims' Services" });
    expect(email.text).toMatch(/^Victims' Services\n/);
  });

  it("never lets a bid title break the subject onto a second line", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (title) => {
        const email = await renderSubmissionReceipt({ ...submissionReceiptSample, bidTitle: title });
        expect(email.subject).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
      }),
      { numRuns: 25 },
    );
  });
});
