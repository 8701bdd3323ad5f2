import type { Store } from "../store/store.ts";
import { sleep } from "../outbox/limiter.ts";

/** How long a numbering's frontier is kept after its last change (shorter than Telegram's week of silence, after which update ids restart at random). */
const FRONTIER_TTL_MS = 86_400_000;
/** How often a process that has a message waiting asks for the frontier others may have moved. */
const POLL_MS = 5;

/** What is known here of one numbering's frontier, and when it was learned (`Frontiers.tick`). */
interface Known {
  value: number | null;
  learned: number;
}

/**
 * The arrival frontiers of gapless numberings (Telegram's `update_id`, one numbering per bot),
 * shared by every process through the store (`Store.frontier`). A webhook update that reaches one
 * worker before an earlier update of the same user reaches another must wait for it; the frontier
 * says when no earlier update is still on its way: every number up to it has been stored in its
 * user's inbox (a channel records an arrival only after the intake). So a message waits only
 * while an earlier number is missing, not a fixed time, and at most its settle time: then the
 * missing numbers are skipped (an update the bot never gets, or one lost on the way).
 *
 * Knowledge is stamped with a tick: a head of an inbox read before the frontier was learned may
 * be missing an earlier message that arrived in between, so it is read again (`covers`).
 */
export class Frontiers {
  private counter = 0;
  private readonly known = new Map<string, Known>();
  private readonly waiters = new Map<string, Set<{ need: number; wake: () => void }>>();
  private readonly polling = new Set<string>();

  constructor(private readonly store: Store) {}

  /** A stamp to take before reading an inbox's head. */
  tick(): number {
    return ++this.counter;
  }

  /**
   * Whether every number up to `need` is known to have arrived before the inbox head stamped
   * `readAt` was read.
   */
  covers(numbering: string, need: number, readAt: number): boolean {
    const known = this.known.get(numbering);
    return known !== undefined && known.value !== null && known.value >= need && known.learned < readAt;
  }

  /** Record that `n` arrived (after its intake is stored). */
  async arrived(numbering: string, n: number): Promise<void> {
    this.learn(numbering, await this.store.frontier(key(numbering), { arrived: n }, FRONTIER_TTL_MS));
  }

  /** Stop waiting for the numbers up to `n` (a message waited its whole settle time for them). */
  async skip(numbering: string, n: number): Promise<void> {
    this.learn(numbering, await this.store.frontier(key(numbering), { skipTo: n }, FRONTIER_TTL_MS));
  }

  /**
   * Wait until the frontier reaches `need` (true) or `ms` pass (false). Reads the store every few
   * ms meanwhile, since another process may move it.
   */
  async wait(numbering: string, need: number, ms: number, signal: AbortSignal): Promise<boolean> {
    const known = this.known.get(numbering);
    if (known?.value != null && known.value >= need) return true;
    let waiter: { need: number; wake: () => void } | undefined;
    const reached = new Promise<boolean>((resolve) => (waiter = { need, wake: () => resolve(true) }));
    const set = this.waiters.get(numbering) ?? new Set();
    set.add(waiter!);
    this.waiters.set(numbering, set);
    this.poll(numbering, signal);
    try {
      return await Promise.race([reached, sleep(ms, signal).then(() => false, () => false)]);
    } finally {
      set.delete(waiter!);
      if (set.size === 0) this.waiters.delete(numbering);
    }
  }

  private learn(numbering: string, value: number | null): void {
    const before = this.known.get(numbering)?.value ?? null;
    // Only a higher frontier is news; what was known stays stamped with when it was learned first.
    if (value === null || (before !== null && value <= before)) return;
    const now = value;
    this.known.set(numbering, { value: now, learned: this.tick() });
    for (const waiter of this.waiters.get(numbering) ?? []) if (now >= waiter.need) waiter.wake();
  }

  /** Ask the store for the frontier while anyone here waits for it (one loop per numbering). */
  private poll(numbering: string, signal: AbortSignal): void {
    if (this.polling.has(numbering)) return;
    this.polling.add(numbering);
    void (async () => {
      try {
        while (this.waiters.has(numbering) && !signal.aborted) {
          await sleep(POLL_MS, signal);
          if (!this.waiters.has(numbering)) break;
          this.learn(numbering, await this.store.frontier(key(numbering), {}, FRONTIER_TTL_MS));
        }
      } catch {
        // Stopping, or the store is away: the waiters still end at their settle time.
      } finally {
        this.polling.delete(numbering);
      }
    })();
  }
}

function key(numbering: string): string {
  return `seq:{${numbering}}`;
}
