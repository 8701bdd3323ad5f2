/**
 * `npm run chaos` — the fault scenarios of the durable message path (issue 10) at full size,
 * against real `jol start` processes, the Bot API stand-in and real Redis; prints what was lost,
 * repeated and reordered per scenario, and exits 1 when a guarantee does not hold. Not part of
 * `npm test` (that runs small versions: test/chaos/*.test.ts).
 *
 *   npm run chaos                      # every scenario (about 10 minutes)
 *   npm run chaos -- --only a,d        # some of them
 *   npm run chaos -- --scale 0.25      # fewer users
 *
 * Scenarios: (a) kill -9 twice under load, long polling; (b) two webhook workers, each user's
 * messages interleaved across them 1 ms apart; (c) a webhook worker killed mid-load, its updates
 * retried to the other; (d) SIGTERM with 500 staff-group messages queued; (e) Redis stopped for
 * 30 s under load. Redis: REDIS_URL or redis://127.0.0.1:6379, keys under chaos:<random>: (deleted
 * after); scenario (e) starts a redis-server of its own on a free port.
 */
import { parseArgs } from "node:util";
import { killUnderLoad, interleaved, workerKilled, shutdownWithBacklog, redisOutage } from "../test/chaos/scenarios.ts";
import type { Counts } from "../test/chaos/rig.ts";

const { values: args } = parseArgs({
  options: {
    only: { type: "string", default: "a,b,c,d,e" },
    scale: { type: "string", default: "1" },
    redis: { type: "string", default: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  console.log("Usage: npm run chaos -- [--only a,b,c,d,e] [--scale 0.1..1] [--redis URL]");
  process.exit(0);
}
const scale = Number(args.scale);
if (!(scale > 0 && scale <= 1)) {
  console.error(`--scale must be a number in (0, 1], got ${JSON.stringify(args.scale)}`);
  process.exit(2);
}
const only = new Set(args.only.split(",").map((s) => s.trim()));
const redisUrl = args.redis;
const users = (n: number) => Math.max(2, Math.round(n * scale));
const say = (line: string) => console.log(line);
const rows: Array<{ name: string; figures: string; ok: boolean }> = [];

const line = (c: Counts) => `${c.expected} messages from ${c.users} users: ${c.answered} answered, ${c.lost} lost, ${c.duplicates} duplicated, ${c.outOfOrder} out of order`;

async function scenario(id: string, name: string, run: () => Promise<{ figures: string; ok: boolean }>): Promise<void> {
  if (!only.has(id)) return;
  console.log(`\n(${id}) ${name}`);
  const started = Date.now();
  try {
    const { figures, ok } = await run();
    console.log(`  ${figures}  [${ok ? "ok" : "GUARANTEE BROKEN"}, ${((Date.now() - started) / 1000).toFixed(0)} s]`);
    rows.push({ name: `(${id}) ${name}`, figures, ok });
  } catch (error) {
    console.log(`  failed to run: ${(error as Error).message}`);
    rows.push({ name: `(${id}) ${name}`, figures: `did not run: ${(error as Error).message.split("\n")[0]}`, ok: false });
  }
}

await scenario("a", "polling, kill -9 twice under load", async () => {
  const r = await killUnderLoad({ redisUrl, users: users(200), messages: 10, kills: 2, say });
  return { figures: line(r), ok: r.lost === 0 && r.duplicates <= r.kills };
});
await scenario("b", "two webhook workers, one user's messages interleaved 1 ms apart", async () => {
  const r = await interleaved({ redisUrl, users: users(60), messages: 10, spacingMs: 1, say });
  return { figures: `${line(r)}; webhook answers ${JSON.stringify(r.answers)}`, ok: r.outOfOrder === 0 && r.lost === 0 };
});
await scenario("c", "webhook worker killed mid-load, retries go to the other", async () => {
  const r = await workerKilled({ redisUrl, users: users(200), messages: 10, say });
  return { figures: `${line(r)} (${r.duplicatesWithin10s} of them within 10 s of the kill); ${r.retried} posts retried`, ok: r.lost === 0 };
});
await scenario("d", "SIGTERM with 500 staff-group messages queued", async () => {
  const r = await shutdownWithBacklog({ redisUrl, messages: Math.max(40, Math.round(500 * scale)), staffRate: 20, afterMs: 75_000, waitForAll: false, say });
  const figures =
    `${r.queued} relayed, ${r.before} out before SIGTERM; exit after ${(r.exitMs / 1000).toFixed(1)} s` +
    `${r.forced ? " (killed: did not exit within 90 s)" : ` (code ${String(r.exitCode)})`}; ` +
    `${r.after} more delivered in 75 s after restart, ${r.gaps} missing at the seam, ${r.duplicates} duplicated`;
  return { figures, ok: !r.forced && r.exitMs < 10_000 && r.after > 0 && r.gaps === 0 && r.duplicates === 0 };
});
await scenario("e", "Redis stopped for 30 s under load", async () => {
  const r = await redisOutage({ users: users(200), messages: 10, outageMs: 30_000, say });
  return { figures: `${line(r)} (${r.duplicatesWhileDown} of them while Redis was down)`, ok: r.lost === 0 };
});

console.log("\nscenario | figures | guarantee");
console.log("--- | --- | ---");
for (const row of rows) console.log(`${row.name} | ${row.figures} | ${row.ok ? "holds" : "BROKEN"}`);
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
