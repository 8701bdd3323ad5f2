import type { Store } from "../store/store.ts";

/**
 * One update of a user at a time, in arrival order: a FIFO queue per user inside this process
 * (`queue`), and a lock in the store across processes (`acquire`, released by compare-and-delete).
 * The store lock has a TTL so a crashed process cannot hold a user forever.
 */
export class UserLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    readonly options: { ttlMs: number; waitMs: number } = { ttlMs: 30_000, waitMs: 60_000 },
  ) {}

  /** Run `work` after every earlier `work` of the same key in this process has finished. */
  async queue<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(work);
    this.tails.set(key, mine);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === mine) this.tails.delete(key);
    }
  }

  /** Try to take the store lock once. */
  tryAcquire(lockKey: string, token: string): Promise<boolean> {
    return this.store.setIfAbsent(lockKey, token, this.options.ttlMs);
  }

  /** Wait for the store lock (another process holds it), with a growing pause between tries. */
  async acquire(lockKey: string, token: string): Promise<void> {
    let delay = 2;
    const deadline = Date.now() + this.options.waitMs;
    while (!(await this.tryAcquire(lockKey, token))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the lock of a user (another process holds it longer than ${this.options.waitMs} ms)`);
      await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
      delay = Math.min(delay * 2, 50);
    }
  }

  release(lockKey: string, token: string): Promise<boolean> {
    return this.store.deleteIfEquals(lockKey, token);
  }
}
