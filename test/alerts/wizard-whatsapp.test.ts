/**
 * Issue 17 in the `/alert` wizard: on WhatsApp's Cloud API, subscribers who have not written for
 * 24 hours can only get a template, so the preview says, per language, how many WhatsApp
 * subscribers there are and which alert template they get, or that the language has none (they
 * then get only a note to write). Real grammY over HTTP to the Bot API stand-in, real Redis.
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
import { BotApiStandIn, testUser, updates } from "../support/bot-api/index.ts";
import { testStore } from "../support/redis.ts";
import { APP_SECRET, GRAPH_TOKEN, PHONE_NUMBER_ID, VERIFY_TOKEN } from "../support/graph-api/index.ts";
import { Driver, startChannel, telegramEnv } from "../channels/telegram/harness.ts";

/** The Cloud transport's settings (its channel is not started here: only the wizard reads them). */
const CLOUD = { WHATSAPP_TRANSPORT: "cloud", WHATSAPP_CLOUD_TOKEN: GRAPH_TOKEN, WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN };

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const ADMIN = testUser(4343, "en", "Aida");
const SUBSCRIBERS = ["telegram:9201", "whatsapp:77019200001", "whatsapp:99890920002"];
const LANG: Record<string, "ru" | "uz"> = { "telegram:9201": "ru", "whatsapp:77019200001": "ru", "whatsapp:99890920002": "uz" };

function button(message: Message, label: string): string {
  const found = message.reply_markup?.inline_keyboard.flat().find((b) => b.text === label) as { callback_data?: string } | undefined;
  if (!found?.callback_data) throw new Error(`no button "${label}" under: ${message.text}`);
  return found.callback_data;
}

describe("the /alert wizard with WhatsApp on the Cloud API", () => {
  let api: BotApiStandIn;
  let app: App;
  let driver: Driver;
  beforeEach(async () => {
    api = await BotApiStandIn.start();
    const store = await testStore("alert-wizard-wa");
    const env = telegramEnv(api, "polling", { TELEGRAM_ADMIN_IDS: String(ADMIN.id), ALERT_QUIET_HOURS: "", WHATSAPP_ALERT_TEMPLATES: "ru=jol_alert", ...CLOUD });
    app = await createApp({ config: loadConfig(env), store, log: silentLogger });
    for (const user of SUBSCRIBERS) {
      await store.sadd(segmentKey("kz"), user);
      await store.set(sessionKey(user), writeSession({ ...newSession(Date.now()), lang: LANG[user]! }));
    }
    driver = await startChannel(app, api);
    for (const plugin of app.plugins) await plugin.start?.();
  });
  afterEach(async () => {
    await driver?.stop();
    await app?.close();
    await api.close();
  });

  it("says in the preview which alert template each language's WhatsApp subscribers get, or that there is none", async () => {
    const t = (id: string, args?: Record<string, string | number>) => app.i18n.t("en", id, args);
    const admin = (update: Parameters<Driver["exchange"]>[0], count = 1) => driver.exchange(update, ADMIN.id, count);
    const [start] = await admin(updates.command(ADMIN, "alert"));
    const [audience] = await admin(updates.callback(ADMIN, button(start!, "kz"), start!));
    const [ask] = await admin(updates.callback(ADMIN, button(audience!, t("alw-next-texts")), audience!));
    expect(ask!.text).toContain(t("alw-texts-ask", { langs: "ru, uz", lang: "ru" }));
    await admin(updates.text(ADMIN, "ru: Внимание: это обман."));
    const [ready] = await admin(updates.text(ADMIN, "uz: Diqqat: bu firibgarlik."));
    const preview = await admin(updates.callback(ADMIN, button(ready!, t("alw-preview")), ready!), 3);
    expect(preview[0]!.text).toContain(t("alw-preview-wa-template", { count: 1, name: "jol_alert" }));
    expect(preview[1]!.text).toContain(t("alw-preview-wa-no-template", { count: 1, lang: "uz" }));
  });
});
