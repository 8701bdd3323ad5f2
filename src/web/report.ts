import { html, type Html } from "../portal/html.ts";
import type { PageModel } from "./model.ts";
import { modelHtml, type View } from "./render.ts";

/** The month report for donors: the overview, knowledge, job checks and hotline on A4 pages (print CSS). */
export function reportHtml(v: View, month: string, parts: Record<"overview" | "knowledge" | "checks" | "hotline", PageModel>): Html {
  // A month's figures only: not "today", "the last 7 days" or "open now".
  const dropped = new Set(["web-f-today", "web-f-week", "web-f-period", "web-f-open-now"]);
  const trim = (m: PageModel, keep: string[]): PageModel => ({ ...m, figures: m.figures.filter((f) => !dropped.has(f.label)), tables: m.tables.filter((t) => keep.includes(t.id)), notes: [] });
  return html`<div class="report"><form class="period noprint" method="get"><label>${v.t("web-month")}<input type="month" name="month" value="${month}"></label><button>${v.t("web-show")}</button>
<button type="button" data-print>${v.t("web-print")}</button></form>
<h1>${v.t("web-report-title", { month })}</h1><p class="note">${v.t("web-report-note")}</p>
<h2>${v.t("web-p-overview")}</h2>${modelHtml(v, trim(parts.overview, ["languages", "channels", "sources"]), null)}
<h2>${v.t("web-p-knowledge")}</h2>${modelHtml(v, { ...trim(parts.knowledge, ["articles", "langs"]), tables: trim(parts.knowledge, ["articles", "langs"]).tables.map((t) => ({ ...t, rows: t.rows.slice(0, 15) })) }, null)}
<h2>${v.t("web-p-checks")}</h2>${modelHtml(v, trim(parts.checks, ["flags"]), null)}
<h2>${v.t("web-p-hotline")}</h2>${modelHtml(v, { ...trim(parts.hotline, ["outcomes", "feedback"]), charts: [] }, null)}</div>`;
}
