import { Outbox } from "../../src/outbox/outbox.ts";
import { loadConfig } from "../../src/config/load.ts";
import type { Config } from "../../src/config/schema.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { ChannelRegistry, BlockedError, type Channel } from "../../src/channels/channel.ts";
import type { Address, ChannelName } from "../../src/core/address.ts";
import type { Clock } from "../../src/core/clock.ts";
import type { Outbound } from "../../src/core/messages.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { Store } from "../../src/store/store.ts";
import { CaseService } from "../../src/cases/service.ts";
import type { Actor } from "../../src/cases/types.ts";
import type { Timers } from "../../src/cases/queue.ts";

/** A clock the test moves by hand; `sleep` moves it instead of waiting. */
export class FakeClock implements Clock, Timers {
  constructor(public t = Date.UTC(2026, 0, 5, 6, 0)) {} // Monday 11:00 in Almaty: working hours
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  async sleep(ms: number): Promise<void> {
    this.t += ms;
  }
}

/** A channel that records what the bot sends to its users, and can pretend a user blocked the bot. */
export class RecordingChannel implements Channel {
  readonly sent: Array<{ address: Address; message: Outbound }> = [];
  readonly blocked = new Set<string>();
  constructor(readonly name: ChannelName) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(address: Address, messages: Outbound[]): Promise<void> {
    if (this.blocked.has(address.id)) throw new BlockedError(address);
    for (const message of messages) this.sent.push({ address, message });
  }
  to(id: string): Outbound[] {
    return this.sent.filter((s) => s.address.id === id).map((s) => s.message);
  }
  keysTo(id: string): string[] {
    return this.to(id).flatMap((m) => m.keys ?? []);
  }
}

export const OPERATOR_A = 111;
export const OPERATOR_B = 222;
export const ADMIN = 999;
export const STAFF_CHAT = -1001234567890;

export function testConfig(extra: Record<string, string> = {}): Config {
  return loadConfig({
    TELEGRAM_BOT_TOKEN: "123456:TEST-token-for-the-stand-in_0123",
    TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT),
    TELEGRAM_OPERATOR_IDS: `${OPERATOR_A},${OPERATOR_B}`,
    TELEGRAM_ADMIN_IDS: String(ADMIN),
    HOTLINE_SLA_MINUTES: "30",
    HOTLINE_STAFF_LANG: "en",
    EMERGENCY_CONTACTS: "112 (test)",
    ...extra,
  });
}

let cachedI18n: ReturnType<typeof loadLocales>["i18n"] | undefined;
export function testI18n() {
  cachedI18n ??= loadLocales("locales").i18n;
  return cachedI18n;
}

export function actor(id: number, name = `Staff${id}`): Actor {
  return { kind: "telegram", id: String(id), name };
}

export interface CoreRig {
  cases: CaseService;
  clock: FakeClock;
  console: RecordingChannel;
  whatsapp: RecordingChannel;
  telegram: RecordingChannel;
  channels: ChannelRegistry;
  config: Config;
}

/** The case service on a real store with recording channels and a fake clock. */
export function coreRig(store: Store, extra: Record<string, string> = {}, clock = new FakeClock()): CoreRig {
  const channels = new ChannelRegistry();
  const rig = {
    console: new RecordingChannel("console"),
    whatsapp: new RecordingChannel("whatsapp"),
    telegram: new RecordingChannel("telegram"),
  };
  channels.add(rig.console);
  channels.add(rig.whatsapp);
  channels.add(rig.telegram);
  const config = testConfig(extra);
  const cases = new CaseService({ config, store, i18n: testI18n(), log: silentLogger, clock, outbox: outboxFor(store, channels) });
  return { cases, clock, channels, config, ...rig };
}

/** The durable outbox the app builds, sending through `channels` (unpaced, as in the tests' app). */
export function outboxFor(store: Store, channels: ChannelRegistry): Outbox {
  return new Outbox({ store, log: silentLogger, deliver: (to, m) => channels.send(to, m), canDeliver: (name) => channels.get(name) !== undefined });
}
