/**
 * The fault scenarios of issue 10, sized by their caller: `npm run chaos` runs them at full size
 * and prints the counts, `test/chaos/*.test.ts` run small versions and assert the guarantees.
 * Each spawns real `jol start` processes (see `harness.ts`) and counts the replies the Bot API
 * stand-in recorded (see `rig.ts`).
 */
import { updates } from "../support/bot-api/index.ts";
import type { Update, User } from "grammy/types";
import { Rig, numbered, STAFF_CHAT, type Counts, type Expected, type RigOptions } from "./rig.ts";
import { SECRET, ThrowawayRedis, sleep, until } from "./harness.ts";
import { echoed } from "./echo-content.ts";

/** Push round n of every user's messages (`m<n>`), `gapMs` between rounds. */
async function pushRounds(rig: Rig, users: User[], expected: Expected, gapMs: number, afterRound?: (n: number) => Promise<void>): Promise<void> {
  const push = (u: Parameters<Rig["api"]["pushUpdate"]>[0]) => rig.api.pushUpdate(u);
  const rounds = Math.max(...[...expected.values()].map((t) => t.length));
  for (let n = 0; n < rounds; n++) {
    await afterRound?.(n);
    for (const user of users) {
      const text = expected.get(user.id)?.[n];
      if (text) push(updates.text(user, text));
    }
    await sleep(gapMs);
  }
}

export interface KillResult extends Counts {
  kills: number;
}

/**
 * (a) Long polling, `users` × `messages`, the process killed with SIGKILL `kills` times under load
 * (at evenly spread shares of the replies) and started again at once.
 * Guarantee: 0 lost, duplicates ≤ 1 per kill.
 */
export async function killUnderLoad(o: RigOptions & { users: number; messages: number; kills: number; stallMs?: number }): Promise<KillResult> {
  const rig = await Rig.start(o);
  try {
    const users = Rig.users(o.users);
    let proc = await rig.polling("bot-1");
    await rig.onboard(users, (u) => rig.api.pushUpdate(u));
    const expected = numbered(users, o.messages);
    const load = pushRounds(rig, users, expected, 100);
    for (let k = 1; k <= o.kills; k++) {
      await rig.answeredAtLeast(expected, k / (o.kills + 2));
      await proc.crash();
      rig.say(`  kill -9 #${k} at ${rig.count(expected).answered}/${expected.size * o.messages} answered`);
      proc = await rig.polling(`bot-${k + 1}`);
    }
    await load;
    const counts = await rig.settle(expected, { stallMs: o.stallMs });
    return { ...counts, kills: o.kills };
  } finally {
    await rig.dispose();
  }
}

/**
 * (b) Two webhook workers on one Redis; each user's messages are posted alternately to one and
 * the other, `spacingMs` apart (all users at once), without waiting for answers (a refused post is retried on the
 * other worker, as Telegram's retry through a load balancer would).
 * Guarantee: 0 out of order (and 0 lost).
 */
export async function interleaved(
  o: RigOptions & { users: number; messages: number; spacingMs: number; stallMs?: number },
): Promise<Counts & { retried: number; answers: Record<string, number> }> {
  const rig = await Rig.start(o);
  try {
    const a = await rig.webhook("worker-a");
    const b = await rig.webhook("worker-b");
    const targets = [a.url, b.url];
    const users = Rig.users(o.users, 720_000);
    let nextId = 500_000;
    let retried = 0;
    const answers: Record<string, number> = {};
    const post = async (update: Parameters<Rig["api"]["pushUpdate"]>[0], first: number): Promise<void> => {
      const body = JSON.stringify({ ...update, update_id: ++nextId } as Update);
      for (let attempt = 0; attempt < 200; attempt++) {
        const url = targets[(first + attempt) % targets.length]!;
        try {
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body });
          await res.arrayBuffer();
          answers[res.status] = (answers[res.status] ?? 0) + 1;
          if (res.status === 200) return;
        } catch {
          // retried on the other worker
          answers.refused = (answers.refused ?? 0) + 1;
        }
        retried++;
        await sleep(100);
      }
    };
    let turn = 0;
    await rig.onboard(users, (u) => post(u, turn++));
    const expected = numbered(users, o.messages);
    const posts: Promise<void>[] = [];
    // Round n: every user's n-th message, to worker n % 2; the next round `spacingMs` later.
    for (let n = 0; n < o.messages; n++) {
      for (const user of users) posts.push(post(updates.text(user, expected.get(user.id)![n]!), n));
      await sleep(o.spacingMs);
    }
    await Promise.all(posts);
    return { ...(await rig.settle(expected, { stallMs: o.stallMs })), retried, answers };
  } finally {
    await rig.dispose();
  }
}

/**
 * (c) Two webhook workers behind the stand-in's webhook delivery (posting to one and the other
 * in turn, retrying until 200); worker A is killed with SIGKILL mid-load (half the rounds posted,
 * some answered) and not restarted, so the rest of the posts are retried on B.
 * Guarantee: every message answered (by B).
 */
export async function workerKilled(
  o: RigOptions & { users: number; messages: number; stallMs?: number },
): Promise<Counts & { retried: number; duplicatesWithin10s: number }> {
  const rig = await Rig.start(o);
  try {
    const a = await rig.webhook("worker-a");
    const b = await rig.webhook("worker-b");
    const delivery = rig.api.deliverToWebhook({ targets: () => [a.url, b.url], secret: () => SECRET, retryMs: 100 });
    const users = Rig.users(o.users, 730_000);
    await rig.onboard(users, (u) => rig.api.pushUpdate(u));
    const expected = numbered(users, o.messages);
    const failedBefore = delivery.stats.failedAttempts;
    let killedAt = 0;
    await pushRounds(rig, users, expected, 500, async (n) => {
      if (n !== Math.floor(o.messages / 2)) return;
      await rig.answeredAtLeast(expected, 0.05);
      await a.proc.crash();
      killedAt = Date.now();
      rig.say(`  worker A killed at ${rig.count(expected).answered}/${users.length * o.messages} answered`);
    });
    const counts = await rig.settle(expected, { stallMs: o.stallMs });
    const duplicatesWithin10s = rig.duplicateTimes(expected).filter((t) => t >= killedAt && t <= killedAt + 10_000).length;
    return { ...counts, retried: delivery.stats.failedAttempts - failedBefore, duplicatesWithin10s };
  } finally {
    await rig.dispose();
  }
}

export interface ShutdownResult {
  /** Staff-group messages relayed from the user (each names its number). */
  queued: number;
  /** Delivered before SIGTERM. */
  before: number;
  /** Ms from SIGTERM to the process's exit. */
  exitMs: number;
  /** True when the harness had to SIGKILL it. */
  forced: boolean;
  exitCode: number | null;
  /** Delivered after the restart, within the wait. */
  after: number;
  /** Relayed messages missing between the first and the last delivered. */
  gaps: number;
  duplicates: number;
}

/**
 * (d) One user in a case writes `messages` texts, which the bot relays to the staff group at the
 * group's pace (HOTLINE_STAFF_RATE per minute) — a backlog. SIGTERM; then a new process.
 * Guarantee: exit within 10 s, nothing lost or repeated at the seam, the rest delivered after the
 * restart (`waitAfter` decides how many are waited for: all of them, or `afterMs` of delivery).
 */
export async function shutdownWithBacklog(
  o: RigOptions & { messages: number; staffRate: number; afterMs: number; waitForAll: boolean },
): Promise<ShutdownResult> {
  const rig = await Rig.start({ ...o, env: { HOTLINE_STAFF_RATE: String(o.staffRate), ...o.env } });
  try {
    const proc = await rig.polling("bot-1");
    const [user] = Rig.users(1, 740_000);
    const steps = [updates.command(user!, "start"), updates.text(user!, "1"), updates.command(user!, "human"), updates.text(user!, "passport taken"), updates.text(user!, "1")];
    for (const step of steps) {
      const before = rig.api.sentTo(user!.id).length;
      rig.api.pushUpdate(step);
      await until(() => rig.api.sentTo(user!.id).length > before, "the bot's answer in the handoff", 60_000, 100);
    }
    const relayed = () => relayedNumbers(rig);
    for (let n = 1; n <= o.messages; n++) rig.api.pushUpdate(updates.text(user!, `s${n}`));
    // The backlog exists once the first relayed message is out and the pace holds the rest back.
    await until(() => relayed().length > 0, "the first relayed message in the staff group", 120_000, 100);
    await until(() => rig.api.pendingUpdates === 0, "the bot to fetch every update", 120_000, 100);
    await sleep(1000);
    const before = relayed().length;
    rig.say(`  SIGTERM with ${o.messages - before} of ${o.messages} staff messages waiting`);
    const signalled = Date.now();
    const exit = await proc.terminate(90_000);
    const result: ShutdownResult = { queued: o.messages, before, exitMs: exit.at - signalled, forced: exit.forced, exitCode: exit.code, after: 0, gaps: 0, duplicates: 0 };
    await rig.polling("bot-2");
    if (o.waitForAll) {
      await until(() => new Set(relayed()).size >= o.messages, "every relayed message after the restart", o.afterMs, 250).catch(() => undefined);
    } else {
      await sleep(o.afterMs);
    }
    const all = relayed();
    result.after = all.length - before;
    const unique = new Set(all);
    result.duplicates = all.length - unique.size;
    const highest = Math.max(0, ...unique);
    result.gaps = highest - unique.size;
    return result;
  } finally {
    await rig.dispose();
  }
}

/** The numbers of the relayed texts (`s<n>`) in the staff group, in the order they arrived. */
function relayedNumbers(rig: Rig): number[] {
  const out: number[] = [];
  for (const sent of rig.api.sentLog()) {
    if (sent.chatId !== String(STAFF_CHAT)) continue;
    const match = /(?:^|\s)s(\d+)(?:\s|$)/.exec(sent.text.replace(/[\u2068\u2069]/g, ""));
    if (match) out.push(Number(match[1]));
  }
  return out;
}

/**
 * (e) Long polling on a Redis of our own, stopped for `outageMs` under load, then started again
 * with its data. Guarantees: 0 lost; repeated at most the replies in flight when Redis went away
 * (`inFlight`: those that reached the platform while it was stopping or down).
 */
export async function redisOutage(
  o: Omit<RigOptions, "redisUrl"> & {
    users: number;
    messages: number;
    outageMs: number;
    stallMs?: number;
    /** Pause between rounds of messages (default: the rounds spread over the outage). Under a second, replies queue behind the per-chat limit. */
    roundMs?: number;
  },
): Promise<Counts & { duplicatesWhileDown: number; inFlight: number }> {
  const redis = await ThrowawayRedis.start();
  try {
    const rig = await Rig.start({ ...o, redisUrl: redis.url });
    try {
      const users = Rig.users(o.users, 750_000);
      await rig.polling("bot-1");
      await rig.onboard(users, (u) => rig.api.pushUpdate(u));
      const expected = numbered(users, o.messages);
      const load = pushRounds(rig, users, expected, o.roundMs ?? Math.max(100, o.outageMs / o.messages));
      await rig.answeredAtLeast(expected, 0.15);
      const stoppingAt = Date.now();
      await redis.down();
      const downAt = Date.now();
      rig.say(`  Redis stopped at ${rig.count(expected).answered}/${users.length * o.messages} answered`);
      await sleep(o.outageMs);
      await redis.up();
      const upAt = Date.now();
      rig.say(`  Redis back at ${rig.count(expected).answered}/${users.length * o.messages} answered`);
      await load;
      const counts = await rig.settle(expected, { stallMs: o.stallMs });
      rig.say(`  warnings: ${JSON.stringify(rig.warnings())}`);
      // Replies that reached the platform after Redis began to stop and before it was back were
      // past the send limiter (which needs Redis) when it went away: the ones in flight.
      const inFlight = rig.api.sentLog().filter((m) => m.at >= stoppingAt && m.at <= upAt && echoed(m.text) !== undefined).length;
      return { ...counts, inFlight, duplicatesWhileDown: rig.duplicateTimes(expected).filter((t) => t >= downAt && t <= upAt).length };
    } finally {
      await rig.dispose();
    }
  } finally {
    await redis.dispose();
  }
}
