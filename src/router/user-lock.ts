import { randomUUID } from "node:crypto";
import type { Store } from "../store/store.ts";

/**
 * One update of a user at a time, in arrival order: a FIFO queue per user inside this process,
 * and a lock in the store across processes (several bot processes on one Redis).
 * The store lock has a TTL so a crashed process cannot hold a user forever.
 */
export class UserLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly options: { ttlMs: number; waitMs: number } = { ttlMs: 30_000, waitMs: 60_000 },
  ) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => this.withStoreLock(key, work));
    this.tails.set(key, mine);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === mine) this.tails.delete(key);
    }
  }

  private async withStoreLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lockKey = `lock:${key}`;
    const token = randomUUID();
    let delay = 2;
    const deadline = Date.now() + this.options.waitMs;
    while (!(await this.store.setIfAbsent(lockKey, token, this.options.ttlMs))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock of a user (another process holds it longer than ${this.options.waitMs} ms)`);
      await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
      delay = Math.min(delay * 2, 50);
    }
    try {
      return await work();
    } finally {
      await this.store.deleteIfEquals(lockKey, token);
    }
  }
}
