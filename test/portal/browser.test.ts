import { existsSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { servePortal } from "../../src/portal/serve.ts";
import { loadScreener } from "../../src/screening/data.ts";
import { buildTestSite } from "./site.ts";

// The portal in a real Chromium (Debian's, never a download): at 320 × 640, with and without
// JavaScript, and offline after a visit. `.ci/run` installs Chromium when it is missing; here a
// missing browser is a failure with the fix, not a skip.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
/** Screenshots go to docs/img/ with UPDATE_SCREENSHOTS=1 (npm run portal:screenshots), else to a temporary folder. */
const SHOTS = process.env.UPDATE_SCREENSHOTS === "1" ? "docs/img" : mkdtempSync(join(tmpdir(), "jol-shots-"));
const TIMEOUT = 120_000;

let browser: Browser;
let server: Server;
let origin: string;
let site: ReturnType<typeof buildTestSite>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (as .ci/run does) or set CHROMIUM_PATH`);
  }
  site = buildTestSite();
  server = await servePortal(site.out, 0);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: TIMEOUT });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

async function phone(javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled, serviceWorkers: "allow" });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** The page fits 320 px: nothing wider than the screen. */
async function fitsWidth(page: Page): Promise<void> {
  // (Browser code as strings: the tests are type-checked without the DOM library.)
  expect(Number(await page.evaluate("document.documentElement.scrollWidth"))).toBeLessThanOrEqual(320);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `portal-${name}.png`);
  await page.screenshot({ path });
  expect(statSync(path).size).toBeGreaterThan(5_000);
}

describe("the portal in Chromium at 320 × 640", () => {
  it(
    "switches language, searches «паспорт», opens the result, follows a related link and links into the bot",
    async () => {
      const page = await phone();
      await page.goto(`${origin}/en/`);
      await fitsWidth(page);
      expect(await page.getAttribute("html", "lang")).toBe("en");

      await page.click('nav.langs a[hreflang="ru"]');
      await page.waitForURL(`${origin}/ru/`);
      expect(await page.getAttribute("html", "lang")).toBe("ru");
      await expect(page.locator("h1").textContent()).resolves.toContain(site.content.i18n.t("ru", "portal-tagline"));
      await shot(page, "home");

      await page.fill("#q", "паспорт");
      await page.click('form.search button[type="submit"]');
      await page.waitForURL(/\/ru\/search\.html\?q=/);
      const first = page.locator("#results li a").first();
      await first.waitFor();
      expect(await first.textContent()).toBe(site.content.i18n.t("ru", "kb-documents-taken-title"));
      await fitsWidth(page);
      await shot(page, "search");

      await first.click();
      await page.waitForURL(`${origin}/ru/documents-taken.html`);
      expect(await page.locator("h1").textContent()).toBe(site.content.i18n.t("ru", "kb-documents-taken-title"));
      await fitsWidth(page);
      await shot(page, "article");

      const related = page.locator('nav[aria-labelledby="related-h"] a').first();
      const relatedHref = await related.getAttribute("href");
      await related.click();
      await page.waitForURL(`${origin}/ru/${relatedHref}`);
      const id = relatedHref!.replace(/\.html$/, "");
      expect(await page.locator("h1").textContent()).toBe(site.content.i18n.t("ru", `kb-${id}-title`));
      expect(await page.getAttribute("a.btn.tg", "href")).toBe(`https://t.me/jol_test_bot?start=kb-${id}_ru`);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "works with JavaScript off: pages, language links, and the search page lists every topic",
    async () => {
      const page = await phone(false);
      await page.goto(`${origin}/kk/`);
      await page.click('a[href="stay-rules.html"] >> nth=0');
      await page.waitForURL(`${origin}/kk/stay-rules.html`);
      expect(await page.locator("h1").textContent()).toBe(site.content.i18n.t("kk", "kb-stay-rules-title"));
      await page.click('nav.langs a[hreflang="tg"]');
      await page.waitForURL(`${origin}/tg/stay-rules.html`);
      expect(await page.getAttribute("html", "lang")).toBe("tg");
      await page.goto(`${origin}/tg/search.html?q=паспорт`);
      expect(await page.locator("#search-status").textContent()).toBe(site.content.i18n.t("tg", "portal-search-nojs"));
      expect(await page.locator("ul.topics li").count()).toBeGreaterThanOrEqual(19);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "checks a pasted job ad in the page, with jol screen's result",
    async () => {
      const page = await phone();
      await page.goto(`${origin}/ru/red-flags.html`);
      await page.click('a[href="job-check.html"] >> nth=0');
      await page.waitForURL(`${origin}/ru/job-check.html`);
      await page.locator("#checker").waitFor();
      await fitsWidth(page);
      const ad = "Срочно! Работа на заводе в Корее, летите по K-ETA, на месте оформим. Оплата услуг агентства 1500$ до вылета. Паспорт будет храниться у координатора.";
      await page.fill("#ad", ad);
      await page.click('#checker button[type="submit"]');
      await page.locator("#checker-result[data-risk]").waitFor();
      const expected = loadScreener("flows").analyse(ad);
      expect(expected.risk).toBe("high");
      expect(await page.getAttribute("#checker-result", "data-risk")).toBe(expected.risk);
      expect(await page.getAttribute("#checker-result", "data-score")).toBe(String(expected.score));
      expect(await page.locator("#checker-result li").evaluateAll((items) => items.map((i) => i.getAttribute("data-flag")))).toEqual(expected.flags.map((f) => f.id));
      expect(await page.locator("#checker-result li").first().textContent()).toContain(expected.flags[0]!.evidence);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    "opens a visited page again when the site is offline (service worker)",
    async () => {
      const page = await phone();
      await page.goto(`${origin}/uz/korea.html`);
      await page.evaluate("navigator.serviceWorker.ready.then(() => true)");
      // The first load happened before the worker took over: load once more through it.
      await page.waitForFunction("navigator.serviceWorker.controller !== null");
      await page.reload();
      await page.waitForFunction("navigator.serviceWorker.controller !== null");
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await page.reload();
      expect(await page.locator("h1").textContent()).toBe(site.content.i18n.t("uz", "kb-korea-title"));
      expect(await page.locator("footer").textContent()).toContain(site.config.HOTLINE_PHONE);
      await page.context().close();
    },
    TIMEOUT,
  );
});
