import type { Logger } from "../core/log.ts";
import type { Store } from "../store/store.ts";
import type { Outbox } from "../outbox/outbox.ts";
import { inboxKey, lockKey, outboxKey, outboxLeaseKey, PENDING_KEY } from "../core/keys.ts";
import type { Router } from "./router.ts";

export interface RecoveryOptions {
  store: Store;
  router: Router;
  outbox: Outbox;
  log: Logger;
  /** Pause between sweeps, ms (default 1000). */
  everyMs?: number;
}

/**
 * Picks up work a dead process left: users whose inbox holds messages nobody is handling (their
 * lock expired) and chats whose outbox holds messages nobody is sending. It walks the index of
 * users with pending work (`path:pending`, written next to every inbox and outbox write); on start
 * it first rebuilds that index from a SCAN of the inbox and outbox keys, since the index lives in
 * another Cluster slot than the users' keys and is written outside their scripts.
 *
 * @example
 * const recovery = new Recovery({ store, router, outbox, log });
 * await recovery.start(); // … await recovery.stop();
 */
export class Recovery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly o: RecoveryOptions) {}

  /** Rebuild the index, sweep once, then sweep every `everyMs`. */
  async start(): Promise<void> {
    const found = await this.repair();
    if (found > 0) this.o.log.info("resuming the inboxes and outboxes left from before", { users: found });
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Put every user with an inbox or outbox into the index; returns how many there are. */
  async repair(): Promise<number> {
    const keys = [...(await this.o.store.keys("in:{")), ...(await this.o.store.keys("out:{"))];
    const users = new Set(keys.map((k) => k.slice(k.indexOf("{") + 1, k.lastIndexOf("}"))));
    if (users.size > 0) await this.o.store.sadd(PENDING_KEY, ...users);
    return users.size;
  }

  /** Handle and send what the index lists; forget users with nothing left. */
  async sweep(): Promise<void> {
    const { store, router, outbox } = this.o;
    const users = await store.smembers(PENDING_KEY);
    for (let i = 0; i < users.length && !this.stopped; i += 32) {
      await Promise.all(
        users.slice(i, i + 32).map(async (user) => {
          // Handled or sent by this very process right now: nothing to recover, and asking would
          // only wait for that work and start another send of the chat after it. A later sweep looks.
          if (router.busy?.(user) || outbox.isSending(user)) return;
          // One look at the user's keys: work nobody holds is taken up; work a live process holds
          // (its lock or lease is there) is left to it; nothing left, the user leaves the index.
          const state = await this.look(user);
          if (state.inbox && !state.locked) await router.drain(user);
          if (state.outbox && !state.leased) await outbox.flush(user);
          if (!state.inbox && !state.outbox) {
            await store.srem(PENDING_KEY, user);
            // Written meanwhile? Its writer added the user before or after our removal: look again.
            const again = await this.look(user);
            if (again.inbox || again.outbox) await store.sadd(PENDING_KEY, user);
          }
        }),
      );
    }
  }

  private async look(user: string): Promise<{ inbox: boolean; locked: boolean; outbox: boolean; leased: boolean }> {
    const [inbox, lock, outbox, lease] = await this.o.store.batch([
      { op: "zfirst", key: inboxKey(user) },
      { op: "get", key: lockKey(user) },
      { op: "lfirst", key: outboxKey(user) },
      { op: "get", key: outboxLeaseKey(user) },
    ]);
    return { inbox: inbox !== null, locked: lock !== null, outbox: outbox !== null, leased: lease !== null };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .catch((error: unknown) => this.o.log.warn("recovery sweep failed; trying again", { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => this.schedule(this.o.everyMs ?? 1000));
    }, ms);
    this.timer.unref?.();
  }
}
