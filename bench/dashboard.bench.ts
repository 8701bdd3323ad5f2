/**
 * `npx tsx bench/dashboard.bench.ts` — the dashboard and the counting behind it, on real Redis.
 * Not a test: nothing here runs in `npm test`. Figures in docs/benchmark.md.
 *
 * 1. Counting: the CPU one message's statistics cost (the events of a message that reads an
 *    article: `RedisStats.record`, one script call), in this process and in Redis, 32 at a time
 *    (auto-pipelined, as under load), to compare with `npm run bench`'s CPU per message.
 * 2. The overview page over a year of generated statistics for 100,000 people (about 3,000 a
 *    day): server-side render time of `GET /?from=<a year ago>` (and the month report), through
 *    the Hono app in-process, median and worst of 20.
 *
 *   npx tsx bench/dashboard.bench.ts [--users 100000] [--per-day 3000] [--records 20000]
 * Keys go under a fresh `bench:<random>:` prefix, deleted at the end.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { createApp } from "../src/app/create.ts";
import { loadConfig } from "../src/config/load.ts";
import { silentLogger } from "../src/core/log.ts";
import { RedisStore } from "../src/store/redis.ts";
import { redisStatsFor } from "../src/stats/create.ts";
import { WebAuth } from "../src/web/auth.ts";
import { createWebApp, SESSION_COOKIE } from "../src/web/server.ts";
import { addDays } from "../src/web/period.ts";
import { generateStats } from "../test/web/generate.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    "per-day": { type: "string", default: "3000" },
    records: { type: "string", default: "20000" },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
  },
});
const NOW = Date.parse("2026-12-02T06:00:00Z");
const TODAY = "2026-12-02";

async function redisCpu(store: RedisStore): Promise<number> {
  const info = await store.client.info("cpu");
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? NaN);
  return field("used_cpu_user") + field("used_cpu_sys");
}

async function main(): Promise<void> {
  const prefix = `bench:${randomBytes(4).toString("hex")}:`;
  const store = await RedisStore.connect({ url: args.redis, prefix });
  const config = loadConfig({ LOG_LEVEL: "silent", TELEGRAM_ADMIN_IDS: "1" });
  const app = await createApp({ config, store, log: silentLogger, clock: { now: () => NOW } });
  const stats = redisStatsFor(store, config)!;
  try {
    // 1. Counting.
    const n = Number(args.records);
    // Five messages per user, as a short conversation (the user's tag is computed once per user).
    const one = (i: number) => stats.record([{ k: "message", user: `telegram:${Math.floor(i / 5)}`, channel: "telegram", lang: "ru" }, { k: "article", id: "stay-rules", lang: "ru" }], NOW);
    for (let i = 0; i < 2000; i++) await one(i); // warm-up
    const redisBefore = await redisCpu(store);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < n; i += 32) await Promise.all(Array.from({ length: Math.min(32, n - i) }, (_, j) => one(i + j)));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const redisUs = ((await redisCpu(store)) - redisBefore) * 1e6 / n;
    console.log(`counting: ${n} messages' events in ${seconds.toFixed(2)} s; Node CPU ${((cpu.user + cpu.system) / n).toFixed(1)} µs, Redis CPU ${redisUs.toFixed(1)} µs per message`);
    // For scale: one plain command through the same client, measured the same way.
    const base = process.cpuUsage();
    for (let i = 0; i < n; i += 32) await Promise.all(Array.from({ length: Math.min(32, n - i) }, () => store.incr("bench-base")));
    const baseCpu = process.cpuUsage(base);
    console.log(`for scale: one INCR through the same client costs ${((baseCpu.user + baseCpu.system) / n).toFixed(1)} µs of Node CPU`);
    for (const key of await store.keys("st:")) await store.delete(key);

    // 2. A year of statistics, then the overview.
    const genStart = performance.now();
    await generateStats(store, { lastDay: TODAY, days: 365, users: Number(args.users), perDay: Number(args["per-day"]) });
    console.log(`generated a year for ${args.users} people (~${args["per-day"]} a day) in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);
    const web = createWebApp({ ...app, stats });
    const token = (await new WebAuth(store, config).createLink(1))!;
    const signIn = await web.request("/signin", { method: "POST", body: new URLSearchParams({ token }) });
    const cookie = `${SESSION_COOKIE}=${/jol_web=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")![1]}`;
    for (const [name, path] of [
      ["overview, a year", `/?from=${addDays(TODAY, -364)}&to=${TODAY}`],
      ["overview, 30 days", "/"],
      ["hotline, a year", `/hotline?from=${addDays(TODAY, -364)}&to=${TODAY}`],
      ["month report", "/report?month=2026-11"],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < 22; i++) {
        const t = performance.now();
        const res = await web.request(path, { headers: { cookie } });
        await res.text();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        if (i >= 2) times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      console.log(`${name}: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, worst ${times.at(-1)!.toFixed(1)} ms (${times.length} runs)`);
    }
  } finally {
    for (const key of await store.keys("")) await store.delete(key);
    await app.close();
  }
}

await main();
