import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "community-safety-demo";

/**
 * Fails the test on any accessibility violation axe can find on the current page. axe runs as
 * JavaScript in the page, so for a page open without JavaScript it checks an exact copy of that
 * page (same HTML and stylesheets, scripts blocked) in a JavaScript-enabled tab.
 */
export async function expectNoAxeViolations(page: Page) {
  const javaScriptOff = test.info().project.use.javaScriptEnabled === false;
  const target = javaScriptOff ? await staticCopyOf(page) : page;
  const results = await new AxeBuilder({ page: target }).analyze();
  if (javaScriptOff) await target.context().close();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

async function staticCopyOf(page: Page) {
  const url = page.url();
  const html = await page.content();
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true });
  const copy = await context.newPage();
  await copy.route("**/*", (route) => {
    const request = route.request();
    if (request.resourceType() === "document" && request.url() === url) {
      return route.fulfill({ body: html, contentType: "text/html; charset=utf-8" });
    }
    if (request.resourceType() === "script") return route.abort();
    return route.continue();
  });
  await copy.goto(url);
  return copy;
}

export async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the browser has left the sign-in page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

/** A test that fails if the page logs an error to the console or throws. */
export const test = base.extend<{ failOnConsoleErrors: void }>({
  failOnConsoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // Chromium logs every 4xx page it is sent (a 400 form error, a 403 page) as a console
        // error; those are expected answers here, not faults in the page.
        if (message.type() === "error" && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
          errors.push(message.text());
        }
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use();
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
