import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create.ts";
import type { App } from "../../src/app/app.ts";
import { loadConfig } from "../../src/config/load.ts";
import { userKey, type Address } from "../../src/core/address.ts";
import type { Input } from "../../src/core/messages.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { redisStatsFor } from "../../src/stats/create.ts";
import type { RedisStats } from "../../src/stats/redis-stats.ts";
import { testStore } from "../support/redis.ts";

// 2026-12-02 11:00 in Almaty (HOTLINE_TIMEZONE's default).
const NOW = Date.parse("2026-12-02T06:00:00Z");
const DAY = "2026-12-02";

let app: App;
let store: RedisStore;
let stats: RedisStats;
let n = 0;

async function send(address: Address, input: Input): Promise<string[]> {
  const result = await app.router.handle({ address, messageId: String(++n), input }, async () => undefined);
  await app.router.idle();
  return result.replies.flatMap((r) => r.keys ?? []);
}

/** Every statistics key and value, as text. */
async function dump(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of await store.client.keys(`${store.prefix}st:*`)) {
    const type = await store.client.type(key);
    out.set(key, type === "hash" ? JSON.stringify(await store.client.hgetall(key)) : (await store.client.getBuffer(key))!.toString("latin1"));
  }
  return out;
}

beforeAll(async () => {
  store = await testStore("stats");
  app = await createApp({ config: loadConfig({}), store, log: silentLogger, clock: { now: () => NOW } });
  stats = redisStatsFor(store, app.config)!;
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe("counting through the router", () => {
  const a: Address = { channel: "telegram", id: "5551234" };
  const b: Address = { channel: "console", id: "walk-in-77" };

  it("a scripted conversation produces exactly the expected counters", async () => {
    expect(await send(a, { kind: "command", name: "start", arg: "kb-stay-rules_ru" })).toContain("kb-stay-rules-title");
    await send(a, { kind: "text", text: "квантовая хромодинамика глюоны" });
    await send(b, { kind: "command", name: "start", arg: "kb-stay-rules_en" });
    await send(b, { kind: "command", name: "menu" });

    const day = (await stats.days([DAY])).get(DAY)!;
    const flows = Object.fromEntries(Object.entries(day).filter(([f]) => f.startsWith("flow:")));
    const rest = Object.fromEntries(Object.entries(day).filter(([f]) => !f.startsWith("flow:")));
    expect(rest).toEqual({
      m: 4,
      "m:ch:telegram": 2,
      "m:ch:console": 2,
      "m:lang:ru": 2,
      "m:lang:en": 2,
      "h:11": 4,
      u: 2,
      "u:ch:telegram": 1,
      "u:ch:console": 1,
      "u:lang:ru": 1,
      "u:lang:en": 1,
      "src:portal": 2,
      "art:stay-rules": 2,
      "art:lang:ru": 1,
      "art:lang:en": 1,
      miss: 1,
      "miss:lang:ru": 1,
      "q:глюоны квантовая хромодинамика": 1,
    });
    expect(Object.values(flows).reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
    expect(await stats.uniques([{ days: [DAY] }, { months: ["2026-12"] }])).toEqual([2, 2]);
  });

  it("/forget removes nothing from the aggregates, and no user id is in any stats key or value", async () => {
    const before = await dump();
    await send(a, { kind: "command", name: "forget" });
    const after = await dump();
    const day = (await stats.days([DAY])).get(DAY)!;
    expect(day.m).toBe(5);
    expect(await stats.uniques([{ days: [DAY] }])).toEqual([2]);
    // Every key that existed is still there.
    for (const key of before.keys()) expect(after.has(key)).toBe(true);
    for (const [key, value] of after) {
      for (const id of ["5551234", "walk-in-77", userKey(a), userKey(b)]) {
        expect(key).not.toContain(id);
        expect(value).not.toContain(id);
      }
      expect(value).not.toContain("квантовая хромодинамика глюоны"); // the raw question, only its sorted words
    }
  });

  it("keys expire after STATS_RETENTION_DAYS", async () => {
    for (const key of (await dump()).keys()) {
      const ttl = await store.client.pttl(key);
      expect(ttl).toBeGreaterThan(729 * 86_400_000);
      expect(ttl).toBeLessThanOrEqual(730 * 86_400_000);
    }
  });
});
