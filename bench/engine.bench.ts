/**
 * `npm run bench` — how many messages per second one Jol process handles through the real router
 * (dedupe, per-user lock, session load/save, plugins, engine) on real Redis, the latency of each
 * message, and how big a stored session is. Not a test: nothing here runs in `npm test`.
 *
 *   npm run bench                                  # 2000 users, 32 at a time
 *   npm run bench -- --users 5000 --concurrency 64
 *   npm run bench -- --rate 5000                   # latency at 5,000 msg/s offered
 *   BENCH_USERS=500 REDIS_URL=redis://host:6379 npm run bench
 *
 * Each simulated Telegram user runs the main-menu conversation a real one would: /start, the
 * language menu (a button), the main menu (buttons and typed numbers), a section and back,
 * /menu, the about text, changing the language. Users are independent; the messages of one user
 * are sent one after another, as a chat does. Keys go under a fresh `bench:<random>:` prefix,
 * deleted at the end. Goals (issue 2): >= 5,000 msg/s, p99 < 10 ms, < 1 KB per session.
 */
import { parseArgs } from "node:util";
import { positive } from "./args.ts";
import { performance } from "node:perf_hooks";
import { cpus, loadavg } from "node:os";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { createApp } from "../src/app/create.ts";
import { loadConfig } from "../src/config/load.ts";
import { silentLogger } from "../src/core/log.ts";
import { MemoryStore } from "../src/store/memory.ts";
import { RedisStore } from "../src/store/redis.ts";
import { describeTarget, type RedisTarget } from "../src/store/client.ts";
import type { Inbound, Input, Outbound } from "../src/core/messages.ts";
import type { Router } from "../src/router/router.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: process.env.BENCH_USERS ?? "2000" },
    concurrency: { type: "string", default: process.env.BENCH_CONCURRENCY ?? "32" },
    rate: { type: "string", default: process.env.BENCH_RATE ?? "0" },
    warmup: { type: "string", default: process.env.BENCH_WARMUP ?? "200" },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    cluster: { type: "string", default: process.env.REDIS_CLUSTER_NODES },
    wait: { type: "string", default: "0" },
    profile: { type: "string", default: process.env.BENCH_PROFILE },
    memory: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (args.help) {
  console.log(`Usage: npm run bench -- [--users N] [--concurrency C] [--warmup W] [--redis URL]
  --users        simulated users, each runs the whole menu conversation (default 2000; env BENCH_USERS)
  --concurrency  users talking at the same time (default 32; env BENCH_CONCURRENCY): how fast can it go
  --rate R       instead: new users arrive so that R messages/s are offered (open loop; env BENCH_RATE):
                 what latency do users see at that load
  --warmup       users run first and not measured, to warm up the JIT (default 200; env BENCH_WARMUP)
  --redis        Redis URL (default REDIS_URL, else redis://127.0.0.1:6379); keys go under bench:<random>:
  --cluster N    a Redis Cluster instead: some nodes, host:port comma-separated (env REDIS_CLUSTER_NODES)
  --wait R       save each step with WAIT for R replicas (REDIS_WAIT_REPLICAS; the server needs replicas)
  --memory       use the in-memory store instead of Redis: what the engine and router cost alone
  --profile F    write a CPU profile of the measured phase to F (.cpuprofile, open in Chrome DevTools)`);
  process.exit(0);
}

const USERS = positive("users", args.users);
const CONCURRENCY = positive("concurrency", args.concurrency);
const RATE = Math.max(0, Number(args.rate) || 0);
const WAIT = Math.max(0, Number(args.wait) || 0);
/** The Redis to measure, as the settings would name it. */
const TARGET: RedisTarget = args.cluster
  ? { mode: "cluster", nodes: args.cluster.split(",").map((n) => ({ host: n.slice(0, n.lastIndexOf(":")), port: Number(n.slice(n.lastIndexOf(":") + 1)) })) }
  : { mode: "single", url: args.redis };
const WARMUP = Math.max(0, Number(args.warmup) | 0);


/**
 * One user's side of the conversation. A step either sends fixed input or reacts to the last
 * menu the bot showed (press its n-th button, or type its number the way people do).
 */
type Step = { send: Input } | { press: number } | { type: number };
const SCRIPT: Step[] = [
  { send: { kind: "command", name: "start" } }, // first contact: the language menu
  { press: 0 }, // a language button: main menu
  { press: 6 }, // "about": the about text and the main menu again
  { type: 0 }, // typed "1": coming to Kazakhstan
  { send: { kind: "command", name: "menu" } },
  { type: 1 }, // typed "2": going abroad
  { send: { kind: "text", text: "menu" } }, // the plain word works anywhere
  { press: 5 }, // "language": the language menu
  { press: 1 }, // another language
  { send: { kind: "command", name: "menu" } },
];

interface Stats {
  latencies: number[];
  messages: number;
  silent: number; // handled but no reply: the conversation went wrong
  duplicates: number;
  errors: number;
  firstError?: string;
}

/** Run one user's conversation; every handled message's latency goes into `stats`. */
async function converse(router: Router, userIndex: number, stats: Stats): Promise<void> {
  const address = { channel: "telegram" as const, id: String(7_000_000 + userIndex) };
  let last: Outbound | undefined; // the last message that offered choices
  for (let step = 0; step < SCRIPT.length; step++) {
    const s = SCRIPT[step]!;
    let input: Input;
    if ("send" in s) input = s.send;
    else {
      const choices = last?.choices ?? [];
      const index = Math.min(("press" in s ? s.press : s.type), Math.max(choices.length - 1, 0));
      input = "press" in s && choices[index] ? { kind: "choice", data: choices[index].id } : { kind: "text", text: String(index + 1) };
    }
    const inbound: Inbound = { address, messageId: `m${step}`, input, langHint: "ru" };
    let replies: Outbound[] = [];
    const started = performance.now();
    try {
      const result = await router.handle(inbound, async (messages) => {
        replies = messages;
      });
      stats.latencies.push(performance.now() - started);
      stats.messages++;
      if (result.duplicate) stats.duplicates++;
      else if (replies.length === 0) stats.silent++;
    } catch (error) {
      stats.errors++;
      stats.firstError ??= error instanceof Error ? error.message : String(error);
    }
    for (const message of replies) if (message.choices?.length) last = message;
  }
}

/** Run users `from..to-1`: closed loop (CONCURRENCY at once) or, with RATE, open loop. */
async function runUsers(router: Router, from: number, to: number, stats: Stats): Promise<{ peak: number }> {
  return RATE > 0 ? runAtRate(router, from, to, stats) : runClosed(router, from, to, stats);
}

/**
 * Open loop: user i starts at i * (messages per user / RATE) seconds, whatever the others are
 * doing, the way real users arrive; each then talks without pausing. Reports the peak number of
 * users in conversation at once.
 */
async function runAtRate(router: Router, from: number, to: number, stats: Stats): Promise<{ peak: number }> {
  const gapMs = (SCRIPT.length / RATE) * 1000;
  const started = performance.now();
  const running = new Set<Promise<void>>();
  let peak = 0;
  for (let i = from; i < to; i++) {
    const due = started + (i - from) * gapMs;
    const wait = due - performance.now();
    if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
    const conversation = converse(router, i, stats).finally(() => running.delete(conversation));
    running.add(conversation);
    peak = Math.max(peak, running.size);
  }
  await Promise.all(running);
  return { peak };
}

async function runClosed(router: Router, from: number, to: number, stats: Stats): Promise<{ peak: number }> {
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < to) await converse(router, next++, stats);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, to - from) }, worker));
  return { peak: Math.min(CONCURRENCY, to - from) };
}

/**
 * Redis' own CPU seconds and command count, from INFO, summed over a Cluster's masters (the
 * servers are shared: other clients count too).
 */
async function redisCounters(store: RedisStore): Promise<{ cpu: number; commands: number }> {
  const nodes = "nodes" in store.client ? store.client.nodes("master") : [store.client];
  const infos = await Promise.all(nodes.map((node) => node.info()));
  const field = (name: string): number =>
    infos.reduce((sum, info) => sum + Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? NaN), 0);
  return { cpu: field("used_cpu_user") + field("used_cpu_sys"), commands: field("total_commands_processed") };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function main(): Promise<void> {
  const prefix = `bench:${randomBytes(4).toString("hex")}:`;
  const store = await RedisStore.connect({ target: TARGET, prefix, waitReplicas: WAIT });
  // Defaults only (no .env): the figures should not depend on the machine's settings.
  const config = loadConfig({ LOG_LEVEL: "silent", DEFAULT_LANG: "ru" });
  const app = await createApp({ config, store: args.memory ? new MemoryStore() : store, log: silentLogger });
  try {
    const warm: Stats = { latencies: [], messages: 0, silent: 0, duplicates: 0, errors: 0 };
    await runUsers(app.router, 0, WARMUP, warm);

    const profiler = args.profile ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
    }
    const redisBefore = await redisCounters(store);
    const stats: Stats = { latencies: [], messages: 0, silent: 0, duplicates: 0, errors: 0 };
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const { peak } = await runUsers(app.router, WARMUP, WARMUP + USERS, stats);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const redisAfter = await redisCounters(store);
    if (profiler && args.profile) {
      const { profile } = await profiler.post("Profiler.stop");
      await writeFile(args.profile, JSON.stringify(profile));
      profiler.disconnect();
    }
    const nodeCpuUs = (cpu.user + cpu.system) / stats.messages;
    const redisCpuUs = ((redisAfter.cpu - redisBefore.cpu) * 1e6) / stats.messages;
    const commandsPerMessage = (redisAfter.commands - redisBefore.commands) / stats.messages;

    const sorted = Float64Array.from(stats.latencies).sort();
    const rate = stats.messages / seconds;
    const p50 = percentile(sorted, 50);
    const p90 = percentile(sorted, 90);
    const p99 = percentile(sorted, 99);
    const max = sorted[sorted.length - 1] ?? NaN;

    // Bytes per stored session: the JSON value (STRLEN) and, on Redis, what the key costs in all.
    const sessionKeys = await app.store.keys("s:");
    const lengths = await Promise.all(sessionKeys.map(async (k) => Buffer.byteLength((await app.store.get(k)) ?? "")));
    const sample = args.memory ? [] : sessionKeys.slice(0, 200).map((k) => prefix + k);
    // ioredis does not route MEMORY USAGE by its key: on a Cluster, ask the masters until one has it.
    const nodes = "nodes" in store.client ? store.client.nodes("master") : [store.client];
    const usage = await Promise.all(sample.map((k) => Promise.any(nodes.map((node) => node.memory("USAGE", k)))));
    const meanLen = lengths.reduce((a, b) => a + b, 0) / Math.max(lengths.length, 1);
    const maxLen = Math.max(0, ...lengths);
    const meanUsage = usage.reduce<number>((a, b) => a + (b ?? 0), 0) / Math.max(usage.length, 1);
    const perUserKeys = (await app.store.keys("")).length / (WARMUP + USERS);

    const ok = (pass: boolean): string => (pass ? "ok" : "MISSED");
    const ms = (v: number): string => `${v.toFixed(2)} ms`;
    console.log(
      `Jol engine benchmark — node ${process.version}, ${args.memory ? "in-memory store (no Redis)" : describeTarget(TARGET)}${WAIT ? `, WAIT ${WAIT}` : ""}`,
    );
    const mode = RATE > 0 ? `offered ${RATE} msg/s (open loop), at most ${peak} users at once` : `concurrency ${CONCURRENCY} (closed loop)`;
    console.log(`  users ${USERS} (+${WARMUP} warm-up) x ${SCRIPT.length} messages, ${mode}`);
    console.log(`  messages      ${stats.messages} in ${seconds.toFixed(2)} s`);
    console.log(`  throughput    ${Math.round(rate)} msg/s                  goal >= 5000: ${ok(rate >= 5000)}`);
    console.log(`  latency       p50 ${ms(p50)}, p90 ${ms(p90)}, p99 ${ms(p99)}, max ${ms(max)}   goal p99 < 10 ms: ${ok(p99 < 10)}`);
    console.log(
      `  session       ${Math.round(meanLen)} B mean, ${maxLen} B max (STRLEN, ${lengths.length} sessions)${args.memory ? "" : `; ~${Math.round(meanUsage)} B in Redis (MEMORY USAGE)`}   goal < 1 KB: ${ok(maxLen < 1024)}`,
    );
    console.log(`  keys per user ${perUserKeys.toFixed(1)} (session, dedupe ids, ...)`);
    console.log(
      `  cost/message  node ${Math.round(nodeCpuUs)} µs CPU, Redis ${Math.round(redisCpuUs)} µs CPU, ${commandsPerMessage.toFixed(1)} Redis commands (those inside scripts counted too)` +
        ` (one core for node alone would allow ~${Math.round(1e6 / nodeCpuUs)} msg/s)`,
    );
    console.log(`  machine       load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} cores (other work on the machine lowers msg/s and raises latency)`);
    if (args.profile) console.log(`  profile       ${args.profile}`);
    if (stats.errors || stats.silent || stats.duplicates) {
      console.log(`  PROBLEMS      errors ${stats.errors}, unanswered ${stats.silent}, duplicates ${stats.duplicates}${stats.firstError ? ` — first error: ${stats.firstError}` : ""}`);
      process.exitCode = 1;
    }
  } finally {
    await app.close().catch(() => undefined); // closes its store
    if (args.memory) await store.close();
    const cleaner = await RedisStore.connect({ target: TARGET, prefix });
    const keys = await cleaner.keys("");
    for (let i = 0; i < keys.length; i += 1000) await cleaner.delete(...keys.slice(i, i + 1000));
    await cleaner.close();
  }
}

await main();
