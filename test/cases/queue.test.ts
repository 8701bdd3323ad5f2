import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { QueueDrainer, RetryAfterError, PermanentError, StaffQueue, type StaffJob } from "../../src/cases/queue.ts";
import { silentLogger } from "../../src/core/log.ts";
import { FakeClock } from "./helpers.ts";

const MINUTE = 60_000;

/** The largest number of sends inside any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    let n = 0;
    for (let j = i; j < times.length && times[j]! < times[i]! + windowMs; j++) n++;
    best = Math.max(best, n);
  }
  return best;
}

describe("staff queue", () => {
  let store: RedisStore;
  let clock: FakeClock;
  beforeEach(async () => {
    store = await testStore("cases-queue");
    clock = new FakeClock();
  });
  afterEach(async () => {
    await store.close();
  });

  it("delivers a burst of 100 in order, never more than 20 a minute", async () => {
    const queue = new StaffQueue(store);
    const sent: Array<{ n: number; at: number }> = [];
    for (let n = 0; n < 100; n++) await queue.push({ t: "event", id: 1, key: "k", args: { n } });
    const drainer = new QueueDrainer(store, queue, async (job) => {
      sent.push({ n: Number((job as Extract<StaffJob, { t: "event" }>).args?.n), at: clock.now() });
    }, { limit: 20, windowMs: MINUTE, timers: clock, log: silentLogger });
    const start = clock.now();
    expect(await drainer.drain()).toBe(100);
    expect(sent.map((s) => s.n)).toEqual([...Array(100).keys()]);
    expect(busiestWindow(sent.map((s) => s.at), MINUTE)).toBe(20);
    // 100 messages at 20 a minute: the last one goes out in the fifth minute, not later.
    expect(sent.at(-1)!.at - start).toBeGreaterThanOrEqual(4 * MINUTE);
    expect(sent.at(-1)!.at - start).toBeLessThan(5 * MINUTE);
    expect(await queue.length()).toBe(0);
  });

  it("waits as asked on 429 and retries the same job, then keeps the order", async () => {
    const queue = new StaffQueue(store);
    await queue.push({ t: "open", id: 1 }, { t: "open", id: 2 });
    const calls: number[] = [];
    let failOnce = true;
    const drainer = new QueueDrainer(store, queue, async (job) => {
      calls.push((job as { id: number }).id);
      if (failOnce) {
        failOnce = false;
        throw new RetryAfterError(7000);
      }
    }, { limit: 20, windowMs: MINUTE, timers: clock, log: silentLogger });
    const start = clock.now();
    expect(await drainer.drain()).toBe(2);
    expect(calls).toEqual([1, 1, 2]);
    expect(clock.now() - start).toBeGreaterThanOrEqual(7000);
  });

  it("parks a job that can never be delivered instead of blocking the queue", async () => {
    const queue = new StaffQueue(store);
    await queue.push({ t: "open", id: 1 }, { t: "open", id: 2 });
    const done: number[] = [];
    const drainer = new QueueDrainer(store, queue, async (job) => {
      const id = (job as { id: number }).id;
      if (id === 1) throw new PermanentError("topic deleted");
      done.push(id);
    }, { limit: 20, windowMs: MINUTE, timers: clock, log: silentLogger });
    await drainer.drain();
    expect(done).toEqual([2]);
    expect(await store.lrange("case:q:dead", 0, -1)).toHaveLength(1);
  });

  it("counts what a previous process sent in the last minute (restart)", async () => {
    const queue = new StaffQueue(store);
    for (let n = 0; n < 30; n++) await queue.push({ t: "open", id: n });
    const times: number[] = [];
    const deliver = async () => {
      times.push(clock.now());
    };
    const first = new QueueDrainer(store, queue, deliver, { limit: 20, windowMs: MINUTE, timers: clock, log: silentLogger });
    expect(await first.drain(15)).toBe(15);
    const second = new QueueDrainer(store, queue, deliver, { limit: 20, windowMs: MINUTE, timers: clock, log: silentLogger });
    expect(await second.drain()).toBe(15);
    expect(busiestWindow(times, MINUTE)).toBeLessThanOrEqual(20);
  });

  it("lets one drainer at a time work on the queue", async () => {
    const queue = new StaffQueue(store);
    await queue.push({ t: "open", id: 1 });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const a = new QueueDrainer(store, queue, () => gate, { limit: 20, windowMs: MINUTE, timers: clock, log: silentLogger });
    const b = new QueueDrainer(store, queue, async () => {}, { limit: 20, windowMs: MINUTE, timers: clock, log: silentLogger });
    const running = a.drain();
    await new Promise((r) => setTimeout(r, 50));
    expect(await b.drain()).toBe(0);
    release();
    expect(await running).toBe(1);
  });
});
