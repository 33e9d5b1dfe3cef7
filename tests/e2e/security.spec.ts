import { expect, test } from "./fixtures";

test("every response carries the security headers", async ({ request }) => {
  const page = await request.get("/");
  const html = await page.text();
  const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  expect(stylesheet).toBeTruthy();
  for (const path of ["/", "/healthz", stylesheet!, "/no-such-page"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], path).toContain("max-age=");
  }
});

test("a form post from another site is refused and changes nothing", async ({ request }) => {
  const response = await request.post("/register", {
    headers: { Origin: "https://attacker.example" },
    form: { email: "forged@example.org" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const signIn = await request.post("/sign-in", {
    headers: { Origin: "https://attacker.example" },
    form: { email: "forged@example.org", password: "forged-password-1" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBe(403);
});

test("the health check touches the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
