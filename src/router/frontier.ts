import type { Store } from "../store/store.ts";
import { sleep, within } from "../outbox/limiter.ts";

/** How long a numbering's frontier is kept after its last change (shorter than Telegram's week of silence, after which update ids restart at random). */
const FRONTIER_TTL_MS = 86_400_000;
/** How often a process that has a message waiting asks for the frontier others may have moved. */
const POLL_MS = 5;
/** How many numbers back `covers` looks through the local arrivals. */
const LOCAL_SPAN = 256;
/** How many rises of a frontier are kept (`valueAt`). */
const HISTORY = 256;

/** What is known here of one numbering's frontier, and when it was learned (`Frontiers.tick`). */
interface Known {
  value: number;
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
  /** Each numbering's frontier as it rose here, oldest first: the last is what is known now, the rest what was known at a tick (`covers`). */
  private readonly history = new Map<string, Known[]>();
  /** Numbers that arrived at this process lately, and whose user they were ("" none). */
  private readonly local = new Map<string, Map<number, string>>();
  private readonly waiters = new Map<string, Set<{ need: number; wake: () => void }>>();
  private readonly polling = new Set<string>();

  constructor(private readonly store: Store) {}

  /** A stamp to take before reading an inbox's head. */
  tick(): number {
    return ++this.counter;
  }

  /**
   * Whether the head of `user`'s inbox read at the stamp `readAt` may be handled: no update of
   * that user numbered up to `need` can have arrived after the read. True when every number up
   * to `need` was known to have arrived before the read; or when it is known now and each number
   * that arrived since the read came to this very process for another user (one worker, or the
   * usual case of a few workers: no second read of the inbox needed).
   */
  covers(numbering: string, need: number, readAt: number, user: string): boolean {
    const known = this.known(numbering);
    if (known === undefined || known.value < need) return false;
    if (known.learned < readAt) return true;
    const before = this.valueAt(numbering, readAt);
    if (before === null || need - before > LOCAL_SPAN) return false;
    const local = this.local.get(numbering);
    for (let n = before + 1; n <= need; n++) {
      const whose = local?.get(n);
      if (whose === undefined || whose === user) return false;
    }
    return true;
  }

  /** Record that `n` arrived (after its intake is stored), for `user` ("" for an update that is no user's message). */
  async arrived(numbering: string, n: number, user = ""): Promise<void> {
    let local = this.local.get(numbering);
    if (!local) this.local.set(numbering, (local = new Map()));
    local.set(n, user);
    if (local.size > 4 * LOCAL_SPAN) for (const old of [...local.keys()].slice(0, 2 * LOCAL_SPAN)) local.delete(old);
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
    const known = this.known(numbering);
    if (known !== undefined && known.value >= need) return true;
    let waiter: { need: number; wake: () => void } | undefined;
    const reached = new Promise<boolean>((resolve) => (waiter = { need, wake: () => resolve(true) }));
    const set = this.waiters.get(numbering) ?? new Set();
    set.add(waiter!);
    this.waiters.set(numbering, set);
    this.poll(numbering, signal);
    try {
      return (await within(reached, ms, signal)) ?? false;
    } finally {
      set.delete(waiter!);
      if (set.size === 0) this.waiters.delete(numbering);
    }
  }

  /** The frontier known here now, and when it was learned. */
  private known(numbering: string): Known | undefined {
    return this.history.get(numbering)?.at(-1);
  }

  /** The frontier known here just before the stamp `tick` (null: unknown, or too long ago to tell). */
  private valueAt(numbering: string, tick: number): number | null {
    const history = this.history.get(numbering) ?? [];
    for (let i = history.length - 1; i >= 0; i--) if (history[i]!.learned < tick) return history[i]!.value;
    return null;
  }

  private learn(numbering: string, value: number | null): void {
    const before = this.known(numbering)?.value;
    // Only a higher frontier is news; what was known stays stamped with when it was learned first.
    if (value === null || (before !== undefined && value <= before)) return;
    const now = value;
    const history = this.history.get(numbering) ?? [];
    history.push({ value: now, learned: this.tick() });
    if (history.length > 2 * HISTORY) history.splice(0, HISTORY);
    this.history.set(numbering, history);
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
