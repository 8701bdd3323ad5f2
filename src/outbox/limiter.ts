import type { Redis } from "ioredis";
import type { ChannelName } from "../core/address.ts";
import type { Config } from "../config/schema.ts";
import type { Store } from "../store/store.ts";
import { RedisStore } from "../store/redis.ts";

/** A rate: one message every `intervalMs`, with up to `burst` at once after a quiet spell. */
export interface Rate {
  intervalMs: number;
  burst: number;
}

/** The limits the outbox keeps per channel; defaults are Telegram's. */
export interface SendLimits {
  /** The whole bot, per channel (Telegram: about 30 messages a second). */
  bot: Rate;
  /** One private chat (Telegram: 1 a second, short bursts of replies allowed). */
  chat: Rate;
  /** One group (Telegram: 20 a minute). */
  group: Rate;
}

/**
 * How many turns a bucket lets a sender take at once after a quiet spell. With 1, a sender that
 * wakes up late (a timer, a Redis round trip, a busy event loop) loses the slot it missed, and
 * many late wake-ups pull the real rate well under the configured one. 3 lets it catch up two
 * missed slots: never more than 3 calls at once, which Telegram's allowance (a bucket of about
 * 30) and Meta's throughput limit absorb.
 */
export const CATCH_UP_BURST = 3;

/**
 * Telegram's published limits, with a 10 % margin on the chat and group intervals: two messages
 * spaced exactly 1 s apart here can arrive 0.99 s apart at Telegram, which then answers 429 and
 * pauses the whole bot.
 */
export const TELEGRAM_LIMITS: SendLimits = {
  bot: { intervalMs: 1000 / 30, burst: CATCH_UP_BURST },
  chat: { intervalMs: 1100, burst: 3 },
  group: { intervalMs: 3300, burst: 3 },
};

/** Limits from settings: `perSecond` for the whole bot (0: none), the chat and group limits as Telegram's. */
export function sendLimits(perSecond: number, chat: Partial<Rate> = {}): SendLimits {
  return {
    bot: { intervalMs: perSecond > 0 ? 1000 / perSecond : 0, burst: CATCH_UP_BURST },
    chat: { ...TELEGRAM_LIMITS.chat, ...chat },
    group: TELEGRAM_LIMITS.group,
  };
}

/**
 * WhatsApp Business Cloud API: `perSecond` for the phone number (Meta's default throughput is 80
 * messages a second; error 130429 above it), and its pair rate for one user: about one message
 * every 6 seconds on average (error 131056 above it). Meta tolerates short bursts to one user, so
 * a conversation's replies (a few parts each, a held backlog released when the user writes) go out
 * at once; a user chatting fast for long is paced to the average. WhatsApp has no groups here.
 */
export function cloudLimits(perSecond: number): SendLimits {
  const pair: Rate = { intervalMs: 6000, burst: 10 };
  return { bot: { intervalMs: perSecond > 0 ? 1000 / perSecond : 0, burst: CATCH_UP_BURST }, chat: pair, group: pair };
}

/**
 * WhatsApp through a linked phone (whatsapp-web.js): one message every `paceMs` over the whole
 * number (the channel also jitters its own pace in-process), so a second process never doubles
 * it; one chat as Telegram's private chats.
 */
export function paceLimits(paceMs: number): SendLimits {
  return { bot: { intervalMs: paceMs, burst: 1 }, chat: TELEGRAM_LIMITS.chat, group: TELEGRAM_LIMITS.chat };
}

/** Each channel's send limits, shared by every process (docs/architecture.md, "Message path"). */
export function limitsFor(config: Pick<Config, "TELEGRAM_SEND_PER_SECOND" | "WHATSAPP_TRANSPORT" | "WHATSAPP_CLOUD_PER_SECOND" | "WHATSAPP_PACE_MS">): Partial<Record<ChannelName, SendLimits>> {
  return {
    telegram: sendLimits(config.TELEGRAM_SEND_PER_SECOND),
    whatsapp: config.WHATSAPP_TRANSPORT === "cloud" ? cloudLimits(config.WHATSAPP_CLOUD_PER_SECOND) : paceLimits(config.WHATSAPP_PACE_MS),
  };
}

/**
 * Counters of the send limiter, for logs and metrics (plain numbers; the ops module reads them).
 */
export const limiterCounters = {
  /** 429 answers received (each pauses the bot's sending in every process). */
  rateLimited: 0,
  /** Times a sender waited for its turn. */
  waits: 0,
};

/**
 * The send rate shared by every process of one bot: before each message a sender asks for a
 * turn of its chat and of the whole bot, and waits when told to. A 429 `retry_after` pauses the
 * whole bot (`pause`), in every process.
 *
 * On Redis it is a GCRA (generic cell rate algorithm) in a Lua script using Redis' own clock, so
 * processes on several machines share one bucket without trusting each other's clocks. On the
 * memory store it is the same algorithm in this process.
 */
export interface SendLimiter {
  /** Wait for a turn to send one message to `chat` (a group when `group`) on `channel`. */
  take(channel: ChannelName, chat: string, group: boolean, signal?: AbortSignal): Promise<void>;
  /** Every process stops sending on `channel` for `ms`. */
  pause(channel: ChannelName, ms: number): Promise<void>;
  /** Wait for a turn of the whole bot on `channel` only (a sender that keeps its chat's pace itself: the staff queue). */
  takeBot(channel: ChannelName, signal?: AbortSignal): Promise<void>;
}

/**
 * Take one turn: 0 when taken, else the milliseconds to wait (nothing is taken then).
 * KEYS[1] the bucket (its theoretical arrival time), KEYS[2] (optional) the pause key.
 * ARGV: interval ms, burst.
 */
const GCRA = `
if #KEYS > 1 then
  local paused = redis.call('PTTL', KEYS[2])
  if paused > 0 then return paused end
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tau = interval * (tonumber(ARGV[2]) - 1)
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
if tat - now > tau then return math.max(1, math.ceil(tat - tau - now)) end
local next = tat + interval
redis.call('SET', KEYS[1], tostring(next), 'PX', math.max(1, math.ceil(next - now)))
return 0`;

interface GcraRedis extends Redis {
  jolGcra(numKeys: number, ...keysThenArgs: (string | number)[]): Promise<number>;
}

/** The limiter for a store: shared through Redis, or local for the memory store. */
export function createSendLimiter(store: Store, limits: Partial<Record<ChannelName, SendLimits>>): SendLimiter {
  const rates = (channel: ChannelName): SendLimits => limits[channel] ?? TELEGRAM_LIMITS;
  const turn = store instanceof RedisStore ? redisTurn(store) : localTurn();
  return {
    async take(channel, chat, group, signal) {
      const limit = rates(channel);
      await waitFor(() => turn(`rl:{${channel}:${chat}}`, group ? limit.group : limit.chat), signal);
      await this.takeBot(channel, signal);
    },
    async takeBot(channel, signal) {
      const limit = rates(channel);
      if (limit.bot.intervalMs > 0) await waitFor(() => turn(`rl:{bot}:${channel}`, limit.bot, `rl:{bot}:${channel}:pause`), signal);
    },
    async pause(channel, ms) {
      limiterCounters.rateLimited++;
      await turn.pause(`rl:{bot}:${channel}:pause`, ms);
    },
  };
}

/**
 * A bucket of its own at `rate`, shared by every process through Redis like the limiter's (the
 * alerts' overall rate, below the bot's, so replies keep room). It also honours the pause a 429
 * set on `channel`. Waits for a turn.
 */
export function createRateGate(store: Store, bucket: string, rate: Rate, channel: ChannelName): (signal?: AbortSignal) => Promise<void> {
  const turn = store instanceof RedisStore ? redisTurn(store) : localTurn();
  return (signal) => waitFor(() => turn(`rl:{bot}:${channel}:${bucket}`, rate, `rl:{bot}:${channel}:pause`), signal);
}

type Turn = ((bucket: string, rate: Rate, pauseKey?: string) => Promise<number>) & { pause(key: string, ms: number): Promise<void> };

const scripted = new WeakSet<Redis>();

function redisTurn(store: RedisStore): Turn {
  const client = store.client as GcraRedis;
  if (!scripted.has(client)) {
    client.defineCommand("jolGcra", { lua: GCRA });
    scripted.add(client);
  }
  const k = (key: string) => store.prefix + key;
  const turn = async (bucket: string, rate: Rate, pauseKey?: string) =>
    pauseKey === undefined
      ? client.jolGcra(1, k(bucket), rate.intervalMs, rate.burst)
      : client.jolGcra(2, k(bucket), k(pauseKey), rate.intervalMs, rate.burst);
  return Object.assign(turn, {
    async pause(key: string, ms: number) {
      await store.set(key, "1", Math.max(1, Math.ceil(ms)));
    },
  });
}

function localTurn(): Turn {
  const tats = new Map<string, number>();
  const paused = new Map<string, number>();
  const turn = async (bucket: string, rate: Rate, pauseKey?: string) => {
    const now = Date.now();
    const until = pauseKey === undefined ? 0 : (paused.get(pauseKey) ?? 0);
    if (until > now) return until - now;
    const tat = Math.max(tats.get(bucket) ?? 0, now);
    const tau = rate.intervalMs * (rate.burst - 1);
    if (tat - now > tau) return Math.max(1, Math.ceil(tat - tau - now));
    tats.set(bucket, tat + rate.intervalMs);
    if (tats.size > 10_000) for (const [key, at] of tats) if (at < now) tats.delete(key);
    return 0;
  };
  return Object.assign(turn, {
    async pause(key: string, ms: number) {
      paused.set(key, Date.now() + ms);
    },
  });
}

async function waitFor(ask: () => Promise<number>, signal?: AbortSignal): Promise<void> {
  for (;;) {
    const wait = await ask();
    if (wait <= 0) return;
    limiterCounters.waits++;
    if (signal?.aborted) throw signal.reason;
    await sleep(wait, signal);
  }
}

/**
 * `promise`'s value, or undefined once `ms` have passed or `signal` aborts, whichever comes first;
 * the timer and the abort listener are removed as soon as they are not needed.
 */
export async function within<T>(promise: Promise<T>, ms: number, signal?: AbortSignal): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  let stop: (() => void) | undefined;
  const over = new Promise<undefined>((resolve) => {
    stop = () => resolve(undefined);
    timer = setTimeout(stop, ms);
    signal?.addEventListener("abort", stop, { once: true });
  });
  try {
    return await Promise.race([promise, over]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop!);
  }
}

/** A pause that an abort cuts short (with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
