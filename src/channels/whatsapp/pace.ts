/**
 * The pace of bot-initiated WhatsApp messages. WhatsApp bans numbers that send like machines:
 * many messages in a burst, at perfectly regular intervals. Everything the bot starts on its own
 * (a consultant's reply, an alert) therefore waits its turn here: one message per `paceMs`,
 * each gap jittered by ±20 %, strictly in the order they were queued, none ever dropped (a
 * failed send rejects its own promise and the queue goes on).
 *
 * Replies to a message the user just sent do not wait (a person answering at once is normal),
 * but they count as sends (`markSent`), so a queued message never follows them too closely.
 *
 * Time is injected (`PaceTimer`) so tests run without real waiting.
 *
 * @example
 * const pace = new PaceQueue({ paceMs: 5000 });
 * await pace.run(() => client.sendMessage(chatId, text));
 */
export class PaceQueue {
  private readonly paceMs: number;
  private readonly timer: PaceTimer;
  private readonly random: () => number;
  private tail: Promise<unknown> = Promise.resolve();
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private waiting = 0;
  private interrupt = new AbortController();
  private closed = false;

  constructor(options: PaceOptions) {
    this.paceMs = options.paceMs;
    this.timer = options.timer ?? realTimer;
    this.random = options.random ?? Math.random;
  }

  /**
   * Run `send` when its turn comes: after everything queued before it, and at least the
   * (jittered) pace after the previous send. Resolves or rejects with `send`'s own outcome.
   * `beforeWait` runs when the turn comes, before the pause (the typing indicator).
   */
  run<T>(send: () => Promise<T>, beforeWait?: () => void): Promise<T> {
    this.waiting++;
    const turn = this.tail.then(async () => {
      try {
        const gap = this.gap();
        const wait = this.lastSentAt + gap - this.timer.now();
        if (wait > 0 && !this.closed) {
          beforeWait?.();
          await this.timer.sleep(wait, this.interrupt.signal);
        }
        try {
          return await send();
        } finally {
          this.lastSentAt = this.timer.now();
        }
      } finally {
        this.waiting--;
      }
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** A send that did not go through the queue (an immediate reply) happened now. */
  markSent(): void {
    this.lastSentAt = this.timer.now();
  }

  /**
   * End every pause now and make no more: the queued sends run at once (a stopping channel makes
   * them fail with a delivery error instead of keeping the process alive for minutes).
   */
  close(): void {
    this.closed = true;
    this.interrupt.abort();
    this.interrupt = new AbortController();
  }

  /** Pace again after `close()` (a channel started again). */
  open(): void {
    this.closed = false;
  }

  /** Messages queued and not yet sent. */
  get pending(): number {
    return this.waiting;
  }

  /** Resolves when everything queued so far has been sent (or failed). */
  async drain(): Promise<void> {
    await this.tail;
  }

  private gap(): number {
    if (this.paceMs <= 0) return 0;
    return Math.round(this.paceMs * (0.8 + 0.4 * this.random()));
  }
}

export interface PaceOptions {
  /** Average pause between bot-initiated messages (`WHATSAPP_PACE_MS`). 0: no pause. */
  paceMs: number;
  timer?: PaceTimer;
  /** A number in [0, 1): the jitter. */
  random?: () => number;
}

/** Time for the queue: what time it is and how to wait. */
export interface PaceTimer {
  now(): number;
  /** Resolve after `ms`, or early when `signal` aborts (so a stopping process does not hang on a timer). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimer: PaceTimer = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timeout);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timeout = setTimeout(done, ms);
      signal?.addEventListener("abort", done, { once: true });
    }),
};
