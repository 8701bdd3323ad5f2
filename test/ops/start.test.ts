import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect, createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiStandIn, testUser, updates } from "../support/bot-api/index.ts";
import { testRedisUrl, testStore } from "../support/redis.ts";
import { CaseStore } from "../../src/cases/store.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { cleanEnv, freePort, get, JolProcess, PrivateRedis, waitUntil } from "./rig.ts";

const TOKEN = "123456:TEST-token-for-the-ops-tests_0123";

/** Every sample of `name` whose labels include all of `labels`, summed (undefined: no such sample). */
function value(metrics: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let total: number | undefined;
  for (const line of metrics.split("\n")) {
    const match = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = match[2] ?? "";
    if (Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) total = (total ?? 0) + Number(match[3]);
  }
  return total;
}

/** The container's HEALTHCHECK command against this process's operations port: its exit code. */
function healthcheck(port: string): number | null {
  return spawnSync(process.execPath, ["bin/healthcheck.js"], { env: cleanEnv({ OPS_PORT: port }), encoding: "utf8", timeout: 30_000 }).status;
}

/** A TCP relay to the stand-in, started late: until then the Bot API is unreachable (connection refused). */
function relayTo(target: number, port: number): Promise<Server> {
  const server = createServer((socket) => {
    const upstream = connect(target, "127.0.0.1");
    socket.pipe(upstream).pipe(socket);
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

describe("jol start: operations endpoints, polling mode", { timeout: 180_000 }, () => {
  let api: BotApiStandIn;
  let relay: Server | undefined;
  let jol: JolProcess;
  let store: RedisStore;
  let ops: string;
  let relayPort: number;
  const metrics = async () => (await get(`${ops}/metrics`))?.body ?? "";

  beforeAll(async () => {
    api = await BotApiStandIn.start();
    store = await testStore("ops");
    relayPort = await freePort();
    const opsPort = await freePort();
    ops = `http://127.0.0.1:${opsPort}`;
    jol = new JolProcess(["start"], {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${relayPort}`,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: store.prefix,
      OPS_PORT: String(opsPort),
    });
  });

  afterAll(async () => {
    await jol?.stop();
    relay?.close();
    await api?.close();
    await store?.close();
  });

  it("is alive but not ready while Telegram cannot be reached, and says so once in the log", async () => {
    const warning = await jol.line(/Telegram unreachable at/);
    expect(warning).toContain(`Telegram unreachable at http://127.0.0.1:${relayPort}, retrying every 5 s; check network/proxy/TELEGRAM_API_ROOT`);
    expect(JSON.parse(warning)).toMatchObject({ level: "warn" });
    const health = await waitUntil(() => get(`${ops}/healthz`), "/healthz");
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: "ok" });
    const ready = await get(`${ops}/readyz`);
    expect(ready?.status).toBe(503);
    const report = JSON.parse(ready?.body ?? "{}") as { ready: boolean; reasons: string[]; checks: { redis: string } };
    expect(report.ready).toBe(false);
    expect(report.checks.redis).toBe("ok");
    expect(report.reasons).toEqual(expect.arrayContaining(["telegram: not connected"]));
    expect(jol.lines.filter((l) => l.includes("Telegram unreachable"))).toHaveLength(1);
    expect(healthcheck(new URL(ops).port)).toBe(1);
  });

  it("becomes ready when Telegram answers, and logs the recovery", async () => {
    relay = await relayTo(Number(new URL(api.apiRoot).port), relayPort);
    await jol.line(/Telegram reachable again at/);
    const ready = await waitUntil(async () => {
      const r = await get(`${ops}/readyz`);
      return r?.status === 200 ? r : undefined;
    }, "/readyz 200");
    expect(JSON.parse(ready.body)).toMatchObject({ ready: true, reasons: [], checks: { redis: "ok", channels: { telegram: true }, started: true } });
    const text = await metrics();
    expect(value(text, "jol_channel_connected", { channel: "telegram" })).toBe(1);
    expect(healthcheck(new URL(ops).port)).toBe(0);
  });

  it("counts messages in and out by channel and language, and times them", async () => {
    const user = testUser(4201, "en");
    api.pushUpdate(updates.command(user, "start"));
    await api.waitForCalls("sendMessage", 1, { chatId: user.id, timeoutMs: 60_000 });
    const text = await waitUntil(async () => {
      const t = await metrics();
      return (value(t, "jol_messages_out_total", { channel: "telegram" }) ?? 0) > 0 ? t : undefined;
    }, "jol_messages_out_total");
    expect(value(text, "jol_messages_in_total", { channel: "telegram", lang: "ru" })).toBe(1);
    expect(value(text, "jol_messages_out_total", { channel: "telegram", lang: "ru" })).toBeGreaterThanOrEqual(1);
    expect(value(text, "jol_handle_seconds_count", { channel: "telegram" })).toBe(1);
    expect(value(text, "jol_handle_seconds_bucket", { channel: "telegram", le: "+Inf" })).toBe(1);
    expect(text).toContain("# TYPE jol_handle_seconds histogram");
  });

  it("counts 429 answers and errors by kind", async () => {
    api.fail({ method: "sendMessage", times: 1, code: 429, retryAfter: 1 });
    const patient = testUser(4202, "ru");
    api.pushUpdate(updates.command(patient, "start"));
    await api.waitForCalls("sendMessage", 1, { chatId: patient.id, timeoutMs: 60_000 });
    const blocked = testUser(4203, "ru");
    api.fail({ chatId: blocked.id, times: Infinity, code: 403 });
    api.pushUpdate(updates.command(blocked, "start"));
    const text = await waitUntil(async () => {
      const t = await metrics();
      return value(t, "jol_errors_total", { kind: "blocked" }) ? t : undefined;
    }, 'jol_errors_total{kind="blocked"}');
    expect(value(text, "jol_rate_limited_total", { channel: "telegram" })).toBe(1);
    expect(value(text, "jol_errors_total", { kind: "blocked" })).toBe(1);
    expect(value(text, "jol_messages_in_total", { channel: "telegram" })).toBe(3);
  });

  it("reports the outbox, open cases, cases past the SLA, alerts and the Redis round trip", async () => {
    const now = Date.now();
    await store.rpush("wa:outbox", JSON.stringify({ address: { channel: "whatsapp", id: "77001234567" }, messages: [{ text: "x" }], at: now - 90_000 }));
    const cases = new CaseStore(store, { retentionMs: 86_400_000 });
    const base = { user: { channel: "telegram" as const, id: "4299" }, lang: "ru" as const, priority: "normal" as const, reason: "menu" as const, summary: {}, contact: false, left: false };
    await cases.create({ ...base, status: "waiting", opened: now - 8 * 86_400_000 });
    await cases.create({ ...base, user: { channel: "telegram", id: "4298" }, status: "waiting", opened: now });
    const text = await metrics();
    expect(value(text, "jol_outbox_depth", { outbox: "whatsapp" })).toBe(1);
    expect(value(text, "jol_outbox_oldest_seconds", { outbox: "whatsapp" })).toBeGreaterThanOrEqual(90);
    expect(value(text, "jol_cases_open")).toBe(2);
    expect(value(text, "jol_cases_past_sla")).toBe(1);
    expect(value(text, "jol_alerts_in_progress")).toBe(0);
    expect(value(text, "jol_redis_rtt_seconds")).toBeGreaterThan(0);
    expect(text).toContain("process_cpu_seconds_total");
  });

  it("answers 404 elsewhere and stops cleanly on SIGTERM", async () => {
    expect((await get(`${ops}/nothing`))?.status).toBe(404);
    expect(await jol.stop()).toBe(0);
    expect(jol.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    expect(await get(`${ops}/healthz`)).toBeUndefined();
  });
});

describe("jol start: webhook mode while Redis goes away", { timeout: 180_000 }, () => {
  let api: BotApiStandIn;
  let redis: PrivateRedis;
  let jol: JolProcess;

  beforeAll(async () => {
    api = await BotApiStandIn.start();
    redis = await PrivateRedis.start();
  });

  afterAll(async () => {
    jol?.child.kill("SIGKILL");
    await redis?.stop();
    await api?.close();
  });

  it("answers the webhook with 503 and /readyz with the reason once Redis stops answering", async () => {
    const [opsPort, webhookPort] = [await freePort(), await freePort()];
    const ops = `http://127.0.0.1:${opsPort}`;
    jol = new JolProcess(["start"], {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram",
      TELEGRAM_WEBHOOK_SECRET: "s3cret-Webhook_token",
      TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
      TELEGRAM_WEBHOOK_PORT: String(webhookPort),
      REDIS_URL: redis.url,
      REDIS_PREFIX: `ops:${randomBytes(4).toString("hex")}:`,
      OPS_PORT: String(opsPort),
    });
    await waitUntil(async () => ((await get(`${ops}/readyz`))?.status === 200 ? true : undefined), "/readyz 200");
    const url = `http://127.0.0.1:${webhookPort}/`;
    const user = testUser(4301, "ru");
    expect((await api.postUpdate(updates.command(user, "start"), { url })).status).toBe(200);

    await redis.stop();
    const report = await waitUntil(async () => {
      const r = await get(`${ops}/readyz`);
      return r?.status === 503 ? (JSON.parse(r.body) as { reasons: string[]; checks: { redis: string } }) : undefined;
    }, "/readyz 503");
    expect(report.checks.redis).toBe("down");
    expect(report.reasons.some((r) => r.startsWith("redis: "))).toBe(true);
    await jol.line(/not ready: Redis does not answer/);
    const refused = await api.postUpdate(updates.text(user, "hello"), { url });
    expect(refused.status).toBe(503);
    expect((await get(`${ops}/healthz`))?.status).toBe(200);
  });
});
