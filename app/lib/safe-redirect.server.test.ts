import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect.server";

const APP_URL = "https://fund.example.org";
const follow = (to: unknown, within?: string) => safeRedirectPath(to, "/fallback", { appUrl: APP_URL, within });

/** Targets that would take a browser to another site (or run script) if followed as given. */
const HOSTILE_REDIRECTS = [
  "/\t/evil.example",
  "/\tevil",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "//evil",
  "//evil.example/path",
  "/\\evil",
  "/\\\\evil",
  "\\\\evil",
  "https://evil",
  "https://evil.example/",
  "http://fund.example.org.evil.example/",
  "javascript:alert(1)",
  "javascript:",
  "data:text/html,<script>alert(1)</script>",
  " /applicant",
  "evil.example",
  "/\u0000/evil",
  "/\u007f/evil",
  "/\u2028/evil",
  "",
];

describe("safeRedirectPath", () => {
  it.each(HOSTILE_REDIRECTS)("refuses %j", (target) => {
    expect(follow(target)).toBe("/fallback");
  });

  it.each(["/%09/evil.example", "/%2F%2Fevil", "/%0D%0ALocation:%20https://evil", "/%5Cevil", "/..//evil", "/./%2e%2e//evil"])(
    "keeps %j only as a path on this site",
    (target) => {
      const kept = follow(target);
      // Percent-encoded characters stay encoded in a Location header: the browser resolves the
      // target against this site, never as a new host.
      expect(new URL(kept, APP_URL).origin).toBe(APP_URL);
      expect(kept.startsWith("/")).toBe(true);
      expect(kept.startsWith("//")).toBe(false);
    },
  );

  it("keeps same-site paths with their query and fragment", () => {
    expect(follow("/ok?x=1")).toBe("/ok?x=1");
    expect(follow("/applicant/bids/new?round=2025-26-round-1#about")).toBe("/applicant/bids/new?round=2025-26-round-1#about");
    expect(follow("/")).toBe("/");
  });

  it("refuses values that are not strings, and very long ones", () => {
    expect(follow(null)).toBe("/fallback");
    expect(follow(undefined)).toBe("/fallback");
    expect(follow(42)).toBe("/fallback");
    expect(follow(`/${"a".repeat(3_000)}`)).toBe("/fallback");
  });

  it("narrows to a path prefix when asked, after resolving dot segments", () => {
    expect(follow("/applicant/bids/new", "/applicant/")).toBe("/applicant/bids/new");
    expect(follow("/admin", "/applicant/")).toBe("/fallback");
    expect(follow("/applicant/../admin", "/applicant/")).toBe("/fallback");
    expect(follow("/applicant/%2e%2e/admin", "/applicant/")).toBe("/fallback");
  });
});
