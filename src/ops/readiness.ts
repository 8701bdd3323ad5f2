import type { Store } from "../store/store.ts";
import type { Channel } from "../channels/channel.ts";
import type { Logger } from "../core/log.ts";
import { errors, redisRoundTripSeconds } from "../metrics/metrics.ts";

/** The answer of `/readyz`: ready or not, and why not, in words an operator can act on. */
export interface ReadyReport {
  ready: boolean;
  /** One entry per failed check, like "redis: no answer within 2000 ms". */
  reasons: string[];
  checks: { redis: "ok" | "memory" | "down"; channels: Record<string, boolean>; started: boolean };
}

export interface ReadinessOptions {
  store: Store;
  /** Whether the store is Redis (a memory store has nothing to ask). */
  redis: boolean;
  /** The channels this process runs (each `connected()` is consulted). */
  channels: () => readonly Channel[];
  log: Logger;
  /** How long Redis may take to answer, ms (default 2000). */
  timeoutMs?: number;
  /** How often Redis is asked in the background, for `redisReady()` (default 5000 ms). */
  intervalMs?: number;
}

const PING_KEY = "ops:ping";

/**
 * Whether this process can do its work: Redis answers and every channel is connected. `/readyz`
 * runs `check()`; the Telegram webhook consults `redisReady()` (the last background answer, so a
 * request never waits for it) and answers 503 while Redis is away, so Telegram retries later
 * instead of the update failing. Logs once when Redis goes away and once when it is back.
 *
 * @example
 * const readiness = new Readiness({ store, redis: true, channels: () => channels, log });
 * readiness.start(); readiness.markStarted();
 * (await readiness.check()).ready // true
 */
export class Readiness {
  private started = false;
  private redisUp = true;
  private timer: NodeJS.Timeout | undefined;
  private readonly stopRtt: () => void;

  constructor(private readonly o: ReadinessOptions) {
    this.stopRtt = redisRoundTripSeconds.probe(async (set) => {
      if (!this.o.redis) return;
      const begun = performance.now();
      await this.ping();
      set({}, (performance.now() - begun) / 1000);
    });
  }

  /** Start-up finished: every channel was started. */
  markStarted(): void {
    this.started = true;
  }

  /** The last background answer of Redis (true with no Redis): for the webhook, which must not wait. */
  redisReady(): boolean {
    return this.redisUp;
  }

  /** Ask Redis every `intervalMs` in the background. */
  start(): void {
    if (this.timer || !this.o.redis) return;
    this.timer = setInterval(() => void this.checkRedis(), this.o.intervalMs ?? 5000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.stopRtt();
  }

  async check(): Promise<ReadyReport> {
    const reasons: string[] = [];
    let redis: ReadyReport["checks"]["redis"] = "memory";
    if (this.o.redis) {
      const problem = await this.checkRedis();
      redis = problem ? "down" : "ok";
      if (problem) reasons.push(`redis: ${problem}`);
    }
    const channels: Record<string, boolean> = {};
    for (const channel of this.o.channels()) {
      const up = channel.connected ? channel.connected() : true;
      channels[channel.name] = up;
      if (!up) reasons.push(`${channel.name}: not connected`);
    }
    if (!this.started) reasons.push("starting: the channels are not all started yet");
    return { ready: reasons.length === 0, reasons, checks: { redis, channels, started: this.started } };
  }

  /** Ask Redis once; returns what is wrong, or undefined. Updates `redisReady()` and logs changes. */
  private async checkRedis(): Promise<string | undefined> {
    let problem: string | undefined;
    try {
      await this.ping();
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem && this.redisUp) {
      errors.inc({ kind: "redis" });
      this.o.log.warn("not ready: Redis does not answer; the webhook answers 503 until it does", { error: problem });
    } else if (!problem && !this.redisUp) {
      this.o.log.info("ready again: Redis answers");
    }
    this.redisUp = !problem;
    return problem;
  }

  private async ping(): Promise<void> {
    const timeout = this.o.timeoutMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.o.store.get(PING_KEY),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout))),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
