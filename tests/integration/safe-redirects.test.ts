// Redirect targets after a real sign-in (ADR 0016): whatever is posted as redirectTo, or put in
// the sign-in link, the browser is sent to a page on this site.
import { describe, expect, it } from "vitest";
import { ORIGIN, send, signedInAs, TEST_PASSWORD } from "../support/app";
import { startEachTestEmpty } from "../support/database";

startEachTestEmpty();

// As typed into a link (percent-encoded) and as a browser or form would deliver them decoded.
const PAYLOADS = [
  "/%09/evil.example",
  "/\t/evil.example",
  "/\tevil",
  "//evil",
  "//evil.example/",
  "/\\evil",
  "/\\\\evil",
  "https://evil",
  "https://evil.example/applicant",
  "/%2F%2Fevil",
  "javascript:",
  "javascript:alert(document.cookie)",
  "/%0D%0ALocation:%20https://evil.example",
  "/\r\nLocation: https://evil.example",
  "/\n/evil.example",
  "/..//evil.example",
  "\\/evil.example",
  " //evil.example",
];

function expectOnSite(location: string | null) {
  expect(location).not.toBeNull();
  expect(location!.startsWith("/")).toBe(true);
  expect(location!.startsWith("//")).toBe(false);
  // eslint-disable-next-line no-control-regex
  expect(location).not.toMatch(/[\\\u0000-\u001f]/);
  expect(new URL(location!, ORIGIN).origin).toBe(ORIGIN);
}

describe("the redirect after signing in", () => {
  it.each(PAYLOADS)("stays on this site for redirectTo %j", async (redirectTo) => {
    const { user } = await signedInAs("applicant");
    const response = await send("/sign-in", { form: { email: user.email, password: TEST_PASSWORD, redirectTo } });
    expect(response.status).toBe(302);
    expectOnSite(response.headers.get("Location"));
  });

  it("keeps a same-site path with its query", async () => {
    const { user } = await signedInAs("applicant");
    const response = await send("/sign-in", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/ok?x=1" } });
    expect(response.headers.get("Location")).toBe("/ok?x=1");
  });

  it("does not carry a hostile target into the sign-in form", async () => {
    for (const redirectTo of ["/\t/evil.example", "//evil", "https://evil", "/\\evil"]) {
      const html = await (await send(`/sign-in?${new URLSearchParams({ redirectTo })}`)).text();
      expect(html).toContain('name="redirectTo" value=""');
    }
  });
});
