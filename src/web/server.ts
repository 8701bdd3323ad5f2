import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Hono, type Context } from "hono";
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Config } from "../config/schema.ts";
import type { Lang } from "../core/lang.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Logger } from "../core/log.ts";
import type { Store } from "../store/store.ts";
import type { Clock } from "../core/clock.ts";
import type { RedisStats } from "../stats/redis-stats.ts";
import { CaseStore } from "../cases/store.ts";
import { html } from "../portal/html.ts";
import { sameToken, SESSION_TTL_MS, WebAuth, type WebSession } from "./auth.ts";
import { contentModel } from "./content.ts";
import { toCsv, type PageModel } from "./model.ts";
import { alertsModel, checksModel, hotlineModel, knowledgeModel, overviewModel } from "./pages-data.ts";
import { monthDays, periodOf, type Period } from "./period.ts";
import { bare, layout, modelHtml, PAGES, periodForm, type PageId, type View } from "./render.ts";
import { reportHtml } from "./report.ts";

export interface WebDeps {
  config: Config;
  store: Store;
  stats: RedisStats;
  i18n: Localizer;
  log: Logger;
  clock: Clock;
}

export const SESSION_COOKIE = "jol_web";
const LANG_COOKIE = "jol_web_lang";

type Env = { Variables: { session: WebSession; view: View } };

const require = createRequire(import.meta.url);
/** The dashboard's static files: its own, and uPlot's from node_modules (no build step). */
function assets(): Map<string, { body: string; type: string }> {
  const own = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8");
  const uplot = (name: string) => readFileSync(require.resolve(`uplot/dist/${name}`), "utf8");
  return new Map([
    ["dashboard.css", { body: own("dashboard.css"), type: "text/css; charset=utf-8" }],
    ["charts.js", { body: own("charts.js"), type: "text/javascript; charset=utf-8" }],
    ["uPlot.iife.min.js", { body: uplot("uPlot.iife.min.js"), type: "text/javascript; charset=utf-8" }],
    ["uPlot.min.css", { body: uplot("uPlot.min.css"), type: "text/css; charset=utf-8" }],
  ]);
}

/**
 * The staff dashboard (docs/dashboard.md) as a Hono app: server-rendered pages over the statistics,
 * every table also as CSV, sign-in by a one-time link from the bot's `/web` command. Every route
 * but the assets and the sign-in checks the session and the role.
 */
export function createWebApp(deps: WebDeps): Hono<Env> {
  const { config, stats, i18n } = deps;
  const auth = new WebAuth(deps.store, config);
  const files = assets();
  const cases = new CaseStore(deps.store, { retentionMs: config.CASE_RETENTION_DAYS * 86_400_000 });
  const app = new Hono<Env>();
  const secure = (c: Context) => config.WEB_PUBLIC_URL?.startsWith("https:") === true || c.req.header("x-forwarded-proto") === "https";
  const langOf = (c: Context): Lang => {
    const asked = c.req.query("lang") ?? getCookie(c, LANG_COOKIE);
    return asked === "ru" || asked === "en" ? asked : config.HOTLINE_STAFF_LANG;
  };
  const today = () => stats.calendar.at(deps.clock.now()).day;

  app.use("*", async (c, next) => {
    await next();
    c.header("content-security-policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "no-referrer");
    if (!c.res.headers.has("cache-control")) c.header("cache-control", "no-store");
  });

  app.get("/assets/:file", (c) => {
    const file = files.get(c.req.param("file"));
    if (!file) return c.notFound();
    return c.body(file.body, 200, { "content-type": file.type, "cache-control": "private, max-age=3600" });
  });

  // Sign-in: the link only shows a button (link previews and scanners must not use the token up).
  app.get("/signin/:token", (c) => {
    const lang = langOf(c);
    const t = (id: string) => i18n.t(lang, id);
    return c.html(bare(lang, t("web-signin-title"), html`<form method="post" action="/signin"><input type="hidden" name="token" value="${c.req.param("token")}"><button autofocus>${t("web-signin-button")}</button></form>`));
  });
  app.post("/signin", async (c) => {
    const lang = langOf(c);
    const t = (id: string) => i18n.t(lang, id);
    const who = remoteAddress(c);
    if (!(await auth.allowAttempt(who))) return c.html(bare(lang, t("web-too-many"), html`<p>${t("web-too-many-text")}</p>`), 429);
    const form = await c.req.parseBody();
    const sid = await auth.useLink(typeof form.token === "string" ? form.token : "");
    if (!sid) {
      deps.log.info("dashboard sign-in refused (link unknown, used or expired)");
      return c.html(bare(lang, t("web-link-bad"), html`<p>${t("web-link-bad-text")}</p>`), 403);
    }
    setCookie(c, SESSION_COOKIE, sid, { httpOnly: true, secure: secure(c), sameSite: "Strict", path: "/", maxAge: SESSION_TTL_MS / 1000 });
    return c.redirect("/", 303);
  });

  // Everything below needs a session.
  app.use("*", async (c, next) => {
    const session = await auth.session(getCookie(c, SESSION_COOKIE));
    const lang = langOf(c);
    if (!session) {
      const t = (id: string) => i18n.t(lang, id);
      return c.html(bare(lang, t("web-signin-needed"), html`<p>${t("web-signin-needed-text")}</p>`), 401);
    }
    if (c.req.query("lang") === lang) setCookie(c, LANG_COOKIE, lang, { httpOnly: true, secure: secure(c), sameSite: "Strict", path: "/", maxAge: 365 * 86_400 });
    c.set("session", session);
    c.set("view", { lang, admin: session.role === "admin", csrf: session.csrf, t: (id, args) => i18n.t(lang, id, args) });
    if (c.req.method === "POST") {
      const form = await c.req.parseBody();
      if (typeof form.csrf !== "string" || !sameToken(form.csrf, session.csrf)) return c.text("CSRF token missing or wrong: reload the page and try again.\n", 403);
    }
    await next();
  });

  app.post("/signout", async (c) => {
    const sid = getCookie(c, SESSION_COOKIE);
    if (sid) await auth.signOut(sid);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/", 303);
  });

  const title = (lang: Lang) => (id: string) => (i18n.has(lang, `kb-${id}-title`) ? i18n.t(lang, `kb-${id}-title`) : id);

  /** A page over a period: HTML, or one of its tables as CSV with `?csv=<table>`. */
  const page = (id: PageId, build: (c: Context<Env>, period: Period) => Promise<PageModel>, options: { admin?: boolean; period?: boolean } = {}) => {
    const path = PAGES.find((p) => p.id === id)!.path;
    app.get(path, async (c) => {
      const v = c.get("view");
      if (options.admin && !v.admin) return c.html(bare(v.lang, v.t("web-admins-only"), html`<p>${v.t("web-admins-only-text")}</p>`), 403);
      const period = periodOf({ from: c.req.query("from"), to: c.req.query("to") }, today());
      const model = await build(c, period);
      const csv = c.req.query("csv");
      if (csv !== undefined) {
        const table = model.tables.find((t) => t.id === csv);
        if (!table) return c.text(`No table "${csv}" on this page: use one of ${model.tables.map((t) => t.id).join(", ")}.\n`, 404);
        return c.body(toCsv(table, table.head.map((h) => v.t(h))), 200, {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="jol-${id}-${table.id}-${period.from}-${period.to}.csv"`,
        });
      }
      const query = options.period === false ? "" : `?from=${period.from}&to=${period.to}`;
      const pageTitle = v.t(PAGES.find((p) => p.id === id)!.title);
      const body = html`<h1>${pageTitle}</h1>${options.period === false ? "" : periodForm(v, period)}${modelHtml(v, model, `${path}${query}`)}`;
      return c.html(layout(v, id, pageTitle, body, { charts: model.charts.length > 0, query }));
    });
  };

  page("overview", (_c, period) => overviewModel(stats, period, today()));
  page("knowledge", (c, period) => knowledgeModel(stats, period, title(c.get("view").lang)));
  page("checks", (_c, period) => checksModel(stats, period));
  page("hotline", async (c, period) => {
    const now = deps.clock.now();
    const open = [];
    for (const caseId of await cases.openIds()) {
      const one = await cases.get(caseId);
      if (one && one.status !== "closed") open.push({ id: one.id, status: i18n.t(c.get("view").lang, "case-staff-status", { status: one.status }), ageMinutes: Math.round((now - one.opened) / 60_000) });
    }
    return hotlineModel(stats, period, { slaMinutes: config.HOTLINE_SLA_MINUTES, admin: c.get("view").admin, open });
  });
  page("alerts", (_c, period) => alertsModel(stats, period), { admin: true });
  page("content", async (c) => contentModel(config.FLOWS_DIR, config.CONTENT_REVIEW_DAYS, today(), title(c.get("view").lang)), { period: false });

  app.get("/report", async (c) => {
    const v = c.get("view");
    const asked = c.req.query("month");
    const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) && asked <= today().slice(0, 7) ? asked : today().slice(0, 7);
    const days = monthDays(month).filter((d) => d <= today());
    const period: Period = { from: days[0]!, to: days.at(-1)!, days, today: today() };
    const [overview, knowledge, checks, hotline] = await Promise.all([
      overviewModel(stats, period, period.to),
      knowledgeModel(stats, period, title(v.lang)),
      checksModel(stats, period),
      hotlineModel(stats, period, { slaMinutes: config.HOTLINE_SLA_MINUTES, admin: false, open: [] }),
    ]);
    const pageTitle = v.t("web-report-title", { month });
    return c.html(layout(v, "report", pageTitle, reportHtml(v, month, { overview, knowledge, checks, hotline }), { charts: true, query: "" }));
  });

  app.notFound((c) => c.text("not found\n", 404));
  app.onError((error, c) => {
    deps.log.error("dashboard request failed", { path: c.req.path, error: error.message });
    return c.text("internal error\n", 500);
  });
  return app;
}

/** The peer's address for the sign-in rate limit (the socket's, not a header anyone can write). */
function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown"; // not behind Node's HTTP server (app.request in tests)
  }
}
