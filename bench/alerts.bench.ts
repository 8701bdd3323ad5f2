/**
 * `npm run bench:alerts` — one alert to N Telegram subscribers, sent by a real `jol start`
 * (long polling) against the Bot API stand-in, which enforces Telegram's limits (429 with
 * retry_after over 30 msg/s overall or 1/s per private chat), while a few users keep writing to
 * the bot. The alert is queued through the command line (`jol alert send ... --yes`), as staff
 * would from a script.
 *
 *   npm run bench:alerts                                  # 100,000 subscribers (about 67 min at 25/s)
 *   npm run bench:alerts -- --subscribers 3000            # about 2 min
 *   npm run bench:alerts -- --subscribers 100000 --seconds 120   # queue all, measure 2 min, cancel
 *
 * Printed: the delivered alert rate as a share of ALERT_RATE_PER_SEC (goal ≥ 98 %), the 429s the
 * stand-in gave (goal 0), duplicates (goal 0), Redis memory per queued recipient (INFO used_memory
 * before and after queueing, and MEMORY USAGE of the alert's keys, divided by N), the delay of the
 * replies to the users who write during the send (p50/p99, goal p99 < 2 s), and the load average.
 *
 * The subscribers are seeded straight into Redis as the flows leave them: a session with the
 * broadcast plugin's slot (`subs`) and the user in the segment's set (`alerts:kz`). Everything goes
 * under a `chaos:<random>:` key prefix, deleted at the end. Redis: REDIS_URL or redis://127.0.0.1:6379.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import type { User } from "grammy/types";
import { updates } from "../test/support/bot-api/index.ts";
import { echoed } from "../test/chaos/echo-content.ts";
import { Rig } from "../test/chaos/rig.ts";
import { ROOT, sleep, until } from "../test/chaos/harness.ts";
import { sessionKey } from "../src/core/keys.ts";
import { segmentKey } from "../src/alerts/audience.ts";
import { doneKey, recipientsKey, stateKey } from "../src/alerts/keys.ts";
import { positive } from "./args.ts";

const { values: args } = parseArgs({
  options: {
    subscribers: { type: "string", default: "100000" },
    rate: { type: "string", default: "25" },
    talkers: { type: "string", default: "5" },
    every: { type: "string", default: "3000" },
    seconds: { type: "string" },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  console.log(`Usage: npm run bench:alerts -- [--subscribers N] [--rate R] [--talkers T] [--every MS] [--seconds S] [--redis URL]
  --subscribers  Telegram subscribers of the alert (default 100000)
  --rate         ALERT_RATE_PER_SEC of the jol process (default 25)
  --talkers      users who keep writing to the bot during the send (default 5)
  --every        each talker writes once every MS milliseconds (default 3000; see docs/benchmark.md, "Alerts")
  --seconds      measure this long, then cancel the alert (default: until every subscriber has it)`);
  process.exit(0);
}
const N = positive("subscribers", args.subscribers);
const RATE = positive("rate", args.rate);
const TALKERS = positive("talkers", args.talkers);
const EVERY = positive("every", args.every);
const SECONDS = args.seconds === undefined ? undefined : positive("seconds", args.seconds);
const FIRST = 5_000_000;
const MARK = "BENCH-ALERT";
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const usedMemory = async (redis: Redis) => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? NaN);

const loads: number[] = [];
const loadTimer = setInterval(() => loads.push(loadavg()[0]!), 5000);
loads.push(loadavg()[0]!);

const rig = await Rig.start({
  redisUrl: args.redis,
  limits: true,
  env: { ALERT_RATE_PER_SEC: String(RATE), ALERT_QUIET_HOURS: "" },
});
const redis = new Redis(args.redis);
let exit = 1;
try {
  // --- subscribers, seeded as the subscribe node and the broadcast plugin leave them ---------------
  const now = Date.now();
  const session = JSON.stringify({ v: 1, lang: "ru", stack: [], wait: false, vars: {}, miss: 0, slots: { broadcast: { v: 1, d: { subs: ["kz"] } } }, t0: now, t1: now });
  for (let i = 0; i < N; i += 1000) {
    const batch = redis.pipeline();
    const users: string[] = [];
    for (let j = i; j < Math.min(N, i + 1000); j++) {
      const user = `telegram:${FIRST + j}`;
      users.push(user);
      batch.set(rig.prefix + sessionKey(user), session);
    }
    batch.sadd(rig.prefix + segmentKey("kz"), ...users);
    await batch.exec();
  }
  console.log(`${N} subscribers seeded under ${rig.prefix}; ALERT_RATE_PER_SEC=${RATE}, stand-in enforces 30/s overall, 1/s per chat`);

  // --- the bot, and users in the echo loop (not subscribers) who will write during the send ------
  const bot = await rig.polling("bench");
  const talkers: User[] = Rig.users(TALKERS, 4_900_000);
  await rig.onboard(talkers, (u) => rig.api.pushUpdate(u));

  // --- queue the alert through the command line, measuring memory around it ----------------------
  const texts = join(rig.content.root, "bench-alert.yaml");
  writeFileSync(texts, `ru: "${MARK}: внимание, новая схема обмана"\n`);
  const memBefore = await usedMemory(redis);
  const cli = spawnSync(process.execPath, [join(ROOT, "bin/jol.js"), "alert", "send", "--segment", "kz", "--texts", texts, "--yes"], {
    cwd: rig.content.root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...rig.env({ LOG_LEVEL: "warn" }) },
    encoding: "utf8",
    timeout: 600_000,
  });
  const memAfter = await usedMemory(redis);
  if (cli.status !== 0) throw new Error(`jol alert send failed (${String(cli.status)}): ${cli.stderr}`);
  const id = cli.stdout.trim();
  const listBytes = Number(await redis.memory("USAGE", rig.prefix + recipientsKey(id, "telegram"), "SAMPLES", "0"));
  console.log(`alert ${id} queued; used_memory ${memBefore} → ${memAfter} B; recipient list ${listBytes} B`);

  // --- the send: talkers write every EVERY ms, spread over the interval --------------------------
  const pushedAt = new Map<string, number>();
  const updateOf = new Map<number, string>();
  let talking = true;
  const talk = talkers.map(async (user, t) => {
    await sleep((EVERY / TALKERS) * t);
    for (let n = 1; talking; n++) {
      const text = `t${n}`;
      pushedAt.set(`${user.id}:${text}`, Date.now());
      updateOf.set(rig.api.pushUpdate(updates.text(user, text)).update_id, `${user.id}:${text}`);
      await sleep(EVERY);
    }
  });
  const alerts = () => rig.api.sentLog().filter((s) => s.text.includes(MARK));
  const start = Date.now();
  let doneBytes = 0;
  let doneMarks = 0;
  const state = () => redis.get(rig.prefix + stateKey(id));
  for (;;) {
    const s = await state();
    if (s === "done" || s === "cancelled") break;
    if (SECONDS !== undefined && Date.now() - start > SECONDS * 1000) {
      await redis.set(rig.prefix + stateKey(id), "cancelled"); // what `jol alert cancel` does, without a process start
      break;
    }
    const key = rig.prefix + doneKey(id);
    const [bytes, marks] = await Promise.all([redis.memory("USAGE", key, "SAMPLES", "0"), redis.hlen(key)]);
    if (marks > doneMarks) [doneBytes, doneMarks] = [Number(bytes ?? 0), marks];
    if (!bot.alive) throw new Error(`jol start exited:\n${bot.lines.slice(-20).join("\n")}`);
    await sleep(2000);
  }
  await sleep(3000); // the last replies and alerts in flight
  talking = false;
  await Promise.all(talk);
  const answered = () => new Set(rig.api.sentLog().map((s) => `${s.chatId}:${echoed(s.text)}`));
  await until(() => [...pushedAt.keys()].every((k) => answered().has(k)), "the talkers' last replies", 30_000, 500).catch(() => undefined);

  // --- figures ------------------------------------------------------------------------------------
  const sent = alerts();
  const byChat = new Map<string, number>();
  for (const s of sent) byChat.set(s.chatId, (byChat.get(s.chatId) ?? 0) + 1);
  const duplicates = [...byChat.values()].reduce((sum, n) => sum + n - 1, 0);
  // Steady state: from the first alert to the last, without the first and last 5 % of them.
  const times = sent.map((s) => s.at).sort((a, b) => a - b);
  const lo = Math.floor(times.length * 0.05);
  const hi = Math.max(lo + 1, Math.ceil(times.length * 0.95) - 1);
  const rate = (hi - lo) / ((times[hi]! - times[lo]!) / 1000);
  // Alerts per second over 10-second windows of the steady state: is the rate even or in bursts?
  const windows: number[] = [];
  for (let w = times[lo]!; w + 10_000 <= times[hi]!; w += 10_000) windows.push(times.filter((t) => t >= w && t < w + 10_000).length / 10);
  const replied = new Map<string, number>();
  for (const s of rig.api.sentLog()) {
    const text = echoed(s.text);
    const key = `${s.chatId}:${text}`;
    if (text !== undefined && !replied.has(key)) replied.set(key, s.at);
  }
  const delays: number[] = [];
  let unanswered = 0;
  for (const [key, at] of pushedAt) {
    const replyAt = replied.get(key);
    if (replyAt === undefined) unanswered++;
    else delays.push(replyAt - at);
  }
  delays.sort((a, b) => a - b);
  // Of the delay, the part before the bot fetched the update (the getUpdates call that returned it).
  const fetched: number[] = [];
  for (const call of rig.api.calls) {
    if (call.method !== "getUpdates" || !Array.isArray(call.result)) continue;
    for (const u of call.result as { update_id: number }[]) {
      const key = updateOf.get(u.update_id);
      if (key === undefined) continue;
      updateOf.delete(u.update_id);
      fetched.push(Math.max(0, call.at - pushedAt.get(key)!));
    }
  }
  fetched.sort((a, b) => a - b);
  const talkerIds = new Set(talkers.map((u) => String(u.id)));
  const toTalkers = rig.api.sentLog().filter((s) => talkerIds.has(s.chatId) && s.at >= start).length;
  const refused = rig.api.limits!.refused;
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  const seconds = (Date.now() - start) / 1000;
  const finalState = await state();
  console.log(`\nalert ${id}: ${finalState}; ${sent.length} of ${N} subscribers reached in ${seconds.toFixed(0)} s (${byChat.size} distinct)\n`);
  console.log("| measure | result | goal |");
  console.log("| --- | --- | --- |");
  console.log(`| delivered rate (steady state, middle 90 %) | ${rate.toFixed(2)}/s = ${((100 * rate) / RATE).toFixed(1)} % of ${RATE}/s | ≥ 98 % |`);
  if (windows.length > 0) console.log(`| the same over 10-s windows | ${Math.min(...windows).toFixed(1)}–${Math.max(...windows).toFixed(1)}/s | — |`);
  console.log(`| 429s from the stand-in | ${refused.total} (overall ${refused.global}, per chat ${refused.chat}) | 0 |`);
  console.log(`| duplicates | ${duplicates} | 0 |`);
  console.log(`| Redis per queued recipient, INFO used_memory | ${((memAfter - memBefore) / N).toFixed(1)} B | — |`);
  console.log(`| Redis per queued recipient, recipient list (MEMORY USAGE) | ${(listBytes / N).toFixed(1)} B | — |`);
  console.log(`| Redis per recipient with an outcome, done marks (MEMORY USAGE) | ${doneMarks ? (doneBytes / doneMarks).toFixed(1) : "—"} B (${doneMarks} marks) | — |`);
  console.log(`| reply delay, ${TALKERS} users writing every ${EVERY / 1000} s | p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms, max ${delays.at(-1)} ms (${pushedAt.size} messages, ${toTalkers} sent back, ${unanswered} unanswered) | p99 < 2 s |`);
  console.log(`| of which before the bot fetched the update (getUpdates) | p50 ${percentile(fetched, 50)} ms, p99 ${percentile(fetched, 99)} ms | — |`);
  console.log(`| load average (1 min, 2 cores) | ${load} | — |`);
  const ok = rate >= 0.98 * RATE && refused.total === 0 && duplicates === 0 && percentile(delays, 99) < 2000 && unanswered === 0;
  console.log(`\n${ok ? "ok: every goal met" : "NOT OK: a goal was missed"}`);
  const warnings = rig.warnings();
  if (Object.keys(warnings).length > 0) console.log("warnings logged by jol start:", warnings);
  exit = ok ? 0 : 1;
} finally {
  clearInterval(loadTimer);
  redis.disconnect();
  await rig.dispose();
}
process.exit(exit);
