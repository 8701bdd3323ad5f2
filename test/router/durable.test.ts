/**
 * The message path's guarantees, with real processes and real Redis: a crash leaves a message
 * either uncommitted (handled again) or committed (its reply sent by another process); per-user
 * order across two workers; the shared send rate; a 429 pauses every process; shutdown under a
 * backlog. Nothing here asserts how long something takes.
 */
import { spawn } from "node:child_process";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { userKey, type Address } from "../../src/core/address.ts";
import { type Outbound } from "../../src/core/messages.ts";
import { readSession } from "../../src/engine/session.ts";
import type { HostPlugin } from "../../src/app/host-plugin.ts";
import { sessionKey } from "../../src/router/default-router.ts";
import { inboxKey, outboxKey, seenKey, sendingKey } from "../../src/core/keys.ts";
import { Outbox, outboxCounters } from "../../src/outbox/outbox.ts";
import { RateLimitedError } from "../../src/core/delivery-errors.ts";
import { CATCH_UP_BURST, createSendLimiter, sendLimits } from "../../src/outbox/limiter.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testTarget } from "../support/redis.ts";
import { addr, countKind, countRouter, seed, text } from "./count-app.ts";
import { twoStores } from "./two-stores.ts";

vi.setConfig({ testTimeout: 60_000 });
const WAIT = { timeout: 30_000, interval: 25 };
/** The reorder window for the order test: production uses 30 ms; a loaded 2-core test machine stalls longer. */
const WINDOW_MS = 250;

const stores = twoStores("durable");
let a: RedisStore;
let b: RedisStore;
beforeEach(() => {
  ({ a, b } = stores);
});

/** Run `crash-child.ts` and wait for it to die. */
function crashChild(crash: "before-commit" | "after-commit", user: Address, message: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/router/crash-child.ts"], {
    env: { ...process.env, JOL_TEST_REDIS_TARGET: JSON.stringify(testTarget()), PREFIX: a.prefix, USER: user.id, MESSAGE: message, CRASH: crash },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
}

/** A plugin that records, per user, the ids of the messages handled, in the order handled. */
function recordHandled(): { handled: Map<string, string[]>; record: HostPlugin } {
  const handled = new Map<string, string[]>();
  const record: HostPlugin = {
    name: "record",
    kinds: [countKind],
    inbound: async (inbound) => {
      const key = userKey(inbound.address);
      handled.set(key, [...(handled.get(key) ?? []), inbound.messageId]);
      return "continue";
    },
  };
  return { handled, record };
}

const texts = (sent: Outbound[][]) => sent.map((m) => m.map((x) => x.text));

describe("a crash", () => {
  it("between the step and the commit leaves nothing written; another process handles the message, once", async () => {
    const u = addr("c1");
    await seed(a, u);
    expect(await crashChild("before-commit", u, "m1")).toBe("SIGKILL");
    const user = userKey(u);
    // Nothing of the commit: no dedupe mark, the session as it was, no reply; the message waits in the inbox.
    expect(await a.get(seenKey(user, "m1"))).toBeNull();
    expect(readSession(await a.get(sessionKey(user)), Date.now()).session.vars.n).toBeUndefined();
    expect(await a.llen(outboxKey(user))).toBe(0);
    expect(await a.zrangeByScore(inboxKey(user), -Infinity, Infinity)).toHaveLength(1);

    // Another process takes over once the dead one's lock lease ran out.
    const r = countRouter(b, { lockTtlMs: 600 });
    await vi.waitFor(async () => {
      await r.drain(user);
      expect(await b.get(seenKey(user, "m1"))).not.toBeNull();
    }, WAIT);
    const sent: Outbound[][] = [];
    await r.outbox.flush(user, async (_to, m) => void sent.push(m));
    expect(texts(sent)).toEqual([["1"]]);
    // The platform redelivers the update: it is recognised, not handled again.
    expect(await r.handle(text(u, "m1", "x"), async (m) => void sent.push(m))).toEqual({ duplicate: true, replies: [] });
    expect(readSession(await b.get(sessionKey(user)), Date.now()).session.vars.n).toBe(1);
    await r.stop();
  });

  it("after the commit, before the reply was sent: another process sends the reply and counts a possible repeat", async () => {
    const u = addr("c2");
    await seed(a, u);
    const repeats = outboxCounters.possibleRepeats;
    expect(await crashChild("after-commit", u, "m1")).toBe("SIGKILL");
    const user = userKey(u);
    // All of the commit: the dedupe mark, the new session, the reply in the outbox marked as being sent.
    expect(await a.get(seenKey(user, "m1"))).not.toBeNull();
    expect(readSession(await a.get(sessionKey(user)), Date.now()).session.vars.n).toBe(1);
    const [entry] = await a.lrange(outboxKey(user), 0, -1);
    expect(await a.get(sendingKey(user))).toBe(entry);

    const sent: Outbound[][] = [];
    const outbox = new Outbox({ store: b, log: silentLogger, deliver: async (_to, m) => void sent.push(m), leaseMs: 600 });
    await vi.waitFor(async () => {
      await outbox.flush(user);
      expect(texts(sent)).toEqual([["1"]]);
    }, WAIT);
    expect(outboxCounters.possibleRepeats).toBe(repeats + 1);
    expect(await b.llen(outboxKey(user))).toBe(0);
    // The redelivered update is not handled again.
    const r = countRouter(b);
    expect((await r.handle(text(u, "m1", "x"), async () => undefined)).duplicate).toBe(true);
    await r.stop();
  });
});

describe("two workers", () => {
  it("handle one user's messages in update order when the later one reaches the other worker 1 ms earlier", async () => {
    const { handled, record } = recordHandled();
    const [ra, rb] = [countRouter(a, { plugins: [record] }), countRouter(b, { plugins: [record] })];
    const users = Array.from({ length: 20 }, (_, i) => addr(`o${i}`));
    for (const u of users) await seed(a, u);
    await Promise.all(
      users.map(async (u, i) => {
        const later = ra.intake(text(u, "second", "x"), { order: 2 * i + 2, settleMs: WINDOW_MS });
        await new Promise((resolve) => setTimeout(resolve, 1));
        await Promise.all([later, rb.intake(text(u, "first", "x"), { order: 2 * i + 1, settleMs: WINDOW_MS })]);
      }),
    );
    await vi.waitFor(() => expect([...handled.values()].flat()).toHaveLength(40), WAIT);
    for (const u of users) expect(handled.get(userKey(u))).toEqual(["first", "second"]);
    await Promise.all([ra.stop(), rb.stop()]);
  });

  it("with Telegram's gapless numbering, a later message waits only until every earlier number arrived, not its whole window", async () => {
    const { handled, record } = recordHandled();
    const [ra, rb] = [countRouter(a, { plugins: [record] }), countRouter(b, { plugins: [record] })];
    const numbering = `t${Date.now()}`;
    // First contact: the frontier is unknown, so the first message waits its whole (short) window,
    // then stops waiting for the numbers before it.
    const first = addr("f0");
    await seed(a, first);
    await ra.intake(text(first, "n0", "x"), { order: 100, settleMs: 50, numbering });
    await ra.arrived(numbering, 100);
    await vi.waitFor(() => expect(handled.get(userKey(first))).toEqual(["n0"]), WAIT);
    // Now a window far longer than the test may take: only the frontier can let these through.
    const LONG = 10 * 60_000;
    const users = Array.from({ length: 10 }, (_, i) => addr(`f${i + 1}`));
    for (const u of users) await seed(a, u);
    await Promise.all(
      users.map(async (u, i) => {
        const [earlier, later] = [101 + 2 * i, 102 + 2 * i];
        // The later update reaches worker A first and is stored there; the earlier one reaches B 1 ms later.
        const atA = ra.intake(text(u, "second", "x"), { order: later, settleMs: LONG, numbering }).then(() => ra.arrived(numbering, later));
        await new Promise((resolve) => setTimeout(resolve, 1));
        await Promise.all([atA, rb.intake(text(u, "first", "x"), { order: earlier, settleMs: LONG, numbering }).then(() => rb.arrived(numbering, earlier))]);
      }),
    );
    await vi.waitFor(() => expect([...handled.values()].flat()).toHaveLength(1 + 20), WAIT);
    for (const u of users) expect(handled.get(userKey(u))).toEqual(["first", "second"]);
    await Promise.all([ra.stop(), rb.stop()]);
  });

  it("share one send rate: together they never exceed the bot's limit", async () => {
    const at: number[] = [];
    const outbox = (store: RedisStore) =>
      new Outbox({
        store,
        log: silentLogger,
        deliver: async () => void at.push(Date.now()),
        limiter: createSendLimiter(store, { telegram: sendLimits(20) }),
      });
    const [oa, ob] = [outbox(a), outbox(b)];
    for (let i = 0; i < 30; i++) {
      await oa.enqueue(addr(`ra${i}`), [{ text: "alert" }]);
      await ob.enqueue(addr(`rb${i}`), [{ text: "alert" }]);
    }
    await vi.waitFor(() => expect(at).toHaveLength(60), WAIT);
    // At most 20 a second in any one-second window of the sends, plus the catch-up burst a quiet
    // bucket allows (CATCH_UP_BURST - 1) and one for a window's edge.
    at.sort((x, y) => x - y);
    const busiest = Math.max(...at.map((t) => at.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(20 + (CATCH_UP_BURST - 1) + 1);
    await Promise.all([oa.stop(), ob.stop()]);
  });

  it("both pause when one gets a 429", async () => {
    const pauseKey = "rl:{bot}:telegram:pause";
    let first = true;
    const sentA: string[] = [];
    const oa = new Outbox({
      store: a,
      log: silentLogger,
      limiter: createSendLimiter(a, { telegram: sendLimits(1000) }),
      deliver: async (to) => {
        if (first) {
          first = false;
          throw new RateLimitedError(to, 1500);
        }
        sentA.push(to.id);
      },
    });
    const pauseLeftWhenBSent: number[] = [];
    const ob = new Outbox({
      store: b,
      log: silentLogger,
      limiter: createSendLimiter(b, { telegram: sendLimits(1000) }),
      deliver: async () => void pauseLeftWhenBSent.push(await b.ttl(pauseKey)),
    });
    await oa.enqueue(addr("p1"), [{ text: "to p1" }]);
    await vi.waitFor(async () => expect(await a.ttl(pauseKey)).toBeGreaterThan(0), WAIT);
    await ob.enqueue(addr("p2"), [{ text: "to p2" }]);
    await vi.waitFor(() => expect(pauseLeftWhenBSent).toHaveLength(1), WAIT);
    await vi.waitFor(() => expect(sentA).toEqual(["p1"]), WAIT);
    // B sent only once the pause was over: the key gone (-2), or in its very last millisecond (0:
    // B's limiter waited exactly the time Redis gave, and Redis drops a key lazily).
    expect(pauseLeftWhenBSent[0]).toBeLessThanOrEqual(0);
    expect([-2, 0]).toContain(pauseLeftWhenBSent[0]);
    await Promise.all([oa.stop(), ob.stop()]);
  });
});

describe("the outbox", () => {
  it("reports its backlog: entries waiting and the chats they wait in", async () => {
    // No sender in this process for Telegram: the entries wait.
    const outbox = new Outbox({ store: a, log: silentLogger, canDeliver: () => false });
    await outbox.enqueue(addr("q1"), [{ text: "one" }]);
    await outbox.enqueue(addr("q1"), [{ text: "two" }]);
    await outbox.enqueue(addr("q2"), [{ text: "three" }]);
    const backlog = await outbox.backlog();
    expect({ depth: backlog.depth, chats: backlog.chats }).toEqual({ depth: 3, chats: 2 });
    expect(backlog.oldestAgeMs).toBeGreaterThanOrEqual(0);
    await outbox.stop();
  });
});

describe("shutdown", () => {
  it("with a backlog finishes promptly and leaves every message either committed or in its inbox", async () => {
    const slow: HostPlugin = {
      name: "slow",
      kinds: [countKind],
      inbound: async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return "continue";
      },
    };
    const r = countRouter(a, { plugins: [slow] });
    const users = Array.from({ length: 30 }, (_, i) => addr(`s${i}`));
    for (const u of users) await seed(a, u);
    await Promise.all(users.flatMap((u) => Array.from({ length: 10 }, (_, k) => r.intake(text(u, `m${k}`, "x")))));
    await r.stop();
    await r.outbox.stop();
    // Nothing lost: each message is committed (dedupe mark) or still waits in the inbox.
    let committed = 0;
    let waiting = 0;
    for (const u of users) {
      const user = userKey(u);
      for (let k = 0; k < 10; k++) if ((await a.get(seenKey(user, `m${k}`))) !== null) committed++;
      waiting += (await a.zrangeByScore(inboxKey(user), -Infinity, Infinity)).length;
    }
    expect(committed + waiting).toBe(300);
    expect(waiting).toBeGreaterThan(0); // it did stop with work left
    // The next process handles the rest.
    const next = countRouter(b);
    await vi.waitFor(async () => {
      for (const u of users) await next.drain(userKey(u));
      let n = 0;
      for (const u of users) n += Number(readSession(await b.get(sessionKey(userKey(u))), Date.now()).session.vars.n ?? 0);
      expect(n).toBe(300);
    }, WAIT);
    await next.stop();
  });
});
