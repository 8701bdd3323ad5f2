/**
 * The shared send limits (issue 10): a sender that wakes up late catches up the slots it missed
 * instead of losing them; each channel has its own limits (WhatsApp's are not Telegram's); and the
 * outbox takes one turn per API call the channel makes, not per text (Telegram joins short texts).
 * Real Redis; nothing here asserts how long something takes: a turn that has to wait is seen in
 * `limiterCounters.waits`, and the wait is then cut short.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { userKey, type Address, type ChannelName } from "../../src/core/address.ts";
import { outboxKey } from "../../src/core/keys.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { Outbound } from "../../src/core/messages.ts";
import { createSendLimiter, limitsFor, limiterCounters, perSecondRate, sendLimits, type SendLimiter } from "../../src/outbox/limiter.ts";
import { Outbox } from "../../src/outbox/outbox.ts";
import { render } from "../../src/channels/telegram/render.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { testStore } from "../support/redis.ts";
import { RateLimits } from "../support/bot-api/limits.ts";

let store: RedisStore;
beforeEach(async () => {
  store = await testStore("limiter");
});
afterEach(async () => {
  await store.close();
});

/** Take a turn: "now" when it was free, "waits" when the limiter made it wait (the wait is then cut short). */
async function turn(limiter: SendLimiter, channel: ChannelName, chat: string): Promise<"now" | "waits"> {
  const before = limiterCounters.waits;
  const stop = new AbortController();
  const taking = limiter.take(channel, chat, false, stop.signal).then(
    () => "done" as const,
    () => "aborted" as const,
  );
  for (;;) {
    const settled = await Promise.race([taking, new Promise<null>((r) => setTimeout(() => r(null), 5))]);
    if (settled === "done") return limiterCounters.waits === before ? "now" : "waits";
    if (limiterCounters.waits > before) {
      stop.abort(new Error("seen waiting"));
      await taking;
      return "waits";
    }
  }
}

const SETTINGS = { TELEGRAM_SEND_PER_SECOND: 30, WHATSAPP_TRANSPORT: "web" as const, WHATSAPP_CLOUD_PER_SECOND: 80, WHATSAPP_PACE_MS: 60_000 };

describe("the bot-wide bucket", () => {
  it("lets a late sender catch up missed slots (three at once after a quiet spell), then paces", async () => {
    // Six a second (one turn every 1/4 s, plus the burst): a quiet spell of far more than three
    // intervals has passed when the test starts.
    const limiter = createSendLimiter(store, { telegram: sendLimits(6) });
    const turns = [];
    for (const chat of ["1", "2", "3", "4"]) turns.push(await turn(limiter, "telegram", chat));
    expect(turns).toEqual(["now", "now", "now", "waits"]);
  });
});

/** The most of `times` (ms) that fall in any window of `windowMs`. */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

// The same rules on Redis (every process) and in the process (the memory store of `jol chat`).
describe.each([
  ["Redis", () => store],
  ["the memory store", () => new MemoryStore()],
] as const)("the bot-wide rate, on %s", (_name, storeOf) => {
  it("never gives more than the configured number of turns in one second, the catch-up burst included", async () => {
    const limiter = createSendLimiter(storeOf(), { telegram: sendLimits(30) });
    // 70 chats at once, one turn each: the bucket, not the chats, sets the pace. The window is
    // 990 ms, not 1 s, so that a turn answered a few ms late cannot make a pass look like a fail.
    const times = await Promise.all(Array.from({ length: 70 }, (_, i) => limiter.take("telegram", String(1000 + i), false).then(() => Date.now())));
    expect(busiest(times, 990)).toBeLessThanOrEqual(30);
    expect(perSecondRate(30)).toEqual({ intervalMs: 1000 / 28, burst: 3 });
    expect(perSecondRate(4)).toEqual({ intervalMs: 250, burst: 1 });
  });

  it("takes a chat's turn together with the bot's: messages held by a pause do not leave bunched up", async () => {
    // Taking the chat's turn first and then waiting out the pause for the bot's let the chat's
    // next turns, due by then, follow right behind: four messages to one chat within a few ms.
    const limiter = createSendLimiter(storeOf(), { telegram: sendLimits(30) });
    await limiter.pause("telegram", 1500);
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.take("telegram", "77", false);
      times.push(Date.now());
    }
    // Telegram's own rule for one private chat (1 a second, a burst of 3), as the stand-in keeps it.
    const telegram = new RateLimits({ perSecond: 30 });
    for (const at of times) telegram.check("sendMessage", 77, at);
    expect(telegram.refused).toEqual({ total: 0, global: 0, chat: 0, group: 0 });
  });
});

describe("each channel's own limits", () => {
  it("WhatsApp on a linked phone: one message per WHATSAPP_PACE_MS over the whole number, whatever the chat", async () => {
    const limiter = createSendLimiter(store, limitsFor(SETTINGS));
    expect(await turn(limiter, "whatsapp", "77010000001")).toBe("now");
    expect(await turn(limiter, "whatsapp", "77010000002")).toBe("waits");
    // Telegram is not held up by WhatsApp's pace.
    expect(await turn(limiter, "telegram", "42")).toBe("now");
  });

  it("WhatsApp Cloud: a user's pair rate (a short burst, then about one per 6 s), not Telegram's 1 a second", async () => {
    // The number's own rate off (even 1,000/s makes a fast machine wait a millisecond now and
    // then), so only the user's pair rate can make a turn wait.
    const cloud = limitsFor({ ...SETTINGS, WHATSAPP_TRANSPORT: "cloud", WHATSAPP_CLOUD_PER_SECOND: 1000 }).whatsapp!;
    expect(cloud.bot).toEqual(perSecondRate(1000));
    const limiter = createSendLimiter(store, { whatsapp: { ...cloud, bot: { intervalMs: 0, burst: 1 } } });
    const user = "77010000003";
    const turns = [];
    for (let i = 0; i < 11; i++) turns.push(await turn(limiter, "whatsapp", user));
    expect(turns).toEqual([...Array<string>(10).fill("now"), "waits"]);
    // Another user is not held up by the first one's pair rate.
    expect(await turn(limiter, "whatsapp", "77010000004")).toBe("now");
  });
});

describe("the outbox", () => {
  it("takes one turn per API call of the channel: Telegram joins a reply's short texts into one message", async () => {
    const taken: string[] = [];
    const counting: SendLimiter = {
      take: async (channel, chat) => void taken.push(`${channel}:${chat}`),
      takeBot: async () => undefined,
      pause: async () => undefined,
    };
    const to: Address = { channel: "telegram", id: "42" };
    const sent: Outbound[][] = [];
    const outbox = new Outbox({
      store,
      log: silentLogger,
      limiter: counting,
      deliver: async (_to, m) => void sent.push(m),
      calls: (_to, messages) => render(messages).calls.length,
    });
    const short: Outbound[] = [{ text: "one" }, { text: "two" }, { text: "three", choices: [{ id: "main/a", label: "A" }] }];
    const long: Outbound[] = [{ text: "x".repeat(5000) }];
    await store.rpush(outboxKey(userKey(to)), outbox.entry(to, short).raw, outbox.entry(to, long).raw);
    await outbox.flush(userKey(to));
    expect(sent).toEqual([short, long]);
    // Three texts, one call; 5,000 characters, two calls.
    expect(taken).toEqual(["telegram:42", "telegram:42", "telegram:42"]);
    await outbox.stop();
  });
});
