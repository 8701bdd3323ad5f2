import { existsSync, readFileSync, mkdirSync, writeFileSync, cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LANGS } from "../../src/core/lang.ts";
import { formatDate } from "../../src/knowledge/articles.ts";
import { escapeHtml } from "../../src/portal/html.ts";
import { buildPortal, PortalBuildError } from "../../src/portal/build.ts";
import { sizeTable } from "../../src/portal/run.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { search, type SearchEntry } from "../../src/portal/assets/search.js";
import { BASE_URL, buildTestSite } from "./site.ts";

let site: ReturnType<typeof buildTestSite>;
const pages = new Map<string, string>();
beforeAll(() => {
  site = buildTestSite();
  for (const file of site.report.files.filter((f) => f.kind === "page")) pages.set(file.path, readFileSync(join(site.out, file.path), "utf8"));
  // The budget table, for the log of the test run.
  console.log(sizeTable(site.report));
}, 60_000);

const read = (path: string) => readFileSync(join(site.out, path), "utf8");
const articles = () => site.content.flows.data.get("knowledge")!.value as { articles: { id: string; reviewed: string; sources: string[]; related: string[] }[] };
const textOf = (page: string) => page.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, " ");

describe("jol portal build", () => {
  it("makes a page per article and language with the bot's texts, the reviewed date and the sources", () => {
    expect(articles().articles.length).toBeGreaterThanOrEqual(19);
    for (const lang of LANGS) {
      for (const article of articles().articles) {
        const page = pages.get(`${lang}/${article.id}.html`);
        expect(page, `${lang}/${article.id}.html`).toBeDefined();
        expect(page).toContain(escapeHtml(site.content.i18n.t(lang, `kb-${article.id}-title`)));
        expect(page).toContain(formatDate(article.reviewed));
        for (const source of article.sources) expect(page).toContain(escapeHtml(source));
      }
    }
  });

  it("gives every page a language, a title and hreflang alternates of all six languages", () => {
    expect(pages.size).toBe(LANGS.length * (articles().articles.length + 4) + 1);
    for (const [path, page] of pages) {
      const lang = path.includes("/") ? path.split("/")[0] : "ru";
      expect(page, path).toMatch(new RegExp(`<html lang="${lang}">`));
      expect(page, path).toMatch(/<title>[^<]{3,}<\/title>/);
      for (const l of LANGS) expect(page, `${path} hreflang ${l}`).toMatch(new RegExp(`<link rel="alternate" hreflang="${l}" href="${BASE_URL}${l}/`));
      expect(page, path).toContain(`hreflang="x-default" href="${BASE_URL}"`);
      expect(page, path).toMatch(/<meta property="og:title" content="[^"]+">/);
    }
  });

  it("has no broken internal links or anchors", () => {
    const broken: string[] = [];
    for (const [path, page] of pages) {
      for (const [, url] of page.matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (/^(https?:|tel:|mailto:)/.test(url!)) continue;
        const [target, anchor] = url!.split("#") as [string, string | undefined];
        let file = target ? posix.normalize(posix.join(posix.dirname(path), target.split("?")[0]!)) : path;
        if (target.endsWith("/") || target === "") file = target ? posix.join(file, "index.html") : path;
        if (!existsSync(join(site.out, file))) broken.push(`${path} → ${url}`);
        else if (anchor && !read(file).includes(`id="${anchor}"`)) broken.push(`${path} → ${url} (no id ${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("shows no message id where a text should be", () => {
    for (const [path, page] of pages) expect(textOf(page), path).not.toMatch(/\b(portal|kb|scr|main|language)-[a-z][a-z0-9-]*\b/);
  });

  it("keeps every article page within 30 KB gzip and lists the sizes", () => {
    const articlePages = site.report.files.filter((f) => f.kind === "page" && /\/(?!index|search|red-flags|job-check)[^/]+\.html$/.test(f.path));
    expect(articlePages.length).toBe(LANGS.length * articles().articles.length);
    for (const page of articlePages) expect(page.gzip, page.path).toBeLessThanOrEqual(30 * 1024);
    expect(sizeTable(site.report)).toMatch(/all pages\s+\d+\.\d KB/);
  });

  it("links each article into the bot at that article, in the page's language", () => {
    const page = read("uz/registration.html");
    expect(page).toContain('href="https://t.me/jol_test_bot?start=kb-registration_uz"');
    expect(page).toContain(`href="https://wa.me/77001234567?text=${encodeURIComponent("/start kb-registration_uz")}"`);
    for (const related of articles().articles.find((a) => a.id === "registration")!.related) expect(page).toContain(`href="${related}.html"`);
  });

  it("shows the hotline and emergency contacts from the settings on every page, the DEMO placeholders marked, and says so", () => {
    for (const [path, page] of pages) {
      if (path === "index.html") continue;
      expect(page, path).toContain(escapeHtml(site.config.HOTLINE_PHONE));
      expect(page, path).toContain(escapeHtml(site.config.EMERGENCY_CONTACTS));
      expect(page, path).toContain('class="demo"');
    }
    expect(site.report.warnings.join("\n")).toMatch(/HOTLINE_PHONE is the DEMO placeholder/);
    expect(site.report.warnings.join("\n")).toMatch(/EMERGENCY_CONTACTS is the DEMO placeholder/);
  });

  it("shows real contacts without the DEMO mark, the phone as a tel: link", () => {
    const real = buildTestSite({ HOTLINE_PHONE: "+7 727 000 11 22", EMERGENCY_CONTACTS: "102 (police) | 112 (rescue)" }, null);
    const page = readFileSync(join(real.out, "ru/index.html"), "utf8");
    expect(page).toContain('href="tel:+77270001122"');
    expect(page).toContain('<a href="tel:102">102</a> (police)');
    expect(page).not.toContain('class="demo"');
    expect(real.report.warnings.join("\n")).not.toMatch(/DEMO/);
    expect(real.report.warnings.join("\n")).toMatch(/no base URL/);
    expect(real.report.warnings.join("\n")).toMatch(/TELEGRAM_BOT_USERNAME is not set/);
    expect(page).not.toContain("t.me/");
  });

  it("explains the red flags of the screening catalogue in words, never its patterns", () => {
    const catalogue = site.content.flows.data.get("screening-catalogue")!.value as { indicators: { id: string }[]; flags: { id: string }[] };
    const page = read("ky/red-flags.html");
    for (const ind of catalogue.indicators) {
      expect(page).toContain(`id="${ind.id}"`);
      expect(page).toContain(escapeHtml(site.content.i18n.t("ky", `scr-ind-${ind.id}-explain`)));
    }
    for (const flag of catalogue.flags) expect(page).toContain(escapeHtml(site.content.i18n.t("ky", `scr-flag-${flag.id}`)));
    expect(page).not.toMatch(/\\b|\\w|\{gap\}|\{amount\}/);
    expect(page).toContain('href="https://t.me/jol_test_bot?start=job-check_ky"');
  });

  it("writes a search index per language that finds the article", () => {
    const ru = JSON.parse(read("ru/search.json")) as SearchEntry[];
    expect(search(ru, "паспорт")[0]!.u).toBe("documents-taken.html");
    expect(search(ru, "регистрация после приезда")[0]!.u).toBe("registration.html");
    const uz = JSON.parse(read("uz/search.json")) as SearchEntry[];
    expect(search(uz, "pasportimni olib qo'yishdi")[0]!.u).toBe("documents-taken.html");
    const en = JSON.parse(read("en/search.json")) as SearchEntry[];
    expect(search(en, "work in Korea")[0]!.u).toBe("korea.html");
    expect(search(en, "zzzz")).toEqual([]);
  });

  it("writes sitemap.xml, robots.txt and a service worker that knows the assets", () => {
    const sitemap = read("sitemap.xml");
    expect(sitemap).toContain(`<loc>${BASE_URL}kk/stay-rules.html</loc>`);
    expect(sitemap).toContain(`<xhtml:link rel="alternate" hreflang="tg" href="${BASE_URL}tg/stay-rules.html"/>`);
    expect(sitemap.match(/<url>/g)!.length).toBe(LANGS.length * (articles().articles.length + 3));
    expect(read("robots.txt")).toContain(`Sitemap: ${BASE_URL}sitemap.xml`);
    const sw = read("sw.js");
    const css = site.report.files.find((f) => /^style\.[0-9a-f]{10}\.css$/.test(f.path))!.path;
    expect(sw).toContain(`"${css}"`);
    expect(sw).not.toContain('VERSION = "dev"');
    expect(read("ru/index.html")).toContain(`href="../${css}"`);
  });

  it("fails naming the language and the message when a text is missing", () => {
    const locales = mkdtempSync(join(tmpdir(), "jol-locales-"));
    cpSync("locales", locales, { recursive: true });
    const file = join(locales, "kk", "portal.ftl");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^portal-related = .*$/m, ""));
    const { i18n } = loadLocales(locales);
    const out = join(mkdtempSync(join(tmpdir(), "jol-portal-")), "site");
    expect(() => buildPortal({ flows: site.content.flows, i18n, config: site.config, out })).toThrow(/kk: portal-related/);
  });

  it("does not empty a folder it did not make", () => {
    const out = mkdtempSync(join(tmpdir(), "jol-other-"));
    mkdirSync(dirname(join(out, "keep.txt")), { recursive: true });
    writeFileSync(join(out, "keep.txt"), "mine");
    expect(() => buildPortal({ flows: site.content.flows, i18n: site.content.i18n, config: site.config, out })).toThrow(PortalBuildError);
    expect(readdirSync(out)).toEqual(["keep.txt"]);
    // A folder an earlier build made is rebuilt.
    expect(() => buildPortal({ flows: site.content.flows, i18n: site.content.i18n, config: site.config, out: site.out, baseUrl: BASE_URL })).not.toThrow();
  });
});
