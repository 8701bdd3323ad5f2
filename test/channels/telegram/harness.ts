/**
 * Shared set-up for the Telegram channel tests: a Bot API stand-in, an `App` around a real Redis
 * store, the real channel (real grammY over HTTP) in polling or webhook mode, and helpers to
 * deliver an update the way that mode receives it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Message } from "grammy/types";
import type { App } from "../../../src/app/app.ts";
import { ChannelRegistry } from "../../../src/channels/channel.ts";
import { loadConfig } from "../../../src/config/load.ts";
import { LANGS, type Lang } from "../../../src/core/lang.ts";
import { type Address } from "../../../src/core/address.ts";
import { systemClock } from "../../../src/core/clock.ts";
import { Outbox } from "../../../src/outbox/outbox.ts";
import { createSendLimiter, sendLimits } from "../../../src/outbox/limiter.ts";
import { Localizer } from "../../../src/i18n/localizer.ts";
import { silentLogger } from "../../../src/core/log.ts";
import type { Router } from "../../../src/router/router.ts";
import type { Store } from "../../../src/store/store.ts";
import { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from "../../../src/channels/telegram/index.ts";
import { BotApiStandIn, type NewUpdate, type RecordedCall } from "../../support/bot-api/index.ts";

export const TOKEN = "123456:TEST-token-for-the-stand-in_0123";
export const WEBHOOK_URL = "https://bot.example.org/telegram";
export const SECRET = "s3cret-Webhook_token";
export const STAFF_CHAT = -1001234567890;

export type Mode = "polling" | "webhook";

/** Every `.ftl` file of the given languages' folders under `dir`. */
export function localizerFrom(dir = "locales"): Localizer {
  const sources = new Map<Lang, string[]>();
  for (const lang of LANGS) {
    const folder = join(dir, lang);
    sources.set(
      lang,
      readdirSync(folder)
        .filter((f) => f.endsWith(".ftl"))
        .map((f) => readFileSync(join(folder, f), "utf8")),
    );
  }
  return new Localizer(sources);
}

/** A config for the channel in `mode`, pointed at the stand-in. */
export function telegramEnv(api: BotApiStandIn, mode: Mode, extra: Record<string, string> = {}): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    TELEGRAM_STAFF_CHAT_ID: String(STAFF_CHAT),
    TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
    ...(mode === "webhook" ? { TELEGRAM_WEBHOOK_URL: WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET: SECRET } : {}),
    ...extra,
  };
}

/**
 * A minimal App around a router of the test's choosing (the real app comes from createApp in e2e
 * tests), with a real outbox that sends through the app's channels; `onBlocked` sees the users
 * it finds blocked.
 */
export function fakeApp(store: Store, router: Router, env: Record<string, string>, onBlocked?: (to: Address) => void): App {
  // Only what the channel reads is real; the engine and flows are not used with a scripted router.
  const channels = new ChannelRegistry();
  const outbox = new Outbox({
    store,
    log: silentLogger,
    deliver: (to, messages) => channels.send(to, messages),
    limiter: createSendLimiter(store, { telegram: sendLimits(1000, { intervalMs: 0 }) }),
    onBlocked: async (to) => onBlocked?.(to),
  });
  const app: Partial<App> = {
    config: loadConfig(env),
    log: silentLogger,
    store,
    i18n: localizerFrom(),
    router,
    outbox,
    channels,
    plugins: [],
    clock: systemClock,
    telegramExtensions: [],
    close: async () => {},
  };
  return app as App;
}

/** Test-speed polling and restarts (the outbox's limiter is tested in test/outbox). */
export const FAST: TelegramChannelOptions = { pollTimeoutSeconds: 1, pollRestartMs: 100, webhookPort: 0 };

/** The real channel on `app`, started, plus a way to hand it updates as its mode receives them. */
export async function startChannel(app: App, api: BotApiStandIn, options: TelegramChannelOptions = FAST): Promise<Driver> {
  const channel = createTelegramChannel(app, { ...FAST, ...options });
  app.channels.add(channel);
  await channel.start();
  return new Driver(channel, api);
}

export class Driver {
  constructor(
    readonly channel: TelegramChannel,
    readonly api: BotApiStandIn,
  ) {}

  get mode(): Mode {
    return this.channel.mode;
  }

  get webhookUrl(): string {
    return `http://127.0.0.1:${this.channel.webhookPort}/telegram`;
  }

  /** Deliver an update: queue it for polling, or POST it to the webhook (expecting 200). */
  async deliver(update: NewUpdate): Promise<number> {
    if (this.mode === "polling") return this.api.pushUpdate(update).update_id;
    const { status, body, update: sent } = await this.api.postUpdate(update, { url: this.webhookUrl });
    if (status !== 200) throw new Error(`webhook answered ${status}: ${body}`);
    return sent.update_id;
  }

  /** Deliver an update and wait for `count` messages to `chatId` sent after it. */
  async exchange(update: NewUpdate, chatId: number, count = 1): Promise<Message[]> {
    const after = this.api.lastSeq;
    await this.deliver(update);
    return this.messagesAfter(after, chatId, count);
  }

  async messagesAfter(after: number, chatId: number, count: number): Promise<Message[]> {
    const calls = await this.api.waitForCalls("sendMessage", count, { chatId, after, timeoutMs: 8000 });
    return calls.map((c: RecordedCall) => c.result as Message);
  }

  async stop(): Promise<void> {
    await this.channel.stop();
  }
}
