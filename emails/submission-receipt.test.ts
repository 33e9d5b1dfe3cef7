import { describe, expect, it } from "vitest";
import { renderSubmissionReceipt } from ".";

const receipt = {
  recipientName: "Asha Patel",
  reference: "CSF-2526-R1-0042",
  bidTitle: "<b>Friday</b> nights & more",
  organisationName: "Darlington Youth Outreach",
  fundName: "Community Safety Fund",
  roundName: "2025 to 2026, round 1",
  amountRequestedPence: 1_200_000,
  submittedAt: new Date("2026-01-15T17:00:00Z"),
  bidUrl: "http://localhost:3000/applicant/bids/abc",
};

describe("submission receipt", () => {
  it("names the template and puts the reference in the subject", async () => {
    const email = await renderSubmissionReceipt(receipt);
    expect(email.template).toBe("submission-receipt");
    expect(email.subject).toContain("CSF-2526-R1-0042");
    expect(email.text).toContain("£12,000.00");
    expect(email.text).toContain("15 January 2026 at 5pm");
  });

  it("escapes what the applicant typed in the HTML", async () => {
    const email = await renderSubmissionReceipt(receipt);
    expect(email.html).toContain("&lt;b&gt;Friday&lt;/b&gt; nights &amp; more");
    expect(email.html).not.toContain("<b>Friday</b>");
  });
});
