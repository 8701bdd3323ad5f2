import type { FluentVariable } from "@fluent/bundle";
import { LANGS, type Lang } from "../core/lang.ts";
import { formatDate } from "../knowledge/articles.ts";
import { messageId, type ArticlePart } from "../knowledge/metadata.ts";
import { html, raw, textBlocks, type Html } from "./html.ts";
import { telegramLink, unlisted, whatsappLink, type BotTarget, type PortalModel } from "./model.ts";

/**
 * The portal's pages as HTML strings: one layout (head with hreflang alternates and Open Graph
 * tags, language switcher, hotline and emergency contacts in the footer) around the home page,
 * the article pages, the red-flags page and the search page of each language, plus the root
 * page that lists the languages. Every text comes from the Fluent files through `T`.
 */

/** Renders texts of one language and notes every missing message (the build fails on any). */
export class T {
  constructor(
    private readonly model: PortalModel,
    readonly lang: Lang,
    private readonly missing: string[],
  ) {}

  t(id: string, args?: Record<string, FluentVariable>): string {
    const errors: Error[] = [];
    const text = this.model.i18n.has(this.lang, id) ? this.model.i18n.t(this.lang, id, { ...this.contactArgs(), ...args }, errors) : "";
    if (!text || errors.length) this.missing.push(`${this.lang}: ${id}${errors.length ? ` (${errors.map((e) => e.message).join("; ")})` : ""}`);
    return text || id;
  }

  part(article: string, part: ArticlePart): string {
    return this.t(messageId(article, part));
  }

  private contactArgs(): Record<string, string> {
    const c = this.model.contacts;
    return { hotlinePhone: c.hotlinePhone, hotlineHours: c.hotlineHours, emergency: c.emergency.join(", ") };
  }
}

/** Files of the site shared by every page (their names carry a hash of their content). */
export interface Assets {
  css: string;
  searchJs: string;
  checkerJs: string;
}

/** A page of one language, at `<lang>/<file>`. */
export interface PageOptions {
  file: string;
  title: string;
  description: string;
  type: "website" | "article";
  body: Html;
  scripts?: string[];
}

const OG_LOCALES: Record<Lang, string> = { ru: "ru_RU", kk: "kk_KZ", uz: "uz_UZ", ky: "ky_KG", tg: "tg_TJ", en: "en_GB" };

/** Link from a page of a language folder to a page of (another) language. */
export function pageHref(from: Lang, to: Lang, file: string): string {
  const name = file === "index.html" ? "" : file;
  if (from === to) return name || "./";
  return `../${to}/${name}`;
}

/** The public URL of a page (absolute when a base URL is set, else from the site root). */
export function pageUrl(model: PortalModel, lang: Lang | undefined, file: string): string {
  const name = file === "index.html" ? "" : file;
  return `${model.baseUrl}${lang ? `${lang}/` : ""}${name}`;
}

export function layout(model: PortalModel, tr: T, assets: Assets, page: PageOptions): string {
  const lang = tr.lang;
  const site = tr.t("portal-site-name");
  const fullTitle = page.file === "index.html" ? `${site} — ${page.title}` : `${page.title} — ${site}`;
  return `<!doctype html>\n${html`<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${page.description}">
<link rel="canonical" href="${pageUrl(model, lang, page.file)}">
${LANGS.map((l) => html`<link rel="alternate" hreflang="${l}" href="${pageUrl(model, l, page.file)}">\n`)}<link rel="alternate" hreflang="x-default" href="${pageUrl(model, undefined, "index.html")}">
<meta property="og:site_name" content="${site}">
<meta property="og:type" content="${page.type}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${page.description}">
<meta property="og:url" content="${pageUrl(model, lang, page.file)}">
<meta property="og:locale" content="${OG_LOCALES[lang]}">
${LANGS.filter((l) => l !== lang).map((l) => html`<meta property="og:locale:alternate" content="${OG_LOCALES[l]}">\n`)}<meta name="twitter:card" content="summary">
<meta name="theme-color" content="#0a3a8c">
<link rel="stylesheet" href="../${assets.css}">
${(page.scripts ?? []).map((s) => html`<script type="module" src="../${s}"></script>\n`)}</head>
<body>
<a class="skip" href="#main">${tr.t("portal-skip")}</a>
<header><div class="wrap">
<a class="brand" href="./">${site}</a>
<a class="hl" href="#hotline-h">${tr.t("portal-hotline")}</a>
<nav class="langs" aria-label="${tr.t("portal-languages")}">
${LANGS.map((l) =>
  l === lang
    ? html`<a href="${pageHref(lang, l, page.file)}" lang="${l}" hreflang="${l}" aria-current="page">${model.i18n.t(l, "language-name")}</a>\n`
    : html`<a href="${pageHref(lang, l, page.file)}" lang="${l}" hreflang="${l}">${model.i18n.t(l, "language-name")}</a>\n`,
)}</nav>
</div></header>
<main id="main"><div class="wrap">
${page.body}
</div></main>
${footer(model, tr)}
<script>if ("serviceWorker" in navigator) navigator.serviceWorker.register("../sw.js").catch(function () {});</script>
</body>
</html>
`}`;
}

/** A menu label without its leading emoji (a phone shows them; a page needs no picture to say it). */
function plain(label: string): string {
  return label.replace(/^[\p{Extended_Pictographic}\p{Regional_Indicator}\uFE0F\u200D\s]+/u, "");
}

/** A contact with a "DEMO" badge when it is the shipped placeholder; phone numbers become tel: links. */
function contact(value: string, demo: boolean, tr: T): Html {
  const phone = /^\+?\d[\d\s()-]{1,20}\d/.exec(value)?.[0];
  const shown = phone && !demo ? html`<a href="tel:${phone.replace(/[^\d+]/g, "")}">${phone}</a>${value.slice(phone.length)}` : html`${value}`;
  return demo ? html`${shown} <strong class="demo">${tr.t("portal-demo")}</strong>` : shown;
}

function footer(model: PortalModel, tr: T): Html {
  const c = model.contacts;
  return html`<footer><div class="wrap">
<section aria-labelledby="hotline-h">
<h2 id="hotline-h">${tr.t("portal-hotline")}</h2>
<p class="hotline">${contact(tr.t("portal-hotline-phone", { phone: c.hotlinePhone, hours: c.hotlineHours }), c.demo.hotline, tr)}</p>
<h2>${tr.t("portal-emergency")}</h2>
<ul class="emergency">${c.emergency.map((e) => html`<li>${contact(e, c.demo.emergency, tr)}</li>`)}</ul>
</section>
<p>${tr.t("portal-disclaimer")}</p>
</div></footer>`;
}

/** "Ask in Telegram / WhatsApp" buttons (nothing when no bot link is configured). */
function botButtons(model: PortalModel, tr: T, target: BotTarget): Html {
  const telegram = telegramLink(model.bot, tr.lang, target);
  const whatsapp = whatsappLink(model.bot, tr.lang, target);
  if (!telegram && !whatsapp) return html``;
  return html`<p class="btns">${telegram && html`<a class="btn tg" href="${telegram}" rel="noopener">${tr.t("portal-ask-telegram")}</a>`}
${whatsapp && html`<a class="btn wa" href="${whatsapp}" rel="noopener">${tr.t("portal-ask-whatsapp")}</a>`}</p>`;
}

function topicList(ids: string[], tr: T): Html {
  return html`<ul class="topics">${ids.map((id) => html`<li><a href="${id}.html">${tr.part(id, "title")}</a></li>`)}</ul>`;
}

/** The first line of an article's short answer, for descriptions and search results. */
export function snippet(tr: T, id: string): string {
  const first = tr.part(id, "short").split("\n").map((l) => l.replace(/^[•\-–]\s*/, "").trim()).find(Boolean) ?? "";
  return first.length > 160 ? `${first.slice(0, 157).trimEnd()}…` : first;
}

export function homePage(model: PortalModel, tr: T, assets: Assets): string {
  const more = unlisted(model);
  const body = html`<h1>${tr.t("portal-tagline")}</h1>
<p class="lead">${tr.t("portal-description")}</p>
${searchForm(tr)}
${model.roads.map(
  (road) => html`<section class="road" id="${road.id}"><h2>${plain(tr.t(road.label))}</h2>
${road.groups.map((g) => html`${g.label && html`<h3>${tr.t(g.label)}</h3>`}${topicList(g.articles, tr)}`)}</section>
`,
)}${more.length > 0 && html`<section><h2>${tr.t("portal-more-topics")}</h2>${topicList(more, tr)}</section>`}
<section class="box" id="red-flags"><h2>${tr.t("portal-flags-title")}</h2>
<p>${tr.t("portal-flags-intro")}</p>
<ul>${model.catalogue.indicators.map((ind) => html`<li><a href="red-flags.html#${ind.id}">${tr.t(`scr-ind-${ind.id}`)}</a></li>`)}</ul>
<p><a href="red-flags.html">${tr.t("portal-flags-more")}</a></p>
<p><a href="job-check.html">${tr.t("portal-checker-link")}</a></p>
<p>${tr.t("portal-flags-check")}</p>
${botButtons(model, tr, "job-check")}</section>
<section class="box" id="bot"><h2>${tr.t("portal-bot-title")}</h2>
<p>${tr.t("portal-bot-intro")}</p>
${botButtons(model, tr, "home")}</section>`;
  return layout(model, tr, assets, { file: "index.html", title: tr.t("portal-tagline"), description: tr.t("portal-description"), type: "website", body });
}

export function articlePage(model: PortalModel, tr: T, assets: Assets, id: string): string {
  const meta = model.kb.article(id)!;
  const related = model.kb.related(id);
  const body = html`<p class="crumbs"><a href="./">${tr.t("portal-home")}</a></p>
<article>
<h1>${tr.part(id, "title")}</h1>
<div class="lead">${textBlocks(tr.part(id, "short"))}</div>
${meta.reviewed && html`<p class="checked">${tr.t("kb-checked", { date: formatDate(meta.reviewed) })}</p>`}
<h2>${tr.t("portal-details")}</h2>
${textBlocks(tr.part(id, "details"))}
<h2>${tr.t("portal-next")}</h2>
${textBlocks(tr.part(id, "next"))}
<h2>${tr.t("portal-sources")}</h2>
<ul class="sources">${meta.sources.map((s) => html`<li>${s}</li>`)}</ul>
</article>
${related.length > 0 && html`<nav aria-labelledby="related-h"><h2 id="related-h">${tr.t("portal-related")}</h2>${topicList(related, tr)}</nav>`}
<aside class="box ask"><p>${tr.t("portal-ask")}</p>${botButtons(model, tr, { article: id })}</aside>`;
  return layout(model, tr, assets, { file: `${id}.html`, title: tr.part(id, "title"), description: snippet(tr, id), type: "article", body });
}

export function redFlagsPage(model: PortalModel, tr: T, assets: Assets): string {
  const { catalogue } = model;
  const body = html`<p class="crumbs"><a href="./">${tr.t("portal-home")}</a></p>
<h1>${tr.t("portal-flags-title")}</h1>
<p class="lead">${tr.t("portal-flags-intro")}</p>
${catalogue.indicators.map((ind) => {
  const flags = catalogue.flags.filter((f) => f.indicator === ind.id);
  return html`<section class="flag-ind" id="${ind.id}"><h2>${tr.t(`scr-ind-${ind.id}`)}</h2>
<p>${tr.t(`scr-ind-${ind.id}-explain`)}</p>
${flags.length > 0 && html`<h3>${tr.t("portal-flags-signs")}</h3><ul>${flags.map((f) => html`<li>${tr.t(`scr-flag-${f.id}`)}</li>`)}</ul>`}
<h3>${tr.t("portal-flags-advice")}</h3>
<p>${tr.t(`scr-ind-${ind.id}-advice`)}</p>
<p class="sources">${tr.t("portal-flags-dims", { dims: ind.dimensions.map((d) => tr.t(`scr-dim-${d}`)).join(", ") })}</p>
</section>
`;
})}<aside class="box"><p><a href="job-check.html">${tr.t("portal-checker-link")}</a></p><p>${tr.t("portal-flags-check")}</p>${botButtons(model, tr, "job-check")}</aside>`;
  return layout(model, tr, assets, { file: "red-flags.html", title: tr.t("portal-flags-title"), description: tr.t("portal-flags-intro"), type: "article", body });
}

/**
 * The offline job-ad checker: the bot's analyser in the page (see src/portal/checker.ts). The
 * texts it shows are rendered here, as JSON the script reads; without JavaScript the page says
 * so and links to the bot.
 */
export function checkerPage(model: PortalModel, tr: T, assets: Assets): string {
  const texts = {
    none: tr.t("scr-ad-none"),
    risk: { low: plain(tr.t("scr-ad-risk-low")), medium: plain(tr.t("scr-ad-risk-medium")), high: plain(tr.t("scr-ad-risk-high")) },
    line: tr.t("scr-ad-flag-line", { quote: "{quote}", explain: "{explain}" }).replace(/^•\s*/, ""),
    flags: Object.fromEntries(model.catalogue.flags.map((f) => [f.id, tr.t(`scr-flag-${f.id}`)])),
    invite: tr.t("scr-ad-invite"),
  };
  // JSON inside <script>: "<" escaped so no text can close the element.
  const json = JSON.stringify(texts).replace(/</g, "\\u003c");
  const body = html`<p class="crumbs"><a href="./">${tr.t("portal-home")}</a> · <a href="red-flags.html">${tr.t("portal-flags-title")}</a></p>
<h1>${tr.t("portal-checker-title")}</h1>
<p class="lead">${tr.t("portal-checker-intro")}</p>
<p id="checker-nojs">${tr.t("portal-checker-nojs")}</p>
<form id="checker" class="search" hidden>
<label for="ad">${tr.t("portal-checker-label")}</label>
<textarea id="ad" name="ad" rows="8"></textarea>
<p><button type="submit">${tr.t("portal-checker-button")}</button></p>
</form>
<div id="checker-result" role="status"></div>
<script type="application/json" id="checker-texts">${raw(json)}</script>
<aside class="box"><p>${tr.t("portal-flags-check")}</p>${botButtons(model, tr, "job-check")}</aside>`;
  return layout(model, tr, assets, { file: "job-check.html", title: tr.t("portal-checker-title"), description: tr.t("portal-checker-intro"), type: "website", body, scripts: [assets.checkerJs] });
}

function searchForm(tr: T): Html {
  return html`<form class="search" action="search.html" method="get" role="search">
<label for="q">${tr.t("portal-search-label")}</label>
<div class="row"><input id="q" name="q" type="search" placeholder="${tr.t("portal-search-placeholder")}" autocomplete="off"><button type="submit">${tr.t("portal-search-button")}</button></div>
</form>`;
}

export function searchPage(model: PortalModel, tr: T, assets: Assets): string {
  const all = model.kb.meta.articles.map((a) => a.id);
  const body = html`<p class="crumbs"><a href="./">${tr.t("portal-home")}</a></p>
<h1>${tr.t("portal-search-title")}</h1>
${searchForm(tr)}
<p id="search-status" role="status">${tr.t("portal-search-nojs")}</p>
<div id="results" data-found="${tr.t("portal-search-results", { query: "{q}" })}" data-none="${tr.t("portal-search-none")}"></div>
<h2>${tr.t("portal-all-topics")}</h2>
${topicList(all, tr)}`;
  return layout(model, tr, assets, { file: "search.html", title: tr.t("portal-search-title"), description: tr.t("portal-description"), type: "website", body, scripts: [assets.searchJs] });
}

/** The site root: the six languages, each in its own name, with its tagline. */
export function rootPage(model: PortalModel, trs: Map<Lang, T>, assets: Assets): string {
  const first = trs.get("ru")!;
  return `<!doctype html>\n${html`<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${first.t("portal-site-name")}</title>
<meta name="description" content="${first.t("portal-description")}">
<link rel="canonical" href="${pageUrl(model, undefined, "index.html")}">
${LANGS.map((l) => html`<link rel="alternate" hreflang="${l}" href="${pageUrl(model, l, "index.html")}">\n`)}<link rel="alternate" hreflang="x-default" href="${pageUrl(model, undefined, "index.html")}">
<meta property="og:site_name" content="${first.t("portal-site-name")}">
<meta property="og:type" content="website">
<meta property="og:title" content="${first.t("portal-site-name")}">
<meta property="og:description" content="${first.t("portal-description")}">
<meta property="og:url" content="${pageUrl(model, undefined, "index.html")}">
<meta name="twitter:card" content="summary">
<link rel="stylesheet" href="${assets.css}">
</head>
<body>
<header><div class="wrap"><span class="brand">${first.t("portal-site-name")}</span></div></header>
<main id="main"><div class="wrap">
<ul class="topics">
${LANGS.map((l) => html`<li lang="${l}"><a href="${l}/" hreflang="${l}"><strong>${model.i18n.t(l, "language-name")}</strong></a><br>${trs.get(l)!.t("portal-tagline")}</li>\n`)}</ul>
</div></main>
<script>if ("serviceWorker" in navigator) navigator.serviceWorker.register("sw.js").catch(function () {});</script>
</body>
</html>
`}`;
}

