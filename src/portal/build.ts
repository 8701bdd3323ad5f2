import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Config } from "../config/schema.ts";
import { LANGS, type Lang } from "../core/lang.ts";
import { keywordsOf } from "../knowledge/metadata.ts";
import { escapeHtml } from "./html.ts";
import { buildModel, type PortalModel } from "./model.ts";
import { articlePage, checkerPage, homePage, pageUrl, redFlagsPage, rootPage, searchPage, snippet, T, type Assets } from "./templates.ts";
import { checkerData, checkerScript } from "./checker.ts";
import { stems, type SearchEntry } from "./assets/search.js";

/**
 * `jol portal build`: the static site in `out`, from the same loaded flows, texts and settings as
 * the bot. Writes the pages of every language, the search indexes, the job-ad checker's data, the
 * stylesheet and scripts
 * (named by a hash of their content), the service worker, `sitemap.xml` and `robots.txt`, and
 * returns what it wrote with sizes. Fails with the list when a text is missing (a page never
 * shows a raw message id). Warnings (placeholder contacts, no base URL, no bot link) are returned
 * for the caller to print.
 *
 * @example
 * const report = buildPortal({ flows, i18n, config, out: "public", baseUrl: "https://jol.example.org/" });
 */
export interface BuildOptions {
  flows: FlowSet;
  i18n: Localizer;
  config: Pick<Config, "HOTLINE_PHONE" | "HOTLINE_HOURS" | "EMERGENCY_CONTACTS" | "TELEGRAM_BOT_USERNAME" | "WHATSAPP_NUMBER" | "PORTAL_BASE_URL">;
  out: string;
  /** Overrides PORTAL_BASE_URL. */
  baseUrl?: string;
}

export interface BuiltFile {
  /** Relative to the output folder, with "/". */
  path: string;
  kind: "page" | "asset" | "data";
  bytes: number;
  gzip: number;
}

export interface BuildReport {
  files: BuiltFile[];
  warnings: string[];
  ms: number;
}

/** A folder the build may empty: missing, empty, or made by an earlier build (it holds this marker). */
const MARKER = ".jol-portal";
const ASSET_DIR = new URL("./assets/", import.meta.url);

export class PortalBuildError extends Error {
  override name = "PortalBuildError";
}

export function buildPortal(options: BuildOptions): BuildReport {
  const started = performance.now();
  const baseUrl = options.baseUrl ?? options.config.PORTAL_BASE_URL;
  if (baseUrl !== undefined && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(baseUrl)) {
    throw new PortalBuildError(`--base-url: expected an http(s) URL like https://jol.example.org/, found ${JSON.stringify(baseUrl)}`);
  }
  const model = buildModel(options, baseUrl);
  const warnings = warningsFor(model, baseUrl);
  prepareOut(options.out);

  const files: BuiltFile[] = [];
  const write = (path: string, content: string, kind: BuiltFile["kind"]) => {
    const full = join(options.out, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    const bytes = Buffer.byteLength(content);
    files.push({ path, kind, bytes, gzip: gzipSync(content, { level: 9 }).length });
  };

  const checker = checkerScript();
  const assets: Assets = { css: hashed("style.css", readAsset("style.css")), searchJs: hashed("search.js", readAsset("search.js")), checkerJs: hashed("checker.js", checker) };
  write(assets.css, readAsset("style.css"), "asset");
  write(assets.searchJs, readAsset("search.js"), "asset");
  write(assets.checkerJs, checker, "asset");
  write("screening.json", JSON.stringify(checkerData(options.flows)), "data");

  const missing: string[] = [];
  const trs = new Map<Lang, T>(LANGS.map((lang) => [lang, new T(model, lang, missing)]));
  for (const [lang, tr] of trs) {
    write(`${lang}/index.html`, homePage(model, tr, assets), "page");
    write(`${lang}/search.html`, searchPage(model, tr, assets), "page");
    write(`${lang}/red-flags.html`, redFlagsPage(model, tr, assets), "page");
    write(`${lang}/job-check.html`, checkerPage(model, tr, assets), "page");
    for (const article of model.kb.meta.articles) write(`${lang}/${article.id}.html`, articlePage(model, tr, assets, article.id), "page");
    write(`${lang}/search.json`, JSON.stringify(searchIndex(model, tr)), "data");
  }
  write("index.html", rootPage(model, trs, assets), "page");
  if (missing.length) {
    throw new PortalBuildError(`The portal needs texts that are missing or broken:\n  ${[...new Set(missing)].join("\n  ")}\nAdd them to locales/<lang>/*.ftl (npx jol flows check lists the files).`);
  }
  write("sitemap.xml", sitemap(model), "data");
  write("robots.txt", `User-agent: *\nAllow: /\n${model.baseUrl.startsWith("http") ? `Sitemap: ${model.baseUrl}sitemap.xml\n` : ""}`, "data");
  const version = createHash("sha256").update(files.map((f) => `${f.path}:${f.bytes}:${f.gzip}`).join("|")).digest("hex").slice(0, 10);
  write("sw.js", readAsset("sw.js").replace('const VERSION = "dev";', `const VERSION = "${version}";`).replace("const ASSETS = [];", `const ASSETS = ${JSON.stringify([assets.css, assets.searchJs])};`), "asset");
  writeFileSync(join(options.out, MARKER), "Made by `jol portal build`; the next build empties this folder.\n");
  return { files, warnings, ms: performance.now() - started };
}

function readAsset(name: string): string {
  return readFileSync(new URL(name, ASSET_DIR), "utf8");
}

/** `style.css` → `style.<hash>.css`: a changed file gets a new name, so no cache serves an old one. */
function hashed(name: string, content: string): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  return name.replace(/\.(\w+)$/, `.${hash}.$1`);
}

function prepareOut(out: string): void {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, MARKER))) {
      throw new PortalBuildError(`${out} is not empty and was not made by jol portal build; choose another --out or empty it`);
    }
    rmSync(out, { recursive: true });
  }
  mkdirSync(out, { recursive: true });
}

function warningsFor(model: PortalModel, baseUrl: string | undefined): string[] {
  const warnings: string[] = [];
  if (model.contacts.demo.hotline) warnings.push("HOTLINE_PHONE is the DEMO placeholder: the pages show it marked as DEMO; set the real number before publishing");
  if (model.contacts.demo.emergency) warnings.push("EMERGENCY_CONTACTS is the DEMO placeholder: the pages show it marked as DEMO; set the real contacts before publishing");
  if (!baseUrl) warnings.push("no base URL (PORTAL_BASE_URL or --base-url): canonical, hreflang, Open Graph and sitemap URLs start at / instead of the public address");
  if (!model.bot.telegram) warnings.push("TELEGRAM_BOT_USERNAME is not set: the pages have no Telegram links to the bot");
  if (!model.bot.whatsapp) warnings.push("WHATSAPP_NUMBER is not set: the pages have no WhatsApp links to the bot");
  return warnings;
}

/** A language's search index: per article the stems of its title, keywords (its own and Russian) and text. */
function searchIndex(model: PortalModel, tr: T): SearchEntry[] {
  return model.kb.meta.articles.map((article) => {
    const title = stems(tr.part(article.id, "title"));
    const keywordLangs: Lang[] = tr.lang === "ru" ? ["ru"] : [tr.lang, "ru"];
    const keywords = stems(keywordLangs.flatMap((l) => keywordsOf(article, l)).join(" ")).filter((s) => !title.includes(s));
    const seen = new Set([...title, ...keywords]);
    const text = stems(["short", "details", "next"].map((p) => tr.part(article.id, p as "short")).join(" ")).filter((s) => !seen.has(s));
    return { u: `${article.id}.html`, t: tr.part(article.id, "title"), s: snippet(tr, article.id), a: title.join(" "), b: keywords.join(" "), c: text.join(" ") };
  });
}

/** Every page of every language, with its alternates in the other languages. */
function sitemap(model: PortalModel): string {
  const pages: { file: string; lastmod?: string }[] = [
    { file: "index.html" },
    { file: "red-flags.html" },
    { file: "job-check.html" },
    ...model.kb.meta.articles.map((a) => ({ file: `${a.id}.html`, ...(a.reviewed ? { lastmod: a.reviewed } : {}) })),
  ];
  const urls = pages.flatMap((page) =>
    LANGS.map(
      (lang) =>
        `<url><loc>${escapeHtml(pageUrl(model, lang, page.file))}</loc>${page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : ""}${LANGS.map(
          (alt) => `<xhtml:link rel="alternate" hreflang="${alt}" href="${escapeHtml(pageUrl(model, alt, page.file))}"/>`,
        ).join("")}</url>`,
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join("\n")}\n</urlset>\n`;
}
