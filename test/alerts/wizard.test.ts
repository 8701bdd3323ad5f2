/**
 * Issue 14, the staff's `/alert` wizard in Telegram, end to end: real grammY over HTTP to the Bot
 * API stand-in, the real app (`createApp`: flows, plugins, the alert sender) on real Redis. An admin
 * chooses the audience, writes the texts (one refused as too long), previews, test-sends, confirms;
 * the alert is delivered to the subscribers in their language and the wizard's last message becomes
 * the progress card, edited into the report (also posted to the staff group). Cancel drops the
 * draft; a non-admin's `/alert` is the migrant chat's, not the wizard's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Message } from "grammy/types";
import type { App } from "../../src/app/app.ts";
import { createApp } from "../../src/app/create.ts";
import { loadConfig } from "../../src/config/load.ts";
import { silentLogger } from "../../src/core/log.ts";
import { sessionKey } from "../../src/core/keys.ts";
import { newSession, writeSession } from "../../src/engine/session.ts";
import { segmentKey } from "../../src/alerts/audience.ts";
import { AlertStore } from "../../src/alerts/store.ts";
import { alertMessage } from "../../src/alerts/texts.ts";
import { BotApiStandIn, testUser, updates } from "../support/bot-api/index.ts";
import { testStore } from "../support/redis.ts";
import { Driver, STAFF_CHAT, startChannel, telegramEnv } from "../channels/telegram/harness.ts";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const ADMIN = testUser(4242, "en", "Aida");
const STRANGER = testUser(5353, "en");
const SUBSCRIBERS = [
  { id: 9101, lang: "ru" },
  { id: 9102, lang: "ru" },
  { id: 9103, lang: "uz" },
] as const;
const RU = "Внимание: звонят «из миграционной службы» и просят оплатить штраф. Это обман.";
const UZ = "Diqqat: «migratsiya xizmatidan» qo'ng'iroq qilishmoqda. Bu firibgarlik.";

type TestStore = Awaited<ReturnType<typeof testStore>>;

/** The callback data of the button whose label is `label` under `message`. */
function button(message: Message, label: string): string {
  const found = message.reply_markup?.inline_keyboard.flat().find((b) => b.text === label) as { callback_data?: string } | undefined;
  if (!found?.callback_data) throw new Error(`no button "${label}" under: ${message.text}`);
  return found.callback_data;
}

function callbackData(message: Message): string[] {
  return (message.reply_markup?.inline_keyboard.flat() ?? []).map((b) => (b as { callback_data?: string }).callback_data ?? "");
}

describe("the /alert wizard", () => {
  let api: BotApiStandIn;
  let store: TestStore;
  let app: App;
  let driver: Driver;
  /** Apps of a second "process" (closed after the channel stopped). */
  const others: App[] = [];
  const t = (id: string, args?: Record<string, string | number>) => app.i18n.t("en", id, args);

  beforeEach(async () => {
    api = await BotApiStandIn.start();
    store = await testStore("alert-wizard");
    const env = telegramEnv(api, "polling", { TELEGRAM_ADMIN_IDS: String(ADMIN.id), ALERT_QUIET_HOURS: "", ALERT_RATE_PER_SEC: "100", DEFAULT_LANG: "ru" });
    app = await createApp({ config: loadConfig(env), store, log: silentLogger });
    const now = Date.now();
    for (const s of SUBSCRIBERS) {
      await store.sadd(segmentKey("kz"), `telegram:${s.id}`);
      await store.set(sessionKey(`telegram:${s.id}`), writeSession({ ...newSession(now), lang: s.lang }));
    }
    driver = await startChannel(app, api);
    for (const plugin of app.plugins) await plugin.start?.();
  });
  afterEach(async () => {
    await driver?.stop();
    for (const other of others.splice(0)) await other.close();
    if (app) await app.close();
    else await store.close();
    await api.close();
  });

  /** Send an update from the admin and wait for `count` messages to the admin's chat. */
  const admin = (update: Parameters<Driver["exchange"]>[0], count = 1) => driver.exchange(update, ADMIN.id, count);

  it("takes an admin from the audience through texts, preview and a test send to a sent alert and its progress card", async () => {
    const [start] = await admin(updates.command(ADMIN, "alert"));
    expect(start!.text).toBe(t("alw-audience-choose"));
    const [audience] = await admin(updates.callback(ADMIN, button(start!, "kz"), start!));
    expect(audience!.text).toContain(`${t("alw-audience", { audience: "kz", count: 3, breakdown: "" }).split("\n")[1]}`);
    expect(audience!.text).toContain("ru: telegram 2");

    // Narrowed to Uzbek the count follows; back to all languages, on to the texts.
    const [narrowed] = await admin(updates.callback(ADMIN, button(audience!, "uz"), audience!));
    expect(narrowed!.text).toContain("kz · uz");
    const [whole] = await admin(updates.callback(ADMIN, button(narrowed!, t("alw-all-langs")), narrowed!));
    const [ask] = await admin(updates.callback(ADMIN, button(whole!, t("alw-next-texts")), whole!));
    expect(ask!.text).toContain(t("alw-texts-ask", { langs: "ru, uz", lang: "ru" }));

    // Too long: refused with the length; nothing kept.
    const long = `ru: ${"x".repeat(4100)}`;
    const [refused] = await admin(updates.text(ADMIN, long));
    expect(refused!.text).toBe(t("alw-too-long", { lang: "ru", length: alertMessage(app.i18n, "ru", "x".repeat(4100)).length, limit: 4096 }));

    // Russian written: Uzbek is missing, with a button to send them the Russian text.
    const [afterRu] = await admin(updates.text(ADMIN, `ru: ${RU}`));
    expect(afterRu!.text).toContain(t("alw-text-missing", { lang: "uz" }));
    expect(callbackData(afterRu!)).toContain("alw:use:uz:ru");
    const [afterUz] = await admin(updates.text(ADMIN, `uz: ${UZ}`));
    expect(afterUz!.text).toContain(t("alw-texts-ready"));

    // The preview: exactly what each group receives, opt-out line included.
    const preview = await admin(updates.callback(ADMIN, button(afterUz!, t("alw-preview")), afterUz!), 3);
    expect(preview[0]!.text).toBe(`${t("alw-preview-head", { lang: "ru", count: 2 })}\n\n${RU}\n\n${app.i18n.t("ru", "alert-optout")}`);
    expect(preview[1]!.text).toBe(`${t("alw-preview-head", { lang: "uz", count: 1 })}\n\n${UZ}\n\n${app.i18n.t("uz", "alert-optout")}`);

    // The test send: the two messages as the subscribers will get them, to the admin only.
    const tested = await admin(updates.callback(ADMIN, button(preview[2]!, t("alw-test")), preview[2]!), 3);
    expect(tested.map((m) => m.text)).toEqual([`${RU}\n\n${app.i18n.t("ru", "alert-optout")}`, `${UZ}\n\n${app.i18n.t("uz", "alert-optout")}`, t("alw-tested")]);
    expect(api.sentTo(SUBSCRIBERS[0].id)).toHaveLength(0);

    const [confirm] = await admin(updates.callback(ADMIN, button(tested[2]!, t("alw-now")), tested[2]!));
    expect(confirm!.text).toContain(t("alw-confirm", { count: 3, audience: "kz", when: t("alw-when-now") }));
    const after = api.lastSeq;
    await driver.deliver(updates.callback(ADMIN, button(confirm!, t("alw-send", { count: 3 })), confirm!));

    // Delivered once to each subscriber, in their language.
    for (const s of SUBSCRIBERS) {
      const [call] = await api.waitForCalls("sendMessage", 1, { chatId: s.id, after, timeoutMs: 20_000 });
      expect((call!.result as Message).text).toBe(`${s.lang === "ru" ? RU : UZ}\n\n${app.i18n.t(s.lang, "alert-optout")}`);
    }
    // The card became the report, and the report went to the staff group.
    const [report] = await api.waitForCalls("sendMessage", 1, { chatId: STAFF_CHAT, after, timeoutMs: 20_000 });
    expect((report!.result as Message).text).toContain(`${t("alc-state-done")}`);
    expect((report!.result as Message).text).toContain("3 of 3");
    const card = api.message(ADMIN.id, confirm!.message_id)!;
    expect(card.text).toBe((report!.result as Message).text);
    expect(card.text).toMatch(/^Alert \d+: done/);

    const alerts = new AlertStore(store, 86_400_000);
    const [record] = await alerts.list();
    expect(record).toMatchObject({ state: "done", total: 3, sent: 3, by: `telegram:${ADMIN.id} Aida`, card: `${ADMIN.id}:${confirm!.message_id}` });
    expect(api.sentTo(SUBSCRIBERS[0].id)).toHaveLength(1);
  });

  it("schedules an alert at a time, and its card's Pause, Resume and Stop change the alert in the store", async () => {
    const [start] = await admin(updates.command(ADMIN, "alert"));
    const [audience] = await admin(updates.callback(ADMIN, button(start!, "kz"), start!));
    const [ask] = await admin(updates.callback(ADMIN, button(audience!, t("alw-next-texts")), audience!));
    await admin(updates.text(ADMIN, `ru: ${RU}`));
    const [texts] = await admin(updates.text(ADMIN, `uz: ${UZ}`));
    expect(ask!.text).toContain(t("alw-texts-ask", { langs: "ru, uz", lang: "ru" }));
    const preview = await admin(updates.callback(ADMIN, button(texts!, t("alw-preview")), texts!), 3);
    const tz = app.config.HOTLINE_TIMEZONE;
    const [when] = await admin(updates.callback(ADMIN, button(preview[2]!, t("alw-later")), preview[2]!));
    expect(when!.text).toBe(t("alw-when-ask", { tz }));
    const [bad] = await admin(updates.text(ADMIN, "25:99"));
    expect(bad!.text).toBe(t("alw-when-bad", { tz }));
    const [past] = await admin(updates.text(ADMIN, "2020-01-01 09:00"));
    expect(past!.text).toBe(t("alw-when-past", { tz }));
    const [confirm] = await admin(updates.text(ADMIN, "2099-12-31 09:00"));
    expect(confirm!.text).toContain(`2099-12-31 09:00 (${tz})`);

    const send = async (message: Message, label: string) => {
      const after = api.lastSeq;
      await driver.deliver(updates.callback(ADMIN, button(message, label), message));
      await api.waitForCalls("editMessageText", 1, { chatId: ADMIN.id, after });
      return api.message(ADMIN.id, confirm!.message_id)!;
    };
    const alerts = new AlertStore(store, 86_400_000);
    let card = await send(confirm!, t("alw-send", { count: 3 }));
    expect(card.text).toContain(t("alc-state-queued"));
    expect(card.text).toContain("left 3 of 3");
    const [record] = await alerts.list();
    expect(record!.at).toBeGreaterThan(Date.now());

    card = await send(card, t("alc-pause"));
    expect(await alerts.state(record!.id)).toBe("paused");
    expect(card.text).toContain(t("alc-state-paused"));
    card = await send(card, t("alc-resume"));
    expect(await alerts.state(record!.id)).toBe("queued");

    // Stop: the sender ends the alert and the card becomes the report; nothing reached a subscriber.
    const after = api.lastSeq;
    await driver.deliver(updates.callback(ADMIN, button(card, t("alc-cancel")), card));
    await api.waitForCalls("sendMessage", 1, { chatId: STAFF_CHAT, after, timeoutMs: 20_000 });
    expect(await alerts.state(record!.id)).toBe("cancelled");
    expect(api.message(ADMIN.id, confirm!.message_id)!.text).toMatch(new RegExp(`^Alert ${record!.id}: ${t("alc-state-cancelled")}`));
    for (const s of SUBSCRIBERS) expect(api.sentTo(s.id)).toHaveLength(0);
  });

  it("keeps a half-written alert in Redis: another process continues it", async () => {
    const [start] = await admin(updates.command(ADMIN, "alert"));
    const [audience] = await admin(updates.callback(ADMIN, button(start!, "kz"), start!));
    await admin(updates.callback(ADMIN, button(audience!, t("alw-next-texts")), audience!));
    await admin(updates.text(ADMIN, `ru: ${RU}`));
    await driver.stop();

    // A new process: a new connection on the same prefix, a new app and channel.
    const store2 = await testStore("alert-wizard", { prefix: store.prefix });
    const app2 = await createApp({ config: app.config, store: store2, log: silentLogger });
    others.push(app2);
    driver = await startChannel(app2, api);
    const [texts] = await admin(updates.text(ADMIN, `uz: ${UZ}`));
    expect(texts!.text).toContain(t("alw-text-own", { lang: "ru" }));
    expect(texts!.text).toContain(t("alw-text-own", { lang: "uz" }));
    expect(texts!.text).toContain(t("alw-texts-ready"));
  });

  it("cancels at any step: the draft is gone and nothing is stored", async () => {
    const [start] = await admin(updates.command(ADMIN, "alert"));
    const [audience] = await admin(updates.callback(ADMIN, button(start!, "kz"), start!));
    const [ask] = await admin(updates.callback(ADMIN, button(audience!, t("alw-next-texts")), audience!));
    const [cancelled] = await admin(updates.callback(ADMIN, button(ask!, t("alw-cancel")), ask!));
    expect(cancelled!.text).toBe(t("alw-cancelled"));
    // A text now is no alert text: it goes to the bot's ordinary chat.
    const [reply] = await admin(updates.text(ADMIN, `ru: ${RU}`));
    expect(reply!.text).not.toContain(t("alw-text-own", { lang: "ru" }));
    expect(await new AlertStore(store, 86_400_000).list()).toEqual([]);

    // /cancel as a command works too.
    await admin(updates.command(ADMIN, "alert"));
    const [byCommand] = await admin(updates.command(ADMIN, "cancel"));
    expect(byCommand!.text).toBe(t("alw-cancelled"));
  });

  it("gives a non-admin no wizard: /alert is answered by the ordinary bot", async () => {
    const [reply] = await driver.exchange(updates.command(STRANGER, "alert"), STRANGER.id);
    expect(reply!.text).not.toBe(t("alw-audience-choose"));
    expect(callbackData(reply!).some((d) => d.startsWith("alw:"))).toBe(false);
    expect(await store.get(`al:wiz:${STRANGER.id}`)).toBeNull();
  });
});
