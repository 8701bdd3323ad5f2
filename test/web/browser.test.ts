import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { createApp } from "../../src/app/create.ts";
import type { App } from "../../src/app/app.ts";
import { loadConfig } from "../../src/config/load.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { WebAuth } from "../../src/web/auth.ts";
import { startWebServer, type WebServer } from "../../src/web/start.ts";
import { testStore } from "../support/redis.ts";
import { freePort } from "../support/servers.ts";
import { generateStats } from "./generate.ts";

// The dashboard in a real Chromium (Debian's, never a download), over two months of generated data.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
/** Screenshots go to docs/img/ with UPDATE_SCREENSHOTS=1, else to a temporary folder. */
const SHOTS = process.env.UPDATE_SCREENSHOTS === "1" ? "docs/img" : mkdtempSync(join(tmpdir(), "jol-dash-shots-"));
const TIMEOUT = 120_000;
const ADMIN = 1001;
// 2026-12-02 11:00 in Almaty.
const NOW = Date.parse("2026-12-02T06:00:00Z");

let browser: Browser;
let app: App;
let store: RedisStore;
let web: WebServer;
let origin: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (as .ci/run does) or set CHROMIUM_PATH`);
  store = await testStore("web-browser");
  const config = loadConfig({ TELEGRAM_ADMIN_IDS: String(ADMIN), HOTLINE_STAFF_LANG: "en" });
  app = await createApp({ config, store, log: silentLogger, clock: { now: () => NOW } });
  await generateStats(store, { lastDay: "2026-12-02", days: 70, users: 5000, perDay: 150 });
  web = (await startWebServer(app, { port: await freePort() }))!;
  origin = `http://127.0.0.1:${web.port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, timeout: TIMEOUT });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await app?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `dashboard-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  expect(statSync(path).size).toBeGreaterThan(10_000);
}

/** How many pixels of each chart's canvas are painted (browser code as a string: no DOM types here). */
async function paintedPixels(page: Page): Promise<number[]> {
  return (await page.evaluate(`[...document.querySelectorAll("[data-chart] canvas")].map((c) => {
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++;
    return n;
  })`)) as number[];
}

describe("the dashboard in Chromium", () => {
  it(
    "signs in with a link, draws the charts, filters a period, downloads a CSV and opens the month report",
    async () => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);

      // Without a session: the page says how to sign in.
      const refused = await page.goto(`${origin}/`);
      expect(refused?.status()).toBe(401);

      const token = (await new WebAuth(store, app.config).createLink(ADMIN))!;
      await page.goto(`${origin}/signin/${token}`);
      await page.click("button");
      await page.waitForURL(`${origin}/`);
      await page.waitForSelector('[data-chart="daily"][data-drawn="1"]');
      await page.waitForSelector('[data-chart="hours"][data-drawn="1"]');
      const painted = await paintedPixels(page);
      expect(painted).toHaveLength(2);
      for (const n of painted) expect(n).toBeGreaterThan(500);
      expect(await page.locator(".figure b").first().textContent()).toMatch(/^(\d+|<5)$/);
      await shot(page, "overview");

      // Filter a period: the form's dates come back in the URL and the table follows.
      await page.fill('input[name="from"]', "2026-11-01");
      await page.fill('input[name="to"]', "2026-11-07");
      await page.click("form.period button");
      await page.waitForURL(/from=2026-11-01&to=2026-11-07/);
      const x = (await page.evaluate(`JSON.parse(document.querySelector('[data-chart="daily"] script').textContent).x`)) as string[];
      expect(x).toEqual(["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-07"]);

      // Download the languages table as CSV.
      const [download] = await Promise.all([page.waitForEvent("download"), page.click("#t-languages a.csv")]);
      expect(download.suggestedFilename()).toBe("jol-overview-languages-2026-11-01-2026-11-07.csv");
      const rows = readFileSync((await download.path())!, "utf8").trim().split("\r\n");
      expect(rows[0]).toBe("Language,People by day");
      expect(rows.slice(1).map((r) => r.split(",")[0]).sort()).toEqual(["en", "kk", "ky", "ru", "tg", "uz"]);
      for (const row of rows.slice(1)) expect(row.split(",")[1]).toMatch(/^(<5|\d{2,})$/);

      await page.click('header a[href^="/hotline"]');
      await page.waitForSelector('[data-chart="cases"][data-drawn="1"]');
      expect(await page.locator("#t-consultants tbody tr").count()).toBe(3);
      await shot(page, "hotline");

      await page.click('header a[href^="/report"]');
      await page.waitForSelector("h1");
      expect(await page.locator("h1").textContent()).toBe("Jol — report for 2026-12");
      await page.goto(`${origin}/report?month=2026-11`);
      expect(await page.locator("h1").textContent()).toBe("Jol — report for 2026-11");
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("header").isVisible()).toBe(false);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.length).toBeGreaterThan(20_000);
      await page.setViewportSize({ width: 794, height: 1123 });
      await shot(page, "report");
      await context.close();
    },
    TIMEOUT,
  );
});
