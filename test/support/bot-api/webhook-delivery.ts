/**
 * Telegram's side of webhook mode, for the Bot API stand-in: every pushed update is POSTed to the
 * bot with the secret header and retried until the bot answers 200, over several connections at
 * once (Telegram's `max_connections`, 40 by default). Updates of one chat go one at a time, in
 * order (the next is posted once the previous got its 200); a retry goes to the next target, as a
 * load balancer in front of several bot processes would send it.
 *
 * Start it with `api.deliverToWebhook(options)`; from then on `api.pushUpdate` posts instead of
 * queuing for `getUpdates`.
 */
import type { Update } from "grammy/types";

export interface WebhookDeliveryOptions {
  /**
   * Where to post, tried in turn (a load balancer over bot processes). Default: the URL of the
   * bot's last `setWebhook`.
   */
  targets?: () => string[];
  /** The secret header; default: the secret of the last `setWebhook`. */
  secret?: () => string | undefined;
  /** Connections at once (Telegram's `max_connections`; default 40). */
  connections?: number;
  /** Pause before a retry, doubled per failed attempt of the same update up to 2 s (default 100 ms). */
  retryMs?: number;
  /** How long one POST may take before it counts as failed (default 30 s). */
  timeoutMs?: number;
}

/** What the delivery did so far. */
export interface DeliveryStats {
  /** Updates answered 200. */
  delivered: number;
  /** POSTs that failed (refused connection, timeout, non-200 answer). */
  failedAttempts: number;
  /** Updates not yet answered 200. */
  pending: number;
}

const chatOf = (update: Update): string => {
  const id = (update.message ?? update.edited_message)?.chat.id ?? update.callback_query?.message?.chat.id ?? update.callback_query?.from.id;
  return id === undefined ? `u${update.update_id}` : String(id);
};

/** The delivery loop behind `BotApiStandIn.deliverToWebhook`. */
export class WebhookDelivery {
  readonly stats: DeliveryStats = { delivered: 0, failedAttempts: 0, pending: 0 };
  private readonly queues = new Map<string, Update[]>();
  private readonly ready: string[] = [];
  private active = 0;
  private next = 0;
  private stopped = false;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly o: Required<Omit<WebhookDeliveryOptions, "targets" | "secret">> & Pick<WebhookDeliveryOptions, "targets" | "secret">;

  constructor(
    private readonly defaults: { url: () => string | undefined; secret: () => string | undefined },
    options: WebhookDeliveryOptions = {},
  ) {
    this.o = { connections: 40, retryMs: 100, timeoutMs: 30_000, ...options };
  }

  /** Queue an update for posting. */
  push(update: Update): void {
    if (this.stopped) throw new Error("webhook delivery stopped");
    const key = chatOf(update);
    const queue = this.queues.get(key);
    this.stats.pending++;
    if (queue) {
      queue.push(update);
      return;
    }
    this.queues.set(key, [update]);
    this.ready.push(key);
    this.pump();
  }

  /** Resolve when every pushed update was answered 200 (or reject after `timeoutMs`). */
  idle(timeoutMs = 60_000): Promise<void> {
    if (this.stats.pending === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`webhook delivery: ${this.stats.pending} update(s) still unanswered after ${timeoutMs} ms`)), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Stop posting (updates in flight finish their current attempt; the rest stay unsent). */
  stop(): void {
    this.stopped = true;
  }

  private pump(): void {
    while (!this.stopped && this.active < this.o.connections && this.ready.length > 0) {
      const key = this.ready.shift()!;
      this.active++;
      void this.run(key);
    }
  }

  private async run(key: string): Promise<void> {
    const queue = this.queues.get(key)!;
    const update = queue[0]!;
    const ok = await this.post(update);
    this.active--;
    if (ok) {
      queue.shift();
      this.stats.delivered++;
      this.stats.pending--;
    }
    if (queue.length > 0) this.ready.push(key);
    else this.queues.delete(key);
    if (this.stats.pending === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    this.pump();
  }

  /** Post until answered 200; false only when stopped. */
  private async post(update: Update): Promise<boolean> {
    let pause = this.o.retryMs;
    const body = JSON.stringify(update);
    while (!this.stopped) {
      const targets = this.o.targets?.() ?? [this.defaults.url()].filter((u): u is string => Boolean(u));
      const url = targets[this.next++ % Math.max(1, targets.length)];
      const secret = this.o.secret?.() ?? this.defaults.secret();
      if (url) {
        try {
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (secret) headers["x-telegram-bot-api-secret-token"] = secret;
          const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(this.o.timeoutMs) });
          await response.arrayBuffer().catch(() => undefined);
          if (response.status === 200) return true;
        } catch {
          // refused, reset or timed out: retried below, like Telegram
        }
      }
      this.stats.failedAttempts++;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 2000);
    }
    return false;
  }
}
