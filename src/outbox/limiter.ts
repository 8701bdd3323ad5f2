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
 * A rate of at most `perSecond` messages in any `windowMs` (one second unless a margin is asked
 * for), the catch-up burst included: the burst's extra turns are paid for by a slightly longer
 * interval (30 in a second: one turn every 1/28 s, so a saturated second holds 28 + 2 caught-up
 * turns, never 31). A rate too low for a burst of three gets none.
 */
export function perSecondRate(perSecond: number, windowMs = 1000): Rate {
  if (perSecond <= 0) return { intervalMs: 0, burst: 1 };
  const burst = perSecond >= 2 * CATCH_UP_BURST ? CATCH_UP_BURST : 1;
  return { intervalMs: windowMs / (perSecond - (burst - 1)), burst };
}

/**
 * Telegram counts messages as they reach it, and they reach it less evenly than they leave: a
 * busy event loop, a slow connection or another worker process sending at the same moment bunch
 * them by tens of milliseconds. So the limits keep a margin: the bot's 30 a second are 30 in any
 * 1.05 s here (about 26.7 a second when saturated), the chat and group intervals are 10 % longer
 * than Telegram's, and a chat's burst is 2 where Telegram tolerates 3, the third kept in reserve.
 * A 429 pauses the whole bot, which costs far more than the margin.
 */
export const TELEGRAM_MARGIN_WINDOW_MS = 1050;

/** Telegram's published limits, with the margin above. */
export const TELEGRAM_LIMITS: SendLimits = {
  bot: perSecondRate(30, TELEGRAM_MARGIN_WINDOW_MS),
  chat: { intervalMs: 1100, burst: 2 },
  group: { intervalMs: 3300, burst: 3 },
};

/** Limits from settings: `perSecond` for the whole bot (0: none), the chat and group limits as Telegram's. */
export function sendLimits(perSecond: number, chat: Partial<Rate> = {}): SendLimits {
  return {
    bot: perSecondRate(perSecond, TELEGRAM_MARGIN_WINDOW_MS),
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
  return { bot: perSecondRate(perSecond), chat: pair, group: pair };
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
  /**
   * Wait for a turn to send one message to `chat` (a group when `group`) on `channel`; with
   * `share`, a turn of that bucket too (the alerts' own rate), all in one atomic turn.
   */
  take(channel: ChannelName, chat: string, group: boolean, signal?: AbortSignal, share?: Share): Promise<void>;
  /** Every process stops sending on `channel` for `ms`. */
  pause(channel: ChannelName, ms: number): Promise<void>;
  /** Wait for a turn of the whole bot on `channel` only (a sender that keeps its chat's pace itself: the staff queue). */
  takeBot(channel: ChannelName, signal?: AbortSignal): Promise<void>;
}

/**
 * Take one turn of every bucket at once, or of none: 0 when taken, else the milliseconds to wait
 * (nothing is taken then). KEYS[1] the channel's pause key, then the buckets (each holds its
 * theoretical arrival time); ARGV each bucket's interval ms and burst.
 *
 * All at once matters: a turn of the chat taken first and kept while the sender waits for the
 * bot's turn would let the message leave later than its chat's turn said, and the chat's next
 * message, whose turn comes soon after, leave right behind it: two messages to one chat within
 * the chat's interval, which Telegram answers with 429.
 */
const GCRA = `
local paused = redis.call('PTTL', KEYS[1])
if paused > 0 then return paused end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local tats = {}
local wait = 0
for i = 2, #KEYS do
  local interval = tonumber(ARGV[2 * i - 3])
  local tau = interval * (tonumber(ARGV[2 * i - 2]) - 1)
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  if tat < now then tat = now end
  if tat - now > tau then wait = math.max(wait, math.ceil(tat - tau - now)) end
  tats[i] = tat + interval
end
if wait > 0 then return wait end
for i = 2, #KEYS do
  redis.call('SET', KEYS[i], tostring(tats[i]), 'PX', math.max(1, math.ceil(tats[i] - now)))
end
return 0`;

interface GcraRedis extends Redis {
  jolGcra(numKeys: number, ...keysThenArgs: (string | number)[]): Promise<number>;
}

/** One bucket of a turn: its key and rate. */
interface Bucket {
  key: string;
  rate: Rate;
}

/**
 * The bucket keys of one channel. Every bucket of a channel, the chats' too, is under one hash
 * tag, so a turn of a chat and of the whole bot is one script on a Redis Cluster as well (a few
 * dozen turns a second: no hot slot to speak of).
 */
const botKey = (channel: ChannelName) => `rl:{bot}:${channel}`;
const chatKey = (channel: ChannelName, chat: string) => `rl:{bot}:${channel}:chat:${chat}`;
const pauseKey = (channel: ChannelName) => `rl:{bot}:${channel}:pause`;
/** A bucket of the channel's own beside the bot's (`Share`, `createRateGate`). */
const shareKey = (channel: ChannelName, bucket: string) => `${botKey(channel)}:${bucket}`;

/**
 * A bucket of the channel's own beside the bot's, taken in the same turn: the alerts keep to
 * their rate below the bot's (so replies keep room), and a sender never holds one turn while
 * waiting for another, which would cost the rate the time it waited.
 */
export interface Share {
  bucket: string;
  rate: Rate;
}

/** The limiter for a store: shared through Redis, or local for the memory store. */
export function createSendLimiter(store: Store, limits: Partial<Record<ChannelName, SendLimits>>): SendLimiter {
  const rates = (channel: ChannelName): SendLimits => limits[channel] ?? TELEGRAM_LIMITS;
  const turn = store instanceof RedisStore ? redisTurn(store) : localTurn();
  const bot = (channel: ChannelName): Bucket[] => {
    const limit = rates(channel).bot;
    return limit.intervalMs > 0 ? [{ key: botKey(channel), rate: limit }] : [];
  };
  return {
    async take(channel, chat, group, signal, share) {
      const limit = rates(channel);
      const buckets = [{ key: chatKey(channel, chat), rate: group ? limit.group : limit.chat }, ...bot(channel)];
      if (share) buckets.push({ key: shareKey(channel, share.bucket), rate: share.rate });
      await waitFor(() => turn(buckets, pauseKey(channel)), signal);
    },
    async takeBot(channel, signal) {
      const buckets = bot(channel);
      if (buckets.length > 0) await waitFor(() => turn(buckets, pauseKey(channel)), signal);
    },
    async pause(channel, ms) {
      limiterCounters.rateLimited++;
      await turn.pause(pauseKey(channel), ms);
    },
  };
}

/**
 * A bucket of its own at `rate`, shared by every process through Redis like the limiter's (the
 * alerts' overall rate on a channel whose sends take no limiter turn: WhatsApp on a linked
 * phone). It also honours the pause a 429 set on `channel`. Waits for a turn.
 */
export function createRateGate(store: Store, bucket: string, rate: Rate, channel: ChannelName): (signal?: AbortSignal) => Promise<void> {
  const turn = store instanceof RedisStore ? redisTurn(store) : localTurn();
  const buckets = [{ key: shareKey(channel, bucket), rate }];
  return (signal) => waitFor(() => turn(buckets, pauseKey(channel)), signal);
}

type Turn = ((buckets: Bucket[], pauseKey: string) => Promise<number>) & { pause(key: string, ms: number): Promise<void> };

const scripted = new WeakSet<Redis>();

function redisTurn(store: RedisStore): Turn {
  const client = store.client as GcraRedis;
  if (!scripted.has(client)) {
    client.defineCommand("jolGcra", { lua: GCRA });
    scripted.add(client);
  }
  const k = (key: string) => store.prefix + key;
  const turn = async (buckets: Bucket[], pause: string) => {
    const keys = [k(pause), ...buckets.map((b) => k(b.key))];
    return client.jolGcra(keys.length, ...keys, ...buckets.flatMap((b) => [b.rate.intervalMs, b.rate.burst]));
  };
  return Object.assign(turn, {
    async pause(key: string, ms: number) {
      await store.set(key, "1", Math.max(1, Math.ceil(ms)));
    },
  });
}

function localTurn(): Turn {
  const tats = new Map<string, number>();
  const paused = new Map<string, number>();
  const turn = async (buckets: Bucket[], pauseKey: string) => {
    const now = Date.now();
    const until = paused.get(pauseKey) ?? 0;
    if (until > now) return until - now;
    let wait = 0;
    const next = buckets.map(({ key, rate }) => {
      const tat = Math.max(tats.get(key) ?? 0, now);
      const tau = rate.intervalMs * (rate.burst - 1);
      if (tat - now > tau) wait = Math.max(wait, Math.ceil(tat - tau - now));
      return tat + rate.intervalMs;
    });
    if (wait > 0) return wait;
    buckets.forEach(({ key }, i) => tats.set(key, next[i]!));
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
