import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page, type Response } from "@playwright/test";
import { HtmlValidate } from "html-validate";
import { freeStep, stepStartsAt, totpCode } from "../../app/domain/auth/totp.server";
import { e2eDb } from "./database";

export const DEMO_PASSWORD = "community-safety-demo";

/**
 * The checks every page the specs visit must pass: no accessibility violation axe can find, valid
 * HTML, and no sideways scrolling on a 320 px wide screen. axe runs as JavaScript in the page, so
 * for a page open without JavaScript it checks an exact copy of that page (same HTML and
 * stylesheets, scripts blocked) in a JavaScript-enabled tab; the narrow screen is tried there too.
 */
export async function expectAccessiblePage(page: Page) {
  await expectValidHtml(page);
  const javaScriptOff = test.info().project.use.javaScriptEnabled === false;
  const target = javaScriptOff ? await staticCopyOf(page) : page;
  const results = await new AxeBuilder({ page: target }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  await expectReflowAt320(target, page.url());
}

const htmlValidate = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // React writes attributes in their DOM property's case (charSet, autoComplete); HTML
    // attribute names are case-insensitive, so that case is allowed beside lower case.
    "attr-case": ["error", { style: ["lowercase", "camelcase"] }],
    // A GOV.UK checkbox group shares one name, so the server reads the ticked boxes as a list.
    "form-dup-name": ["error", { shared: ["radio", "checkbox", "button", "reset", "submit"] }],
    // GOV.UK gives the fieldset of a date (text inputs) role="group" on purpose, so that JAWS
    // reads its hint; that is the only "redundant" role on these pages.
    "no-redundant-role": "off",
    // GOV.UK's start button is a link with role="button", as the Design System publishes it.
    "prefer-native-element": ["error", { exclude: ["button"] }],
    // React writes void elements as <br/> and boolean attributes as hidden="": both valid HTML,
    // and neither is in the page's own code to change.
    "void-style": "off",
    "no-self-closing": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    // GOV.UK titles name the page, then the bid or round it is about, then the service, so a
    // title may run past 70 characters by design.
    "long-title": "off",
  },
});

/** The HTML the browser was last sent for each page (without JavaScript, every page is one). */
const lastDocument = new WeakMap<Page, Response>();

/**
 * Fails on any html-validate error from its recommended rules. Without JavaScript it checks the
 * HTML the server sent (the browser's parser would silently repair some mistakes); with
 * JavaScript, the document as the page's scripts left it.
 */
async function expectValidHtml(page: Page) {
  const response = lastDocument.get(page);
  const withoutHash = (url: string) => url.split("#")[0];
  const sent = test.info().project.use.javaScriptEnabled === false && response && withoutHash(response.url()) === withoutHash(page.url());
  const html = sent ? await response.text() : await page.content();
  const report = await htmlValidate.validateString(html, page.url());
  const problems = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector ?? `line ${m.line}`})`));
  expect(problems, `invalid HTML on ${page.url()}`).toEqual([]);
}

/** WCAG 1.4.10 (reflow): at 320 CSS pixels wide, nothing makes the page scroll sideways. */
async function expectReflowAt320(page: Page, url: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: size?.height ?? 720 });
  try {
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The outermost elements that stick out, to say where the problem is.
      const wide = [...document.body.querySelectorAll("*")]
        .filter((element) => element.getBoundingClientRect().right > width + 1)
        .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= width + 1)
        .slice(0, 5)
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.className ? `.${String(element.className).trim().split(/\s+/).join(".")}` : ""}`,
        );
      return { scrollWidth: document.documentElement.scrollWidth, wide };
    });
    expect(overflow.scrollWidth, `${url} is ${overflow.scrollWidth}px wide at 320px (${overflow.wide.join(", ")})`).toBeLessThanOrEqual(320);
  } finally {
    if (size) await page.setViewportSize(size);
  }
}

/**
 * A JavaScript-enabled tab, one per browser (so one per Playwright worker), that shows copies of
 * pages opened without JavaScript. It is kept between checks: a new context for every page made
 * the checks the slowest part of the no-JavaScript run. Its document is always the copy; scripts
 * are blocked; stylesheets, fonts and images are fetched once and then served from memory, as the
 * hashed, immutable files they are (routing turns the browser's own cache off).
 */
type CopyTab = { page: Page; html: string; url: string };
const copyTabs = new WeakMap<Browser, Promise<CopyTab>>();
const assets = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();

async function openCopyTab(browser: Browser): Promise<CopyTab> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const tab: CopyTab = { page: await context.newPage(), html: "", url: "" };
  await tab.page.route("**/*", async (route) => {
    const request = route.request();
    if (request.resourceType() === "document") {
      return route.fulfill({ body: tab.html, contentType: "text/html; charset=utf-8" });
    }
    if (request.resourceType() === "script") return route.abort();
    const kept = assets.get(request.url());
    if (kept) return route.fulfill(kept);
    const response = await route.fetch();
    // The body comes decoded, so the encoding and length it was sent with no longer apply.
    const { "content-encoding": _encoding, "content-length": _length, ...headers } = response.headers();
    const asset = { status: response.status(), headers, body: await response.body() };
    if (response.ok()) assets.set(request.url(), asset);
    return route.fulfill(asset);
  });
  return tab;
}

async function staticCopyOf(page: Page) {
  const browser = page.context().browser()!;
  if (!copyTabs.has(browser)) copyTabs.set(browser, openCopyTab(browser));
  const tab = await copyTabs.get(browser)!;
  tab.url = page.url();
  tab.html = await page.content();
  // From a blank page, so that a copy whose address differs from the last only after "#" is
  // still loaded afresh rather than scrolled to.
  await tab.page.goto("about:blank");
  await tab.page.goto(tab.url);
  return tab.page;
}

export async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in and waits until the browser has left the sign-in page. Staff who need the second
 * factor (ADR 0020) are taken through it as a person with the authenticator app would be: the
 * code step for an account with an app set up, or the set-up itself for one without.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await attemptSignIn(page, email, password);
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  const path = new URL(page.url()).pathname;
  if (path === "/sign-in/code") {
    await page.getByLabel("Code", { exact: true }).fill(await authenticatorCode(email));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in/code");
  } else if (path === "/account/two-factor/set-up") {
    await page.getByLabel("Code from the app").fill(await authenticatorCode(email));
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save your recovery codes");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((url) => url.pathname !== "/account/two-factor/set-up");
  }
}

/**
 * The code an authenticator app holding the account's secret would show, read from the e2e
 * database. A code is accepted once, so consecutive sign-ins of one account within 30 seconds
 * need different steps: the earliest step of the accepted window (a step either side of now)
 * after the last one used, or, when all three are used, the next step once it comes.
 */
export async function authenticatorCode(email: string): Promise<string> {
  const db = await e2eDb();
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { totpSecret: true, totpLastStep: true } });
    if (!user.totpSecret) throw new Error(`${email} has no authenticator secret`);
    let step = freeStep(user.totpLastStep);
    if (step === null) {
      await new Promise((resolve) => setTimeout(resolve, stepStartsAt(user.totpLastStep!).getTime() - Date.now() + 500));
      step = freeStep(user.totpLastStep)!;
    }
    return totpCode(user.totpSecret, step);
  } finally {
    await db.$disconnect();
  }
}

/** A test that fails if the page logs an error to the console or throws. */
export const test = base.extend<{ recordDocuments: void; failOnConsoleErrors: void }>({
  recordDocuments: [
    async ({ page }, use) => {
      page.on("response", (response) => {
        const redirect = response.status() >= 300 && response.status() < 400;
        if (response.request().resourceType() === "document" && response.frame() === page.mainFrame() && !redirect) {
          lastDocument.set(page, response);
        }
      });
      await use();
    },
    { auto: true },
  ],
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
