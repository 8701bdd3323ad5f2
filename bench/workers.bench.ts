/**
 * `npm run bench:workers` — N webhook worker processes (`jol start`) on one Redis behind the Bot
 * API stand-in, which posts updates to them in turn (a load balancer) and enforces Telegram's
 * sending limits (429 with retry_after over 30 msg/s overall, 1/s per private chat, 20/min per
 * group). For N = 1, 2, 4: replies per second, p50/p99 reply latency (update posted → its reply
 * at the stand-in), the highest send rate over any one second, and the 429s the stand-in gave.
 * What should hold: the send rate stays ≤ the configured limit (30/s) for every N, with 0 429s.
 *
 *   npm run bench:workers
 *   npm run bench:workers -- --workers 1,2,4 --users 200 --messages 5
 *   npm run bench:workers -- --unlimited --users 2000 --messages 2
 *
 * `--unlimited` measures what N workers can handle rather than the platform's pace: the stand-in
 * enforces nothing and the workers run with TELEGRAM_SEND_PER_SECOND=0 (each chat keeps its own
 * pace, so use many users with few messages each). What should hold then: every message answered.
 *
 * Each user first goes through /start and a language (not measured), then sends its messages,
 * all users at once (a burst: the figures show how the backlog drains at the platform's pace).
 * The workers run the real flows plus an echo loop (test/chaos/echo-content.ts) so each reply
 * names its message. Redis: REDIS_URL or redis://127.0.0.1:6379, keys under chaos:<random>:.
 */
import { parseArgs } from "node:util";
import { updates } from "../test/support/bot-api/index.ts";
import { echoed } from "../test/chaos/echo-content.ts";
import { Rig, numbered, SECRET } from "../test/chaos/rig.ts";
import { positive } from "./args.ts";

const { values: args } = parseArgs({
  options: {
    workers: { type: "string", default: "1,2,4" },
    users: { type: "string", default: "200" },
    messages: { type: "string", default: "5" },
    unlimited: { type: "boolean", default: false },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  console.log("Usage: npm run bench:workers -- [--workers 1,2,4] [--users N] [--messages M] [--unlimited] [--redis URL]");
  process.exit(0);
}
const counts = args.workers.split(",").map((w) => positive("workers", w.trim()));
const USERS = positive("users", args.users);
const MESSAGES = positive("messages", args.messages);
const LIMIT = 30;
const UNLIMITED = args.unlimited;

interface Row {
  workers: number;
  replies: number;
  seconds: number;
  p50: number;
  p99: number;
  maxPerSecond: number;
  refused: number;
  /** The 429s by limit: overall, per private chat, per group. */
  why: string;
  lost: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function run(workers: number): Promise<Row> {
  const rig = await Rig.start({ redisUrl: args.redis, limits: !UNLIMITED, ...(UNLIMITED ? { env: { TELEGRAM_SEND_PER_SECOND: "0" } } : {}) });
  try {
    const urls: string[] = [];
    for (let i = 0; i < workers; i++) urls.push((await rig.webhook(`worker-${i + 1}`)).url);
    rig.api.deliverToWebhook({ targets: () => urls, secret: () => SECRET });
    const all = Rig.users(USERS, 760_000);
    // Users the bot lost during /start are left out of the measured phase (and counted).
    const onboarding = await rig.onboard(all, (u) => rig.api.pushUpdate(u), 180_000).then(
      () => undefined,
      (error: Error) => error.message,
    );
    const users = all.filter((u) => rig.inLoop(u));
    if (onboarding) console.log(`N=${workers}: ${all.length - users.length} users never got through /start and a language`);
    const before = { ...(rig.api.limits?.refused ?? { total: 0, global: 0, chat: 0, group: 0 }) };
    const expected = numbered(users, MESSAGES);
    const pushedAt = new Map<string, number>();
    const firstSeq = rig.api.lastSeq;
    const start = Date.now();
    for (let n = 0; n < MESSAGES; n++) {
      for (const user of users) {
        const text = expected.get(user.id)![n]!;
        pushedAt.set(`${user.id}:${text}`, Date.now());
        rig.api.pushUpdate(updates.text(user, text));
      }
    }
    const counts = await rig.settle(expected, { stallMs: 60_000, timeoutMs: 900_000 });
    const sent = rig.api.sentLog().filter((s) => s.seq > firstSeq);
    const latencies: number[] = [];
    let last = start;
    for (const s of sent) {
      const text = echoed(s.text);
      const at = text === undefined ? undefined : pushedAt.get(`${s.chatId}:${text}`);
      if (at === undefined) continue;
      latencies.push(s.at - at);
      pushedAt.delete(`${s.chatId}:${text}`);
      last = Math.max(last, s.at);
    }
    latencies.sort((a, b) => a - b);
    // The busiest second: a sliding one-second window over every message sent.
    let maxPerSecond = 0;
    for (let i = 0, j = 0; i < sent.length; i++) {
      while (sent[i]!.at - sent[j]!.at >= 1000) j++;
      maxPerSecond = Math.max(maxPerSecond, i - j + 1);
    }
    return {
      workers,
      replies: latencies.length,
      seconds: (last - start) / 1000,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      maxPerSecond,
      refused: rig.api.limits ? rig.api.limits.refused.total - before.total : 0,
      why: rig.api.limits ? (["global", "chat", "group"] as const).map((k) => `${k} ${rig.api.limits!.refused[k] - before[k]}`).join(", ") : "not enforced",
      lost: counts.lost + (all.length - users.length) * MESSAGES,
    };
  } finally {
    await rig.dispose();
  }
}

console.log(
  UNLIMITED
    ? `${USERS} users × ${MESSAGES} messages, all at once, to N webhook workers; no bot-wide limit (TELEGRAM_SEND_PER_SECOND=0), stand-in enforces nothing\n`
    : `${USERS} users × ${MESSAGES} messages, all at once, to N webhook workers; stand-in enforces ${LIMIT} msg/s, 1/s per chat\n`,
);
const rows: Row[] = [];
for (const n of counts) {
  const row = await run(n);
  rows.push(row);
  console.log(`N=${n}: ${row.replies} replies in ${row.seconds.toFixed(1)} s`);
}
console.log("\n| workers | replies/s | p50 latency | p99 latency | busiest second (msg) | 429s (over: overall, chat, group) | unanswered |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of rows) {
  console.log(
    `| ${r.workers} | ${(r.replies / r.seconds).toFixed(1)} | ${(r.p50 / 1000).toFixed(1)} s | ${(r.p99 / 1000).toFixed(1)} s | ${r.maxPerSecond} | ${r.refused} (${r.why}) | ${r.lost} |`,
  );
}
if (UNLIMITED) {
  const ok = rows.every((r) => r.lost === 0);
  console.log(`\n${ok ? "ok" : "NOT OK"}: ${ok ? "every message answered" : "messages left unanswered"}`);
  process.exitCode = ok ? 0 : 1;
} else {
  const ok = rows.every((r) => r.maxPerSecond <= LIMIT && r.refused === 0 && r.lost === 0);
  console.log(`\n${ok ? "ok" : "NOT OK"}: the global send rate ${ok ? "stayed" : "did not stay"} ≤ ${LIMIT}/s with 0 429s and every message answered`);
  process.exitCode = ok ? 0 : 1;
}
