/**
 * The whole hotline for end-to-end tests: the real app (createApp, real Redis) with the real
 * Telegram channel talking to the Bot API stand-in (with forum topics), the real WhatsApp channel
 * on a fake client, and the cases plugin's staff desk installed through app.telegramExtensions.
 */
import type { Message, User } from "grammy/types";
import type { App } from "../../src/app/app.ts";
import { createApp } from "../../src/app/create.ts";
import { createWhatsAppChannel } from "../../src/channels/whatsapp/index.ts";
import { casesPluginOf, type CasesPlugin } from "../../src/cases/plugin.ts";
import type { TelegramDeskOptions, TelegramDesk } from "../../src/cases/telegram-desk.ts";
import type { Clock } from "../../src/core/clock.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testStore } from "../support/redis.ts";
import { testGroup, testUser, type BotApiStandIn, type NewUpdate, type RecordedCall } from "../support/bot-api/index.ts";
import { FakeWhatsAppClient } from "../channels/whatsapp/fake-client.ts";
import { startChannel, telegramEnv, type Driver, type Mode } from "../channels/telegram/harness.ts";
import { ADMIN, OPERATOR_A, OPERATOR_B, STAFF_CHAT, testConfig } from "./helpers.ts";
import { startForumStandIn, type Topic } from "./forum.ts";

/** Generous waits: the CI machine has 2 cores and other suites run alongside. */
export const UNTIL_MS = 30_000;
export const E2E_TIMEOUT = 120_000;

export const staffGroup = testGroup(STAFF_CHAT, "Hotline staff", true);
export const aigul = testUser(OPERATOR_A, "ru", "Aigul");
export const bakyt = testUser(OPERATOR_B, "ru", "Bakyt");
export const admin = testUser(ADMIN, "ru", "Admin");
export const stranger = testUser(4242, "ru", "Volunteer");

export interface HotlineOptions {
  /** Share another hotline's Redis data (a restarted or second bot process). */
  prefix?: string;
  api?: BotApiStandIn & { topics: Topic[] };
  clock?: Clock;
  desk?: TelegramDeskOptions;
  /** Start the desk's background loops (staff queue, SLA) — default true. */
  startDesk?: boolean;
  mode?: Mode;
  env?: Record<string, string>;
}

export class Hotline {
  constructor(
    readonly app: App,
    readonly store: RedisStore,
    readonly api: BotApiStandIn & { topics: Topic[] },
    readonly telegram: Driver,
    readonly wa: FakeWhatsAppClient,
    readonly cases: CasesPlugin,
    private readonly ownsApi: boolean,
  ) {}

  get desk(): TelegramDesk {
    if (!this.cases.desk) throw new Error("the staff desk was not installed");
    return this.cases.desk;
  }

  /** Messages the bot sent to a chat (and thread), oldest first. */
  sent(chatId: number, thread?: number): Message[] {
    return this.api.sentTo(chatId).filter((m) => thread === undefined || m.message_thread_id === thread);
  }

  texts(chatId: number, thread?: number): string[] {
    return this.sent(chatId, thread).map((m) => m.text ?? m.caption ?? "");
  }

  /** Wait until `predicate` holds (polling the stand-in and the store), or fail naming `what`. */
  async until<T>(what: string, predicate: () => T | undefined | false | null | Promise<T | undefined | false | null>, timeoutMs = UNTIL_MS): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await predicate();
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The case topic of case `id`, once the desk created it. */
  async topicOf(id: number): Promise<number> {
    return this.until(`the topic of case #${id}`, async () => (await this.cases.service.cases.get(id))?.topic);
  }

  /** The summary card of case `id` (with its current text and buttons). */
  async cardOf(id: number): Promise<Message> {
    const cardId = await this.until(`the card of case #${id}`, async () => (await this.cases.service.cases.get(id))?.card);
    return this.api.message(STAFF_CHAT, cardId)!;
  }

  /** Deliver an update and wait for `count` messages the bot sends to `chatId` after it. */
  async exchange(update: NewUpdate, chatId: number, count = 1): Promise<Message[]> {
    const after = this.api.lastSeq;
    await this.telegram.deliver(update);
    const calls = await this.until(`${count} message(s) to ${chatId}`, () => {
      const found = this.api.calls.filter((c) => c.seq > after && c.method === "sendMessage" && !c.fault && String(c.payload.chat_id) === String(chatId));
      return found.length >= count ? found : undefined;
    });
    return calls.map((c) => c.result as Message);
  }

  answers(after = 0): RecordedCall[] {
    return this.api.callsOf("answerCallbackQuery", { ok: true }).filter((c) => c.seq > after);
  }

  /** Stop like a process that exits: channels and background loops, leaving Redis as it is. */
  async stop(): Promise<void> {
    await this.cases.stop?.();
    await this.telegram.stop();
    await this.app.channels.get("whatsapp")?.stop();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.store.close();
    if (this.ownsApi) await this.api.close();
  }
}

export async function startHotline(options: HotlineOptions = {}): Promise<Hotline> {
  const api = options.api ?? (await startForumStandIn());
  const store = await testStore("cases-e2e", options.prefix ? { prefix: options.prefix } : {});
  const config = testConfig({
    ...telegramEnv(api, options.mode ?? "polling"),
    TELEGRAM_OPERATOR_IDS: `${OPERATOR_A},${OPERATOR_B}`,
    TELEGRAM_ADMIN_IDS: String(ADMIN),
    HOTLINE_HOURS: "00:00-24:00",
    HOTLINE_DAYS: "1,2,3,4,5,6,7",
    WHATSAPP_PACE_MS: "0",
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const app = await createApp({ config, store, ...(options.clock ? { clock: options.clock } : {}) });
  const cases = casesPluginOf(app.plugins);
  if (!cases) throw new Error("the cases plugin is not among the app's plugins");
  cases.deskOptions = { pollMs: 50, ...options.desk };
  // createApp lists plugins' `telegram` in app.telegramExtensions; installing twice is harmless.
  app.telegramExtensions.push((bot) => cases.telegram(bot));

  const wa = new FakeWhatsAppClient();
  const whatsapp = createWhatsAppChannel(app, { client: wa, typing: false, stopGraceMs: 100 });
  app.channels.add(whatsapp);
  await whatsapp.start();
  wa.becomeReady();

  const telegram = await startChannel(app, api);
  if (options.startDesk !== false) await cases.start?.();
  return new Hotline(app, store, api, telegram, wa, cases, options.api === undefined);
}

export { testUser, type User };
