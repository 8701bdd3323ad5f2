/**
 * A consultant's words reach the migrant through the durable outbox (issue 10): they wait in the
 * user's outbox after the bot's own replies, survive the process that queued them, and are sent by
 * whichever process runs the user's channel. A message that does not arrive is reported to the
 * case's staff topic by the process that found out, with the channel's reason when it has one.
 * Two connections to one Redis stand for two processes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { userKey, type Address } from "../../src/core/address.ts";
import { HeldError } from "../../src/core/delivery-errors.ts";
import type { StaffNote } from "../../src/core/delivery.ts";
import { outboxKey } from "../../src/core/keys.ts";
import type { Outbound } from "../../src/core/messages.ts";
import { CaseService } from "../../src/cases/service.ts";
import type { StaffJob } from "../../src/cases/queue.ts";
import { ChannelRegistry } from "../../src/channels/channel.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testStore } from "../support/redis.ts";
import { FakeClock, OPERATOR_A, RecordingChannel, actor, outboxFor, testConfig, testI18n } from "./helpers.ts";

const migrant: Address = { channel: "telegram", id: "6001" };
const request = { address: migrant, lang: "ru" as const, reason: "menu" as const, urgent: false, summary: {}, contact: false };

/** A held message with a reason for the staff (as WhatsApp Cloud's closed 24-hour window). */
class WindowClosed extends HeldError {
  override note(): StaffNote {
    return { key: "wa-cloud-staff-window-closed", args: { lang: "ru" } };
  }
}

let a: RedisStore;
let b: RedisStore;
beforeEach(async () => {
  a = await testStore("durable-relay");
  b = await testStore("durable-relay", { prefix: a.prefix });
});
afterEach(async () => {
  await b.close();
  await a.close();
});

/** A "process": the case service over its own connection, with the channels it runs. */
function processWith(store: RedisStore, ...channels: RecordingChannel[]) {
  const registry = new ChannelRegistry();
  for (const channel of channels) registry.add(channel);
  const outbox = outboxFor(store, registry);
  const cases = new CaseService({ config: testConfig(), store, i18n: testI18n(), log: silentLogger, clock: new FakeClock(), outbox });
  return { cases, outbox };
}

async function staffEvents(store: RedisStore): Promise<StaffJob[]> {
  return (await store.lrange("case:q", 0, -1)).map((raw) => JSON.parse(raw) as StaffJob).filter((j) => j.t === "event");
}

describe("a consultant's message", () => {
  it("queued by a process without the user's channel is kept, and sent by one that runs it, after the bot's reply", async () => {
    const desk = processWith(a); // `jol desk`: no Telegram here
    const { case: c } = await desk.cases.open(request);
    await desk.cases.take(c.id, actor(OPERATOR_A, "Aigul"));
    // The bot's own reply was committed before and waits in the same outbox.
    await a.rpush(outboxKey(userKey(migrant)), desk.outbox.entry(migrant, [{ text: "bot reply" }]).raw);
    expect(await desk.cases.say(c.id, actor(OPERATOR_A, "Aigul"), { text: "Hello, I am Aigul" })).toBe("sent");
    await desk.outbox.stop();

    // The bot (another process, running Telegram) sends what waits, in order.
    const telegram = new RecordingChannel("telegram");
    const bot = processWith(b, telegram);
    await bot.outbox.flush(userKey(migrant));
    const texts = telegram.to(migrant.id).map((m: Outbound) => m.text);
    expect(texts.indexOf("bot reply")).toBeGreaterThanOrEqual(0);
    expect(texts.indexOf("bot reply")).toBeLessThan(texts.indexOf("Hello, I am Aigul"));
    expect(await a.llen(outboxKey(userKey(migrant)))).toBe(0);
    await bot.outbox.stop();
  });

  it("that does not arrive is reported to the staff by the process that found out: blocked, or the channel's reason", async () => {
    const desk = processWith(a);
    const { case: c } = await desk.cases.open(request);
    await desk.cases.take(c.id, actor(OPERATOR_A, "Aigul"));
    await desk.cases.say(c.id, actor(OPERATOR_A, "Aigul"), { text: "first" });
    await desk.outbox.stop();
    const before = (await staffEvents(a)).length;

    const telegram = new RecordingChannel("telegram");
    telegram.send = async (to) => {
      throw new WindowClosed(to, "window closed");
    };
    const bot = processWith(b, telegram);
    await bot.outbox.flush(userKey(migrant));
    const events = (await staffEvents(a)).slice(before);
    expect(events.map((e) => e.t === "event" && [e.id, e.key, e.args])).toContainEqual([c.id, "wa-cloud-staff-window-closed", { lang: "ru" }]);

    telegram.blocked.add(migrant.id);
    telegram.send = RecordingChannel.prototype.send.bind(telegram);
    expect(await bot.cases.say(c.id, actor(OPERATOR_A, "Aigul"), { text: "second" })).toBe("blocked");
    const later = (await staffEvents(a)).slice(before).map((e) => e.t === "event" && e.key);
    expect(later.filter((k) => k === "case-staff-blocked")).toHaveLength(1);
    expect((await a.lrange(`case:${c.id}:log`, 0, -1)).join("\n")).toContain('"event":"blocked"');
    await bot.outbox.stop();
  });
});
