import { randomUUID } from "node:crypto";
import type { Store } from "../store/store.ts";
import type { Logger } from "../core/log.ts";
import type { LogEntry } from "./types.ts";
import { caseKeys } from "./store.ts";

/**
 * What the staff side must show, as data: the core (case service, SLA) pushes jobs, a staff desk
 * (the Telegram group) renders them. Keeping them in the store means nothing is lost when the
 * bot restarts, and one ordered list keeps every topic's messages in order.
 */
export type StaffJob =
  /** A new case: open its topic and post the summary card. */
  | { t: "open"; id: number }
  /** A message from the migrant, relayed into the case topic. */
  | { t: "user"; id: number; e: LogEntry }
  /** A line for the staff in the case topic (`case-staff-*` text in the staff language). */
  | { t: "event"; id: number; key: string; args?: Record<string, string | number>; ask?: "outcome"; topic?: number }
  /** The case changed (taken, closed, reopened): refresh the card and topic title. */
  | { t: "card"; id: number }
  /** A line in the general topic (SLA reminders); `admins` mentions the admins. */
  | { t: "general"; key: string; args?: Record<string, string | number>; id?: number; admins?: boolean };

/**
 * How long the drainer's lock lives without a refresh: a crashed process blocks the queue at most
 * this long; a working one refreshes it in the background while it works or waits.
 */
const LOCK_MS = 10_000;

/** The staff queue: an ordered list in the store (`case:q`). */
export class StaffQueue {
  constructor(
    private readonly store: Store,
    readonly key = caseKeys.queue,
  ) {}

  async push(...jobs: StaffJob[]): Promise<void> {
    if (jobs.length > 0) await this.store.rpush(this.key, ...jobs.map((j) => JSON.stringify(j)));
  }

  /** The first job, without removing it. */
  async peek(): Promise<StaffJob | null> {
    const [raw] = await this.store.lrange(this.key, 0, 0);
    return raw === undefined ? null : (JSON.parse(raw) as StaffJob);
  }

  async ack(): Promise<void> {
    await this.store.lpop(this.key);
  }

  async length(): Promise<number> {
    return this.store.llen(this.key);
  }

  /** Park a job that can never be delivered (kept for an admin to look at, not dropped). */
  async bury(job: StaffJob, reason: string): Promise<void> {
    await this.store.rpush(`${this.key}:dead`, JSON.stringify({ job, reason }));
  }
}

/** Time as the drainer sees it; tests inject a fake whose `sleep` moves the clock. */
export interface Timers {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Thrown by a deliverer when the platform asks to wait (Telegram 429 `retry_after`). */
export class RetryAfterError extends Error {
  constructor(readonly ms: number) {
    super(`asked to wait ${ms} ms`);
    this.name = "RetryAfterError";
  }
}

/** Thrown by a deliverer for a job that will never succeed (the topic was deleted, ...). */
export class PermanentError extends Error {
  override name = "PermanentError";
}

export interface DrainerOptions {
  /** At most `limit` messages per `windowMs` (Telegram: about 20 per minute per group). */
  limit: number;
  windowMs: number;
  timers?: Timers;
  log: Logger;
  /** How many platform messages a job costs (a new topic plus its card: 2). Default 1. */
  cost?(job: StaffJob): number;
  /**
   * The bot's send rate shared with every other sender (the outbox's replies and alerts): a turn
   * of it is taken for each platform message, and a 429 pauses it for every process too.
   */
  shared?: { take(signal?: AbortSignal): Promise<void>; pause(ms: number): Promise<void> };
}

/**
 * Delivers the staff queue in order at a pace the platform accepts: a sliding window of send
 * times kept in the store (`case:q:win`), so that a restart does not forget what was just sent.
 * One drainer at a time across processes (lock `case:q:lock`). A job is removed only after it
 * was delivered; a 429 waits as asked and tries the same job again; other failures back off.
 *
 * @example
 * const drainer = new QueueDrainer(store, queue, (job) => desk.render(job), { limit: 20, windowMs: 60_000, log });
 * drainer.start(); queue.push(job); drainer.kick();
 */
export class QueueDrainer {
  private readonly timers: Timers;
  private readonly owner = randomUUID();
  private stopped = true;
  private halting = false;
  private wake: (() => void) | undefined;
  private interrupt: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private readonly winKey: string;
  private readonly lockKey: string;

  constructor(
    private readonly store: Store,
    private readonly queue: StaffQueue,
    private readonly deliver: (job: StaffJob) => Promise<void>,
    private readonly options: DrainerOptions,
  ) {
    this.timers = options.timers ?? realTimers;
    this.winKey = `${queue.key}:win`;
    this.lockKey = `${queue.key}:lock`;
  }

  /**
   * Deliver until the queue is empty (or `max` jobs). Returns how many were delivered; 0 when
   * another process holds the lock.
   */
  async drain(max = Number.POSITIVE_INFINITY): Promise<number> {
    if (!(await this.lock())) return 0;
    let delivered = 0;
    let backoff = 1000;
    const keep = setInterval(() => void this.refreshLock().catch(() => undefined), LOCK_MS / 3);
    keep.unref?.();
    try {
      while (delivered < max && !this.halting) {
        const job = await this.queue.peek();
        if (!job) break;
        const cost = Math.min(this.options.cost?.(job) ?? 1, this.options.limit);
        if (!(await this.waitForRoom(cost))) break;
        await this.record(cost);
        try {
          for (let turn = 0; turn < cost && this.options.shared; turn++) await this.options.shared.take();
          await this.deliver(job);
          await this.queue.ack();
          delivered++;
          backoff = 1000;
        } catch (error) {
          if (error instanceof RetryAfterError) {
            await this.options.shared?.pause(error.ms);
            await this.pause(error.ms);
            await this.refreshLock();
          } else if (error instanceof PermanentError) {
            this.options.log.warn("staff job could not be delivered, parked", { job: job.t, reason: error.message });
            await this.queue.bury(job, error.message);
            await this.queue.ack();
          } else {
            this.options.log.warn("staff job failed, will retry", { job: job.t, error: (error as Error).message, waitMs: backoff });
            if (this.halting) break;
            await this.pause(backoff);
            backoff = Math.min(backoff * 2, 30_000);
          }
        }
        await this.refreshLock();
      }
    } finally {
      clearInterval(keep);
      await this.store.deleteIfEquals(this.lockKey, this.owner);
    }
    return delivered;
  }

  /** Run in the background: drain, then wait for `kick()` or a poll interval. */
  start(pollMs = 1000): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halting = false;
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          await this.drain();
        } catch (error) {
          this.options.log.error("staff queue drain failed", { error: (error as Error).message });
        }
        if (this.stopped) break;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          timer.unref?.();
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    })();
  }

  /** Something was queued: drain now instead of at the next poll. */
  kick(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    this.wake?.();
    this.interrupt?.();
    await this.loop;
    this.loop = undefined;
  }

  private async lock(): Promise<boolean> {
    if (await this.store.setIfAbsent(this.lockKey, this.owner, LOCK_MS)) return true;
    return (await this.store.get(this.lockKey)) === this.owner;
  }

  /** Keep the lock while working (it outlives the longest pause in `waitForRoom` by far). */
  private async refreshLock(): Promise<void> {
    await this.store.compareAndSet(this.lockKey, this.owner, this.owner, LOCK_MS);
  }

  private async sentSince(since: number): Promise<number[]> {
    const members = await this.store.zrangeByScore(this.winKey, since, Number.MAX_SAFE_INTEGER);
    return members.map((m) => Number(m.split(":")[0]));
  }

  /** Sleep, cut short by `stop()`. */
  private async pause(ms: number): Promise<void> {
    if (this.halting) return;
    await Promise.race([this.timers.sleep(ms), new Promise<void>((resolve) => (this.interrupt = resolve))]);
    this.interrupt = undefined;
  }

  /** Wait until the window has room for `cost` messages; false if stopped meanwhile. */
  private async waitForRoom(cost: number): Promise<boolean> {
    const { limit, windowMs } = this.options;
    for (;;) {
      if (this.halting) return false;
      const now = this.timers.now();
      const old = await this.store.zrangeByScore(this.winKey, 0, now - windowMs);
      if (old.length > 0) await this.store.zrem(this.winKey, ...old);
      const times = await this.sentSince(now - windowMs + 1);
      if (times.length + cost <= limit) return true;
      times.sort((a, b) => a - b);
      const freeAt = (times[times.length + cost - limit - 1] ?? now) + windowMs;
      await this.pause(Math.max(1, freeAt - now));
      await this.refreshLock();
    }
  }

  private async record(cost: number): Promise<void> {
    const now = this.timers.now();
    for (let i = 0; i < cost; i++) await this.store.zadd(this.winKey, now, `${now}:${randomUUID()}`);
  }
}
