import type { Transformer } from "grammy";

/** Limits for `createPacer`; the defaults are Telegram's. */
export interface PaceOptions {
  /** Messages per second for the whole bot (default 30). 0: no global limit. */
  perSecond?: number;
  /** Milliseconds between two messages to one private chat (default 1000). */
  perChatMs?: number;
  /** Messages per minute to one group (default 20). */
  groupPerMinute?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const PACED = /^(send(?!ChatAction)[A-Za-z]+|copyMessages?|forwardMessages?)$/;
// Forget chats whose next slot is long past, so the map does not grow with every user ever seen.
const PRUNE_AT = 10_000;

/**
 * Keeps outgoing messages within Telegram's limits (docs/architecture.md, "Platform limits"): about 30
 * messages a second overall, 1 a second to one private chat, 20 a minute to one group. Without
 * it a broadcast or a burst of replies earns 429s and, repeated, a longer ban.
 *
 * A grammY API transformer: every `send*`, `copyMessage` and `forwardMessage` call takes the next
 * free slot of its chat, then the first free slot of the whole bot from then on, and waits for
 * it; other calls (answering a
 * button, editing a keyboard, polling) pass straight through. Slots are reserved in call order,
 * so messages to one chat keep their order.
 *
 * Time is injected (`now`, `sleep`) so the spacing is tested without waiting.
 *
 * @example
 * bot.api.config.use(createPacer());            // production limits
 * bot.api.config.use(createPacer({ perChatMs: 0 })); // tests: no per-chat spacing
 */
export function createPacer(options: PaceOptions = {}): Transformer {
  const perSecond = options.perSecond ?? 30;
  const globalGap = perSecond > 0 ? 1000 / perSecond : 0;
  const chatGap = options.perChatMs ?? 1000;
  const groupGap = 60_000 / (options.groupPerMinute ?? 20);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const chatNext = new Map<string, number>();
  // The whole bot's time is cut into slots of 1/perSecond s; each message takes a free one. A
  // message waiting for its chat's next second takes a slot then, without holding up other chats.
  const taken = new Set<number>();

  /** Reserve a slot for `chat` and return when it starts. */
  const reserve = (chat: string | undefined): number => {
    const t = now();
    let at = t;
    if (chat !== undefined) {
      const gap = chat.startsWith("-") ? groupGap : chatGap;
      at = Math.max(at, chatNext.get(chat) ?? 0);
      chatNext.set(chat, at + gap);
      if (chatNext.size > PRUNE_AT) {
        for (const [key, next] of chatNext) if (next < t) chatNext.delete(key);
      }
    }
    if (globalGap > 0) {
      let slot = Math.floor(at / globalGap);
      while (taken.has(slot)) slot++;
      taken.add(slot);
      if (taken.size > PRUNE_AT) {
        const past = Math.floor(t / globalGap);
        for (const old of taken) if (old < past) taken.delete(old);
      }
      at = Math.max(at, slot * globalGap);
    }
    return at;
  };

  return async (prev, method, payload, signal) => {
    if (!PACED.test(method)) return prev(method, payload, signal);
    const chatId = (payload as { chat_id?: unknown }).chat_id;
    const at = reserve(chatId === undefined ? undefined : String(chatId));
    const wait = at - now();
    if (wait > 0) await sleep(wait);
    return prev(method, payload, signal);
  };
}
