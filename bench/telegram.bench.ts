/**
 * `npm run bench:telegram` — Jol's Telegram path under load, compared with the simplest grammY bot
 * that does the same I/O. Not a test: nothing here runs in `npm test`.
 *
 *   npm run bench:telegram                                  # 300 users, 50 at a time
 *   npm run bench:telegram -- --users 1000 --concurrency 100
 *   REDIS_URL=redis://host:6379 npm run bench:telegram
 *
 * Both bots run in webhook mode against the Bot API stand-in (test/support/bot-api) over real
 * HTTP, with real grammY and real Redis:
 *
 * - **jol**: `createApp` + the Telegram channel (secret-checked webhook server, runner's
 *   sequentialize, auto-retry, callback-data codec, router with dedupe and per-user lock, session
 *   load/save, engine). Each user runs a menu conversation: /start, a language button, the about
 *   text, typed numbers, /menu, the language menu and another language.
 * - **bare**: a grammY bot with `@grammyjs/storage-redis` sessions that answers every update with
 *   one message (and answers button presses), behind grammY's own webhook callback.
 *
 * Latency is from posting an update to the webhook until its reply reaches the stand-in ("update in
 * to reply out"): the bare bot sends before it answers the webhook; Jol answers once the update is
 * stored and sends from its durable outbox, so the bench waits for the reply itself. Throughput is
 * updates per second over the measured phase. Pacing is off for both: the stand-in does not
 * rate-limit, and with pacing on the figure would measure Telegram's 30 msg/s, not the code.
 * Goal (issue 3): Jol's throughput >= 0.5 of the bare bot's.
 */
import { parseArgs } from "node:util";
import { Session } from "node:inspector/promises";
import { writeFile } from "node:fs/promises";
import { positive } from "./args.ts";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Bot, session, webhookCallback, type Context, type SessionFlavor } from "grammy";
import type { Message, Update } from "grammy/types";
import { Redis } from "ioredis";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { createApp } from "../src/app/create.ts";
import { loadConfig } from "../src/config/load.ts";
import { silentLogger } from "../src/core/log.ts";
import { RedisStore, redactUrl } from "../src/store/redis.ts";
import { createTelegramChannel } from "../src/channels/telegram/index.ts";
import { BotApiStandIn, defaultMethods, testUser, updates, type NewUpdate } from "../test/support/bot-api/index.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: process.env.BENCH_USERS ?? "300" },
    concurrency: { type: "string", default: process.env.BENCH_CONCURRENCY ?? "50" },
    warmup: { type: "string", default: process.env.BENCH_WARMUP ?? "30" },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    "reorder-ms": { type: "string" },
    profile: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (args.help) {
  console.log(`Usage: npm run bench:telegram -- [--users N] [--concurrency C] [--warmup W] [--redis URL]
  --users        simulated Telegram users per bot, each sends ${8} updates in order (default 300; env BENCH_USERS)
  --concurrency  users talking at the same time (default 50; env BENCH_CONCURRENCY)
  --warmup       users run first on each bot and not measured (default 30; env BENCH_WARMUP)
  --redis        Redis URL (default REDIS_URL, else redis://127.0.0.1:6379); keys go under bench:tg:<random>:
  --reorder-ms   Jol's TELEGRAM_REORDER_MS (default: the setting's default): the wait that keeps one user's
                 updates in order across webhook workers; with few users in flight it bounds throughput
  --profile F    write a CPU profile of Jol's measured rounds only to F (.cpuprofile); the bare bot is not run`);
  process.exit(0);
}

const USERS = positive("users", args.users);
const CONCURRENCY = positive("concurrency", args.concurrency);
const WARMUP = Math.max(0, Number(args.warmup) | 0);
const TOKEN_JOL = "111111:bench-jol-token-ABCDEFGHIJKLMNOP";
const TOKEN_BARE = "222222:bench-bare-token-ABCDEFGHIJKLMNOP";
const SECRET = "bench-secret";
const ROUNDS = 4;


/** One user's side: fixed updates, or a press of the n-th button of the last keyboard shown. */
type Step = { send: (user: ReturnType<typeof testUser>) => NewUpdate } | { press: number };
const SCRIPT: Step[] = [
  { send: (u) => updates.command(u, "start", "bench") }, // the language menu
  { press: 0 }, // a language: confirmation + main menu
  { send: (u) => updates.text(u, "7") }, // typed "7": the about text + main menu
  { send: (u) => updates.text(u, "1") }, // typed "1": a section
  { send: (u) => updates.command(u, "menu") },
  { press: 5 }, // the language menu
  { press: 1 }, // another language
  { send: (u) => updates.text(u, "hello") }, // free text at the menu
];

interface Target {
  name: string;
  url: string;
  /** The bot's own update numbering. */
  lastUpdateId: number;
}

interface Result {
  updates: number;
  seconds: number;
  latencies: number[];
  failures: number;
  /** Bot API calls the bot made, by method. */
  calls: Map<string, number>;
}

/** Messages sent to each chat during its current update (filled by the stand-in's sendMessage). */
const inbox = new Map<number, { sent: Message[]; arrived: () => void }>();

/**
 * Wait until the update's replies are out: a first message, and a keyboard when the next step
 * presses a button. Jol answers the webhook once the update is stored and sends from its outbox
 * just after; the bare bot answers after sending. Both are timed "update in, reply out".
 */
async function repliesOut(sent: Message[], wake: { arrived: () => void }, needKeyboard: boolean, withinMs = 5_000): Promise<boolean> {
  const done = () => sent.length > 0 && (!needKeyboard || sent.some((m) => m.reply_markup));
  if (done()) return true;
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), withinMs);
    wake.arrived = () => {
      if (!done()) return;
      clearTimeout(timer);
      resolve(true);
    };
  });
}

/** Run `users` users (ids from `firstId`) against a webhook, `CONCURRENCY` at a time. */
async function drive(api: BotApiStandIn, target: Target, firstId: number, users: number): Promise<Result> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const runUser = async (id: number) => {
    const user = testUser(id, "ru");
    let keyboard: Message | undefined;
    for (const [i, step] of SCRIPT.entries()) {
      let update: NewUpdate;
      if ("send" in step) update = step.send(user);
      else {
        const button = keyboard?.reply_markup?.inline_keyboard[step.press]?.[0] as { callback_data?: string } | undefined;
        update = button?.callback_data ? updates.callback(user, button.callback_data, keyboard!) : updates.text(user, String(step.press + 1));
      }
      const sent: Message[] = [];
      const wake = { arrived: () => {} };
      inbox.set(id, { sent, arrived: () => wake.arrived() });
      const t0 = performance.now();
      // Telegram numbers each bot's updates on its own: one shared counter would leave gaps in Jol's
      // numbering at every switch between the bots, and a gap holds Jol's webhook updates for
      // TELEGRAM_REORDER_MS (it waits for the missing numbers, as it would for a lost update).
      const numbered = { ...update, update_id: ++target.lastUpdateId } as Update;
      const { status } = await api.postUpdate(numbered, { url: target.url, secret: SECRET });
      const out = status === 200 && (await repliesOut(sent, wake, SCRIPT[i + 1] !== undefined && "press" in SCRIPT[i + 1]!));
      latencies.push(performance.now() - t0);
      if (!out) failures++;
      const withKeyboard = sent.filter((m) => m.reply_markup);
      if (withKeyboard.length > 0) keyboard = withKeyboard[withKeyboard.length - 1];
    }
  };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, users) }, async () => {
      while (next < users) await runUser(firstId + next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { updates: users * SCRIPT.length, seconds, latencies, failures, calls: new Map() };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(name: string, r: Result): number {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const rate = r.updates / r.seconds;
  console.log(
    `${name.padEnd(5)} ${r.updates} updates in ${r.seconds.toFixed(2)} s → ${rate.toFixed(0)} updates/s; ` +
      `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms` +
      (r.failures ? `; ${r.failures} updates without a reply` : ""),
  );
  const calls = [...r.calls].sort((x, y) => y[1] - x[1]).map(([method, n]) => `${method} ${(n / r.updates).toFixed(2)}`);
  console.log(`      Bot API calls per update: ${calls.join(", ")}`);
  return rate;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
}

async function main(): Promise<void> {
  const run = randomBytes(4).toString("hex");
  const api = await BotApiStandIn.start();
  api.define("sendMessage", (payload, standIn, call) => {
    const message = defaultMethods.sendMessage!(payload, standIn, call) as Message;
    const chat = inbox.get(Number(payload.chat_id));
    chat?.sent.push(message);
    chat?.arrived();
    return message;
  });
  // The stand-in keeps every call; it is reset between phases so memory stays flat.
  const store = await RedisStore.connect({ url: args.redis, prefix: `bench:tg:${run}:` });
  const redis = new Redis(args.redis, { lazyConnect: false });
  const bareKeys = `bench:tg:${run}:bare:`;

  // --- Jol --------------------------------------------------------------------------------
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TOKEN_JOL,
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_WEBHOOK_URL: "https://bench.invalid/telegram",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
    TELEGRAM_STAFF_CHAT_ID: "-1009999999999",
    LOG_LEVEL: "silent",
    ...(args["reorder-ms"] !== undefined ? { TELEGRAM_REORDER_MS: args["reorder-ms"] } : {}),
  });
  const app = await createApp({ config, store, log: silentLogger, pace: false });
  const channel = createTelegramChannel(app, { pace: false, webhookPort: 0 });
  app.channels.add(channel);
  await channel.start();
  const jol: Target = { name: "jol", url: `http://127.0.0.1:${channel.webhookPort}/telegram`, lastUpdateId: 0 };

  // --- the bare grammY bot ---------------------------------------------------------------------
  type BareContext = Context & SessionFlavor<{ n: number }>;
  const bare = new Bot<BareContext>(TOKEN_BARE, { client: { apiRoot: api.apiRoot }, botInfo: { ...api.me, id: 222222 } as never });
  bare.use(
    session({
      initial: () => ({ n: 0 }),
      storage: new RedisAdapter<{ n: number }>({ instance: redis, ttl: 3600 }),
      getSessionKey: (ctx) => (ctx.chat ? `${bareKeys}${ctx.chat.id}` : undefined),
    }),
  );
  bare.on("callback_query", async (ctx) => {
    ctx.session.n++;
    await ctx.answerCallbackQuery();
    await ctx.reply(`pressed ${ctx.callbackQuery.data ?? ""}`, { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }], [{ text: "B", callback_data: "b" }]] } });
  });
  bare.on("message", async (ctx) => {
    ctx.session.n++;
    await ctx.reply(ctx.message.text ?? "echo", { reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } });
  });
  const bareServer = createServer(webhookCallback(bare, "http", { secretToken: SECRET }));
  const bareTarget: Target = { name: "bare", url: await listen(bareServer), lastUpdateId: 0 };

  console.log(
    `Telegram webhook benchmark: ${USERS} users × ${SCRIPT.length} updates per bot, ${CONCURRENCY} at a time, ` +
      `Redis ${redactUrl(args.redis)}, Node ${process.version}`,
  );
  try {
    if (WARMUP > 0) {
      await drive(api, jol, 1_000_000, WARMUP);
      await drive(api, bareTarget, 1_000_000, WARMUP);
      api.reset();
    }
    // Alternate the two bots in rounds, so that a change in machine load hits both alike.
    const ours: Result = { updates: 0, seconds: 0, latencies: [], failures: 0, calls: new Map<string, number>() };
    const theirs: Result = { updates: 0, seconds: 0, latencies: [], failures: 0, calls: new Map<string, number>() };
    const add = (into: Result, r: Result) => {
      into.updates += r.updates;
      into.seconds += r.seconds;
      into.latencies.push(...r.latencies);
      into.failures += r.failures;
      for (const call of api.calls) into.calls.set(call.method, (into.calls.get(call.method) ?? 0) + 1);
    };
    const perRound = Math.ceil(USERS / ROUNDS);
    const profiler = args.profile ? new Session() : undefined;
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
    }
    for (let round = 0, done = 0; done < USERS; round++, done += perRound) {
      const users = Math.min(perRound, USERS - done);
      const order = profiler ? [jol] : round % 2 === 0 ? [jol, bareTarget] : [bareTarget, jol];
      for (const target of order) {
        add(target === jol ? ours : theirs, await drive(api, target, 2_000_000 + done, users));
        api.reset();
      }
    }
    if (profiler && args.profile) {
      const { profile } = await profiler.post("Profiler.stop");
      await writeFile(args.profile, JSON.stringify(profile));
      profiler.disconnect();
      report("jol", ours);
      console.log(`profile of Jol's rounds: ${args.profile}`);
      return;
    }
    const a = report("jol", ours);
    const b = report("bare", theirs);
    const ratio = a / b;
    console.log(`ratio ${ratio.toFixed(2)} of the bare grammY bot (goal >= 0.5)${ratio >= 0.5 ? "" : "  ← BELOW GOAL"}`);
  } finally {
    await channel.stop();
    await new Promise<void>((resolve) => bareServer.close(() => resolve()));
    for (const keys of [await redis.keys(`${bareKeys}*`)]) if (keys.length) await redis.del(...keys);
    redis.disconnect();
    const ours = await store.keys("");
    for (let i = 0; i < ours.length; i += 500) await store.delete(...ours.slice(i, i + 500));
    await app.close();
    await api.close();
  }
}

await main();
