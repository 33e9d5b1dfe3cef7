import { describe, expect, it } from "vitest";
import { renderOrganisationInvitation } from "../../../emails";
import { INVITATION_LIFETIME_MS, invitationStatus, looksLikeInvitationToken } from "./invitation-status";

describe("invitationStatus", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it("is valid until it expires or is used", () => {
    expect(invitationStatus({ acceptedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("valid");
    expect(invitationStatus({ acceptedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(invitationStatus({ acceptedAt: new Date(now.getTime() - 1000), expiresAt: new Date(now.getTime() + 1) }, now)).toBe("accepted");
    expect(invitationStatus({ acceptedAt: new Date(now.getTime() - 1000), expiresAt: new Date(now.getTime() - 1) }, now)).toBe("accepted");
  });

  it("lasts a week", () => {
    expect(INVITATION_LIFETIME_MS).toBe(7 * 24 * 60 * 60 * 1000);
  });
});

describe("looksLikeInvitationToken", () => {
  it("accepts only 32 random bytes in base64url", () => {
    expect(looksLikeInvitationToken("a".repeat(43))).toBe(true);
    expect(looksLikeInvitationToken("Ab-_0123456789012345678901234567890123456789"[0]!.repeat(43))).toBe(true);
    expect(looksLikeInvitationToken("a".repeat(42))).toBe(false);
    expect(looksLikeInvitationToken(`${"a".repeat(42)}/`)).toBe(false);
    expect(looksLikeInvitationToken("")).toBe(false);
  });
});

describe("the invitation email", () => {
  const render = () =>
    renderOrganisationInvitation({
      organisationName: "Safe <b>Streets</b> & Co",
      inviterName: "Harry O'Neill",
      acceptUrl: "http://localhost:3000/invitations/abc",
      expiresAt: new Date("2026-07-15T17:00:00Z"),
    });

  it("says who invited whom to what, with the link and its expiry in UK time", async () => {
    const email = await render();
    expect(email.template).toBe("organisation-invitation");
    expect(email.subject).toBe("Harry O'Neill has invited you to join Safe <b>Streets</b> & Co on the Community Safety Fund");
    expect(email.text).toContain("http://localhost:3000/invitations/abc");
    expect(email.text).toContain("15 July 2026 at 6pm");
    expect(email.html).toContain('href="http://localhost:3000/invitations/abc"');
  });

  it("escapes names in the HTML", async () => {
    const email = await render();
    expect(email.html).toContain("Safe &lt;b&gt;Streets&lt;/b&gt; &amp; Co");
    expect(email.html).not.toContain("<b>Streets</b>");
  });
});
