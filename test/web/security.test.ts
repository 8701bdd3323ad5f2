import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create.ts";
import type { App } from "../../src/app/app.ts";
import { loadConfig } from "../../src/config/load.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { redisStatsFor } from "../../src/stats/create.ts";
import { LINK_TTL_MS, SIGN_IN_LIMIT, WebAuth } from "../../src/web/auth.ts";
import { createWebApp, SESSION_COOKIE } from "../../src/web/server.ts";
import { testStore } from "../support/redis.ts";

const ADMIN = 1001;
const OPERATOR = 2002;
let app: App;
let store: RedisStore;
let web: ReturnType<typeof createWebApp>;
let auth: WebAuth;

beforeAll(async () => {
  store = await testStore("web-security");
  const config = loadConfig({ TELEGRAM_ADMIN_IDS: String(ADMIN), TELEGRAM_OPERATOR_IDS: String(OPERATOR), HOTLINE_STAFF_LANG: "en" });
  app = await createApp({ config, store, log: silentLogger });
  web = createWebApp({ ...app, stats: redisStatsFor(store, config)! });
  auth = new WebAuth(store, config);
}, 60_000);
afterAll(async () => {
  await app?.close();
});
// app.request has no socket: every attempt counts for "unknown"; each test starts with a fresh minute.
beforeEach(async () => {
  await store.delete("web:try:unknown");
});

/** Sign in through a fresh link: the session cookie. */
async function signIn(id: number): Promise<string> {
  const token = (await auth.createLink(id))!;
  const res = await web.request("/signin", { method: "POST", body: new URLSearchParams({ token }) });
  expect(res.status).toBe(303);
  const cookie = res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  expect(cookie).toMatch(/Max-Age=43200/);
  return /jol_web=([^;]+)/.exec(cookie)![1]!;
}
const get = (path: string, sid?: string) => web.request(path, sid ? { headers: { cookie: `${SESSION_COOKIE}=${sid}` } } : {});

const ROUTES = ["/", "/knowledge", "/checks", "/hotline", "/alerts", "/content", "/report", "/?csv=languages", "/hotline?csv=cases"];

describe("dashboard security", () => {
  it("every page and CSV route without a session answers 401", async () => {
    for (const path of ROUTES) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      expect(await res.text(), path).toContain("/web");
    }
    expect((await web.request("/signout", { method: "POST" })).status).toBe(401);
  });

  it("a forged or unknown cookie is refused", async () => {
    expect((await get("/", "A".repeat(43))).status).toBe(401);
    expect((await get("/", "not-a-session")).status).toBe(401);
  });

  it("only staff get links; a link works once", async () => {
    expect(await auth.createLink(4242)).toBeNull();
    const token = (await auth.createLink(OPERATOR))!;
    const first = await web.request("/signin", { method: "POST", body: new URLSearchParams({ token }) });
    expect(first.status).toBe(303);
    const again = await web.request("/signin", { method: "POST", body: new URLSearchParams({ token }) });
    expect(again.status).toBe(403);
  });

  it("the link page itself does not use the token up (link previews)", async () => {
    const token = (await auth.createLink(OPERATOR))!;
    const page = await get(`/signin/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${token}"`);
    expect((await web.request("/signin", { method: "POST", body: new URLSearchParams({ token }) })).status).toBe(303);
  });

  it("an expired link is refused", async () => {
    const token = (await auth.createLink(OPERATOR))!;
    const ttl = await store.ttl(`web:link:${token}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(LINK_TTL_MS);
    await store.expire(`web:link:${token}`, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect((await web.request("/signin", { method: "POST", body: new URLSearchParams({ token }) })).status).toBe(403);
  });

  it("operators see the pages but not the alerts or per-consultant figures; admins see both", async () => {
    const op = await signIn(OPERATOR);
    for (const path of ROUTES.filter((p) => p !== "/alerts")) expect((await get(path, op)).status, path).toBe(200);
    expect((await get("/alerts", op)).status).toBe(403);
    expect(await (await get("/hotline", op)).text()).not.toContain("t-consultants");
    expect((await get("/hotline?csv=consultants", op)).status).toBe(404);
    const admin = await signIn(ADMIN);
    expect((await get("/alerts", admin)).status).toBe(200);
    expect(await (await get("/hotline", admin)).text()).toContain("t-consultants");
  });

  it("a person removed from the staff lists is signed out at once", async () => {
    const sid = await signIn(OPERATOR);
    const narrowed = createWebApp({ ...app, config: { ...app.config, TELEGRAM_OPERATOR_IDS: [] }, stats: redisStatsFor(store, app.config)! });
    expect((await narrowed.request("/", { headers: { cookie: `${SESSION_COOKIE}=${sid}` } })).status).toBe(401);
  });

  it("a POST without the CSRF token, or with a wrong one, is refused", async () => {
    const sid = await signIn(OPERATOR);
    const post = (body: Record<string, string>) => web.request("/signout", { method: "POST", headers: { cookie: `${SESSION_COOKIE}=${sid}` }, body: new URLSearchParams(body) });
    expect((await post({})).status).toBe(403);
    expect((await post({ csrf: "x".repeat(43) })).status).toBe(403);
    expect((await get("/", sid)).status).toBe(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await (await get("/", sid)).text())![1]!;
    expect((await post({ csrf })).status).toBe(303);
    expect((await get("/", sid)).status).toBe(401);
  });

  it("the cookie is Secure behind HTTPS", async () => {
    const token = (await auth.createLink(OPERATOR))!;
    const res = await web.request("/signin", { method: "POST", headers: { "x-forwarded-proto": "https" }, body: new URLSearchParams({ token }) });
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("sign-in attempts are rate-limited", async () => {
    await store.delete("web:try:unknown");
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMIT; i++) statuses.push((await web.request("/signin", { method: "POST", body: new URLSearchParams({ token: "nope" }) })).status);
    expect(statuses.slice(0, SIGN_IN_LIMIT).every((s) => s === 403)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    await store.delete("web:try:unknown");
  });
});
