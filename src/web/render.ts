import { html, raw, type Html } from "../portal/html.ts";
import type { Lang } from "../core/lang.ts";
import type { Chart, PageModel, Table } from "./model.ts";
import { shown } from "./model.ts";
import type { Period } from "./period.ts";

/** The dashboard's pages, in the menu's order; `admin` pages are hidden from operators. */
export const PAGES = [
  { path: "/", id: "overview", title: "web-p-overview" },
  { path: "/knowledge", id: "knowledge", title: "web-p-knowledge" },
  { path: "/checks", id: "checks", title: "web-p-checks" },
  { path: "/hotline", id: "hotline", title: "web-p-hotline" },
  { path: "/alerts", id: "alerts", title: "web-p-alerts", admin: true },
  { path: "/content", id: "content", title: "web-p-content" },
  { path: "/report", id: "report", title: "web-p-report" },
] as const;
export type PageId = (typeof PAGES)[number]["id"];

export interface View {
  t(id: string, args?: Record<string, string | number>): string;
  lang: Lang;
  admin: boolean;
  csrf: string;
}

/** The whole page around some content. */
export function layout(v: View, current: PageId | null, title: string, body: Html, options: { charts?: boolean; query?: string } = {}): string {
  const menu = PAGES.filter((p) => !("admin" in p) || v.admin).map(
    (p) => html`<a href="${p.path}${options.query ?? ""}"${p.id === current ? raw(' aria-current="page"') : ""}>${v.t(p.title)}</a>`,
  );
  const other = v.lang === "ru" ? "en" : "ru";
  return `<!doctype html>\n${html`<html lang="${v.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Jol</title><link rel="stylesheet" href="/assets/dashboard.css">${options.charts ? raw('<link rel="stylesheet" href="/assets/uPlot.min.css">') : ""}</head>
<body><header><span class="brand">Jol</span>${menu}<span class="right"><a href="?lang=${other}" hreflang="${other}">${other.toUpperCase()}</a>
<form method="post" action="/signout"><input type="hidden" name="csrf" value="${v.csrf}"><button>${v.t("web-signout")}</button></form></span></header>
<main>${body}</main>${options.charts ? raw('<script src="/assets/uPlot.iife.min.js"></script><script src="/assets/charts.js"></script>') : ""}</body></html>`}`;
}

/** A page without the menu (sign-in, refusals). */
export function bare(lang: Lang, title: string, body: Html): string {
  return `<!doctype html>\n${html`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Jol</title><link rel="stylesheet" href="/assets/dashboard.css"></head><body><main><h1>${title}</h1>${body}</main></body></html>`}`;
}

export function periodForm(v: View, period: Period): Html {
  return html`<form class="period" method="get"><label>${v.t("web-from")}<input type="date" name="from" value="${period.from}"></label>
<label>${v.t("web-to")}<input type="date" name="to" value="${period.to}"></label><button>${v.t("web-show")}</button></form>`;
}

/** A chart's value as sent to the browser: null for 1–4, so no small count is identifiable from a chart either. */
export function hiddenIfSmall(n: number): number | null {
  return n > 0 && n < 5 ? null : n;
}

function chart(v: View, c: Chart): Html {
  // Counts of 1–4 leave the page as null, drawn as a gap and read "<5" (charts.js), like the tables.
  const data = { kind: c.kind, x: c.x, xLabel: "", series: c.series.map((s) => ({ label: v.t(s.label), values: s.values.map(hiddenIfSmall) })) };
  // JSON inside <script>: "<" escaped so no "</script>" can end it early.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return html`<section class="chart" data-chart="${c.id}"><h2>${v.t(c.title)}</h2><div class="plot"></div><script type="application/json">${raw(json)}</script></section>`;
}

function table(v: View, t: Table, csv: string | null): Html {
  const small = new Set(t.small ?? []);
  return html`<section id="t-${t.id}"><h2>${v.t(t.title)}${csv === null ? "" : html`<a class="csv" href="${csv}" download>${v.t("web-csv")}</a>`}</h2>
${
  t.rows.length === 0
    ? html`<p class="empty">${v.t("web-empty")}</p>`
    : html`<table><thead><tr>${t.head.map((h) => html`<th>${v.t(h)}</th>`)}</tr></thead><tbody>${t.rows.map(
        (row) => html`<tr>${row.map((cell, i) => html`<td${typeof cell === "number" ? raw(' class="n"') : ""}>${shown(cell, small.has(i))}</td>`)}</tr>`,
      )}</tbody></table>`
}</section>`;
}

/** The figures, charts and tables of a page model. `csvBase`: the page's URL with its query, to add `csv=<table>` to. */
export function modelHtml(v: View, model: PageModel, csvBase: string | null): Html {
  const sep = csvBase?.includes("?") ? "&" : "?";
  return html`${(model.notes ?? []).map((n) => html`<p class="note">${v.t(n.id, n.args)}</p>`)}
<div class="figures">${model.figures.map((f) => html`<div class="figure"><b>${shown(f.value, f.people ?? false)}</b><span>${v.t(f.label)}</span></div>`)}</div>
${model.charts.map((c) => chart(v, c))}${model.tables.map((t) => table(v, t, csvBase === null ? null : `${csvBase}${sep}csv=${t.id}`))}`;
}
