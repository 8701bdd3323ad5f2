/**
 * The whole Telegram path: real grammY over HTTP to the Bot API stand-in, the real app
 * (`createApp`: flows, engine, router, plugins) on real Redis, in polling and webhook mode.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Message } from "grammy/types";
import type { App } from "../../../src/app/app.ts";
import { createApp } from "../../../src/app/create.ts";
import { loadConfig } from "../../../src/config/load.ts";
import { readSession } from "../../../src/engine/session.ts";
import { silentLogger } from "../../../src/core/log.ts";
import { sessionKey } from "../../../src/router/default-router.ts";
import { BotApiStandIn, testUser, updates } from "../../support/bot-api/index.ts";
import { testStore } from "../../support/redis.ts";
import { longTextContent, LONG_PARAGRAPHS, type ContentFixture } from "./fixture.ts";
import { Driver, startChannel, telegramEnv, type Mode } from "./harness.ts";

// Several HTTP round trips per test through real grammY: room for a loaded 2-core CI machine.
vi.setConfig({ testTimeout: 40_000, hookTimeout: 30_000 });

let content: ContentFixture;
beforeAll(() => {
  content = longTextContent();
});
afterAll(() => content.remove());

type TestStore = Awaited<ReturnType<typeof testStore>>;

async function makeApp(api: BotApiStandIn, mode: Mode, store: TestStore): Promise<App> {
  const config = loadConfig(telegramEnv(api, mode, { FLOWS_DIR: content.flowsDir, LOCALES_DIR: content.localesDir }));
  return createApp({ config, store, log: silentLogger });
}

/** The callback data of the button labelled `label` under `message`. */
function button(message: Message, label: string): string {
  const found = message.reply_markup?.inline_keyboard.flat().find((b) => b.text === label) as { callback_data?: string } | undefined;
  if (!found?.callback_data) throw new Error(`no button "${label}" under: ${message.text}`);
  return found.callback_data;
}

describe.each<Mode>(["polling", "webhook"])("Telegram end to end (%s)", (mode) => {
  let api: BotApiStandIn;
  let store: TestStore;
  let app: App;
  let driver: Driver;
  const user = testUser(5151, "uz");
  const chat = user.id;

  beforeEach(async () => {
    api = await BotApiStandIn.start();
    store = await testStore("telegram-e2e");
    app = await makeApp(api, mode, store);
    driver = await startChannel(app, api);
  });
  afterEach(async () => {
    // Guarded: when createApp fails (content problems) only the store and stand-in exist.
    await driver?.stop();
    if (app) await app.close();
    else await store.close();
    await api.close();
    driver = undefined as unknown as Driver;
    app = undefined as unknown as App;
  });

  const session = async () => readSession(await store.get(sessionKey(`telegram:${chat}`)), Date.now()).session;
  const t = (id: string) => app.i18n.t("uz", id);

  /** /start with a deep link, then Uzbek by button: returns the main menu message. */
  async function onboard(): Promise<Message> {
    const [languages] = await driver.exchange(updates.command(user, "start", "poster-bus-7"), chat);
    const [menu] = await driver.exchange(updates.callback(user, button(languages!, "O'zbekcha"), languages!), chat);
    return menu!;
  }

  it("greets a first contact with the language menu, records the deep link, and follows a menu path by button and by typed number", async () => {
    const [languages] = await driver.exchange(updates.command(user, "start", "poster-bus-7"), chat);
    expect(languages!.text).toBe(app.i18n.t("uz", "language-choose"));
    expect(languages!.reply_markup!.inline_keyboard[0]![0]).toEqual({ text: "O'zbekcha", callback_data: "c:language/choose/uz" });

    // The confirmation and the menu are one message, under the menu's buttons.
    const [menu] = await driver.exchange(updates.callback(user, button(languages!, "O'zbekcha"), languages!), chat);
    expect(menu!.text).toBe(`${t("language-set")}\n\n${t("main-menu")}`);
    expect(menu!.reply_markup?.inline_keyboard.length).toBe(7);
    expect(api.callsOf("answerCallbackQuery", { ok: true })).toHaveLength(1);
    expect(api.message(chat, languages!.message_id)?.reply_markup).toBeUndefined();
    expect(await session()).toMatchObject({ lang: "uz", src: "poster-bus-7" });

    // Typed "7" is the 7th item (about), shown as the long text split in two, then the menu again.
    const [first, second, again] = await driver.exchange(updates.text(user, "7"), chat, 3);
    expect([first!.text, second!.text]).toEqual([`${LONG_PARAGRAPHS[0]}\n\n${LONG_PARAGRAPHS[1]}`, LONG_PARAGRAPHS[2]]);
    expect(first!.text!.length).toBeLessThanOrEqual(4096);
    expect(again!.text).toBe(t("main-menu"));
    expect(again!.reply_markup?.inline_keyboard.length).toBe(7);

    // The same item by its button on the new menu.
    const aboutButton = again!.reply_markup!.inline_keyboard[6]![0] as { callback_data: string };
    expect(aboutButton.callback_data).toBe("c:main/menu/about");
    const byButton = await driver.exchange(updates.callback(user, aboutButton.callback_data, again!), chat, 3);
    expect(byButton.map((m) => m.text)).toEqual([first!.text, second!.text, t("main-menu")]);
  });

  it("answers a button from an old keyboard as stale, and garbage button data politely in the user's chosen language", async () => {
    // The phone is in English, the user chooses Uzbek: the button answers follow the choice.
    const english = testUser(5152, "en");
    const [languages] = await driver.exchange(updates.command(english, "start"), english.id);
    const [menu] = await driver.exchange(updates.callback(english, button(languages!, "O'zbekcha"), languages!), english.id);
    // A button of a menu the flows no longer have (an old message from before a flow change).
    const [stale] = await driver.exchange(updates.callback(english, "c:main/menu-2025/visa", menu!), english.id);
    expect(stale!.text).toBe(`${t("stale-button")}\n\n${t("main-menu")}`);

    const after = api.lastSeq;
    await driver.deliver(updates.callback(english, "\u202egarbage", { message_id: 1 }));
    const [answer] = await api.waitForCalls("answerCallbackQuery", 1, { after });
    expect(answer!.payload.text).toBe(t("tg-callback-invalid"));
    expect(answer!.payload.text).not.toBe(app.i18n.t("en", "tg-callback-invalid"));
  });

  it("answers a sticker and a voice note politely", async () => {
    await onboard();
    const [sticker] = await driver.exchange(updates.sticker(user), chat);
    expect(sticker!.text!.startsWith(t("media-unsupported"))).toBe(true);
    const [voice] = await driver.exchange(updates.voice(user), chat);
    expect(voice!.text!.startsWith(t("media-unsupported"))).toBe(true);
  });

  it("delivers after a 429 retry_after, and marks a user who blocked the bot (403) without a retry storm", async () => {
    await onboard();
    api.fail({ method: "sendMessage", chatId: chat, times: 1, code: 429, retryAfter: 1 });
    const [menu] = await driver.exchange(updates.command(user, "menu"), chat);
    expect(menu!.text).toBe(t("main-menu"));
    expect(api.callsOf("sendMessage", { chatId: chat }).slice(-2).map((c) => c.fault?.code ?? 200)).toEqual([429, 200]);

    api.fail({ chatId: chat, times: Infinity, code: 403 });
    const before = api.callsOf("sendMessage", { chatId: chat }).length;
    await driver.deliver(updates.command(user, "menu"));
    await expect.poll(async () => (await session()).blocked, { timeout: 5000 }).toBe(true);
    expect(api.callsOf("sendMessage", { chatId: chat })).toHaveLength(before + 1);
  });

  it("answers the same update delivered twice once", async () => {
    await onboard();
    const update = { ...updates.command(user, "menu"), update_id: 777_001 };
    const after = api.lastSeq;
    if (mode === "polling") {
      api.pushUpdate(update);
      api.pushUpdate(update);
    } else {
      await driver.deliver(update);
      await driver.deliver(update);
    }
    await api.waitForCalls("sendMessage", 1, { chatId: chat, after });
    await driver.exchange(updates.text(user, "7"), chat, 3);
    const texts = api.callsOf("sendMessage", { chatId: chat, ok: true }).filter((c) => c.seq > after).map((c) => c.payload.text);
    expect(texts.filter((x) => x === t("main-menu"))).toHaveLength(2); // one for /menu, one after "7" (the long text does not fit with it)
    expect(texts).toHaveLength(4);
  });
});

describe.each<Mode>(["polling", "webhook"])("Telegram restart (%s)", (mode) => {
  it("continues a conversation in a new process on the same Redis", async () => {
    const api = await BotApiStandIn.start();
    const store1 = await testStore("telegram-restart");
    const app1 = await makeApp(api, mode, store1);
    const first = await startChannel(app1, api);
    const user = testUser(6161, "kk");
    const [languages] = await first.exchange(updates.command(user, "start", "partner-ngo"), user.id);
    await first.stop();

    // A new process: new store connection on the same prefix, new app, new channel.
    const store2 = await testStore("telegram-restart", { prefix: store1.prefix });
    const app2 = await makeApp(api, mode, store2);
    const second = await startChannel(app2, api);
    try {
      const [menu] = await second.exchange(updates.callback(user, button(languages!, "Қазақша"), languages!), user.id);
      expect(menu!.text).toBe(`${app2.i18n.t("kk", "language-set")}\n\n${app2.i18n.t("kk", "main-menu")}`);
      const session = readSession(await store2.get(sessionKey(`telegram:${user.id}`)), Date.now()).session;
      expect(session).toMatchObject({ lang: "kk", src: "partner-ngo" });
      // Polling: the first update may be fetched again by the new process; it is not answered twice.
      expect(api.callsOf("sendMessage", { chatId: user.id, ok: true }).map((c) => c.payload.text)).toEqual([languages!.text, menu!.text]);
    } finally {
      await second.stop();
      await app2.close();
      await app1.close();
      await api.close();
    }
  });
});
