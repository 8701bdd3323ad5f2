/**
 * Telegram's sending limits, enforced by the Bot API stand-in when asked
 * (`BotApiStandIn.start({ limits: true })`): about 30 messages per second for the whole bot,
 * about 1 per second to one private chat and 20 per minute to one group, each with a little burst
 * tolerance as on the real platform. A send over a limit is answered 429 with `retry_after` (whole
 * seconds, at least 1, as Telegram does) and counted.
 *
 * Each limit is a token bucket: `burst` tokens, refilled at the limit's rate. A send takes one
 * token from the global bucket and one from its chat's; with either empty it is refused and takes
 * nothing.
 */

/** The limits (defaults: Telegram's published figures). */
export interface LimitOptions {
  /** Messages per second for the whole bot (30). */
  perSecond?: number;
  /** How many the bot may send at once before the per-second rate applies (30). */
  globalBurst?: number;
  /** Messages per second to one private chat (1). */
  chatPerSecond?: number;
  /** Messages in a row one private chat tolerates (3). */
  chatBurst?: number;
  /** Messages per minute to one group or channel (20). */
  groupPerMinute?: number;
  /** Messages in a row one group tolerates (5). */
  groupBurst?: number;
}

/** Methods that send a message (edits and chat actions are not counted, as on Telegram). */
export const SEND_METHODS = /^(send(Message|Photo|Document|Voice|Video|Audio|Sticker|Animation|MediaGroup|Location|Contact)|copyMessage|forwardMessage)$/;

class Bucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  /** Ms until a token is free (0: one is free now). */
  wait(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) * this.perMs);
    this.at = now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perMs;
  }

  take(): void {
    this.tokens -= 1;
  }
}

/** The limiter behind the stand-in's enforcing mode. */
export class RateLimits {
  /** Sends refused with 429, in total and by reason. */
  readonly refused = { total: 0, global: 0, chat: 0, group: 0 };
  private readonly o: Required<LimitOptions>;
  private global: Bucket | undefined;
  private readonly chats = new Map<string, Bucket>();

  constructor(options: LimitOptions = {}) {
    this.o = {
      perSecond: options.perSecond ?? 30,
      globalBurst: options.globalBurst ?? options.perSecond ?? 30,
      chatPerSecond: options.chatPerSecond ?? 1,
      chatBurst: options.chatBurst ?? 3,
      groupPerMinute: options.groupPerMinute ?? 20,
      groupBurst: options.groupBurst ?? 5,
    };
  }

  /**
   * Check one call: undefined when it may go (its tokens are taken), else the seconds Telegram
   * would ask the bot to wait.
   */
  check(method: string, chatId: unknown, now = Date.now()): number | undefined {
    if (!SEND_METHODS.test(method) || chatId === undefined) return undefined;
    const chat = String(chatId);
    const group = chat.startsWith("-");
    this.global ??= new Bucket(this.o.globalBurst, this.o.perSecond / 1000, now);
    let bucket = this.chats.get(chat);
    if (!bucket) {
      bucket = group
        ? new Bucket(this.o.groupBurst, this.o.groupPerMinute / 60_000, now)
        : new Bucket(this.o.chatBurst, this.o.chatPerSecond / 1000, now);
      this.chats.set(chat, bucket);
    }
    const globalWait = this.global.wait(now);
    const chatWait = bucket.wait(now);
    if (globalWait === 0 && chatWait === 0) {
      this.global.take();
      bucket.take();
      return undefined;
    }
    this.refused.total++;
    if (chatWait > 0) this.refused[group ? "group" : "chat"]++;
    else this.refused.global++;
    return Math.max(1, Math.ceil(Math.max(globalWait, chatWait) / 1000));
  }
}
