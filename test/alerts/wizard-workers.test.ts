/**
 * Issue 14, the `/alert` wizard (a @grammyjs/conversations 2.x conversation, its state in Redis)
 * over two workers: two apps on the same Redis, each with its own webhook, the admin's updates
 * split between them against the Bot API stand-in. A half-written alert continues at either
 * worker, an update delivered again is applied once, two updates at once at two workers are both
 * kept, the audience narrows by deep-link source, and the card's buttons work at either worker.
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
import { BotApiStandIn, testUser, updates } from "../support/bot-api/index.ts";
import { testStore } from "../support/redis.ts";
import { Driver, startChannel, telegramEnv } from "../channels/telegram/harness.ts";

vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

const ADMIN = testUser(4343, "en", "Aida");
const SUBSCRIBERS = [
  { id: 9201, lang: "ru", src: "portal" },
  { id: 9202, lang: "ru" },
  { id: 9203, lang: "uz" },
] as const;
const RU = "Внимание: звонят «из миграционной службы». Это обман.";
const UZ = "Diqqat: «migratsiya xizmatidan» qo'ng'iroq qilishmoqda. Bu firibgarlik.";

function button(message: Message, label: string): string {
  const found = message.reply_markup?.inline_keyboard.flat().find((b) => b.text === label) as { callback_data?: string } | undefined;
  if (!found?.callback_data) throw new Error(`no button "${label}" under: ${message.text}`);
  return found.callback_data;
}

describe("the /alert wizard on two workers", () => {
  let api: BotApiStandIn;
  const apps: App[] = [];
  const drivers: Driver[] = [];
  let a: Driver;
  let b: Driver;
  let prefix: string;

  beforeEach(async () => {
    api = await BotApiStandIn.start();
    const env = loadConfig(telegramEnv(api, "webhook", { TELEGRAM_ADMIN_IDS: String(ADMIN.id), ALERT_QUIET_HOURS: "", DEFAULT_LANG: "ru" }));
    const first = await testStore("alert-wizard-2w");
    prefix = first.prefix;
    const now = Date.now();
    for (const s of SUBSCRIBERS) {
      await first.sadd(segmentKey("kz"), `telegram:${s.id}`);
      await first.set(sessionKey(`telegram:${s.id}`), writeSession({ ...newSession(now), lang: s.lang, ...("src" in s ? { src: s.src } : {}) }));
    }
    for (const store of [first, await testStore("alert-wizard-2w", { prefix })]) {
      const app = await createApp({ config: env, store, log: silentLogger });
      apps.push(app);
      drivers.push(await startChannel(app, api));
    }
    [a, b] = drivers as [Driver, Driver];
  });
  afterEach(async () => {
    for (const d of drivers.splice(0)) await d.stop();
    for (const app of apps.splice(0)) await app.close();
    await api.close();
  });

  const t = (id: string, args?: Record<string, string | number>) => apps[0]!.i18n.t("en", id, args);
  const at = (driver: Driver, update: Parameters<Driver["exchange"]>[0], count = 1) => driver.exchange(update, ADMIN.id, count);

  it("continues a half-written alert at either worker, applies a redelivered update once and keeps two updates at once", async () => {
    const store = apps[0]!.store;
    const [start] = await at(a, updates.command(ADMIN, "alert"));
    // The conversation's state is in Redis under al:wiz:<admin>, for a day.
    const raw = JSON.parse((await store.get(`al:wiz:${ADMIN.id}`))!) as { version: unknown; state: Record<string, unknown> };
    expect(raw.version).toBeDefined();
    expect(Object.keys(raw.state)).toEqual(["alert"]);
    const ttl = await store.ttl(`al:wiz:${ADMIN.id}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(86_400_000);

    // Deep-link source narrowing: a button per source the segment's subscribers came from.
    const [audience] = await at(b, updates.callback(ADMIN, button(start!, "kz"), start!));
    expect(audience!.text).toContain("Recipients: 3");
    const [portal] = await at(a, updates.callback(ADMIN, button(audience!, "portal"), audience!));
    expect(portal!.text).toContain("kz · source portal");
    expect(portal!.text).toContain("Recipients: 1");
    const [all] = await at(b, updates.callback(ADMIN, button(portal!, t("alw-all-sources")), portal!));
    expect(all!.text).toContain("Recipients: 3");
    const [ask] = await at(a, updates.callback(ADMIN, button(all!, t("alw-next-texts")), all!));
    expect(ask!.text).toContain(t("alw-texts-ask", { langs: "ru, uz", lang: "ru" }));

    // Two texts at once, one at each worker: both are kept (one admin's updates go one at a time).
    const before = api.lastSeq;
    await Promise.all([a.deliver(updates.text(ADMIN, `ru: ${RU}`)), b.deliver(updates.text(ADMIN, `uz: ${UZ}`))]);
    await a.messagesAfter(before, ADMIN.id, 2);
    const [texts] = await at(b, updates.callback(ADMIN, "alw:texts", ask!));
    expect(texts!.text).toContain(t("alw-text-own", { lang: "ru" }));
    expect(texts!.text).toContain(t("alw-text-own", { lang: "uz" }));

    // An update delivered again (same update_id, at the other worker) is not applied twice.
    const again = { ...updates.text(ADMIN, `uz: ${UZ} (2)`), update_id: 880_001 };
    await at(a, again);
    const sent = api.callsOf("sendMessage", { chatId: ADMIN.id }).length;
    await b.deliver(again);
    expect(api.callsOf("sendMessage", { chatId: ADMIN.id })).toHaveLength(sent);

    // On to a scheduled alert, the steps alternating between the workers.
    const preview = await at(a, updates.callback(ADMIN, button(texts!, t("alw-preview")), texts!), 3);
    expect(preview[1]!.text).toContain(`${UZ} (2)`);
    const [when] = await at(b, updates.callback(ADMIN, button(preview[2]!, t("alw-later")), preview[2]!));
    expect(when!.text).toBe(t("alw-when-ask", { tz: apps[0]!.config.HOTLINE_TIMEZONE }));
    const [confirm] = await at(a, updates.text(ADMIN, "2099-12-31 09:00"));
    const after = api.lastSeq;
    await b.deliver(updates.callback(ADMIN, button(confirm!, t("alw-send", { count: 3 })), confirm!));
    await api.waitForCalls("editMessageText", 1, { chatId: ADMIN.id, after });
    expect(await store.get(`al:wiz:${ADMIN.id}`)).toBeNull();
    const alerts = new AlertStore(store, 86_400_000);
    const [record] = await alerts.list();
    expect(record).toMatchObject({ state: "queued", total: 3, audience: { segments: ["kz"] } });

    // The card's buttons are not the conversation's: Pause at one worker, Resume at the other.
    const press = async (driver: Driver, label: string) => {
      const card = api.message(ADMIN.id, confirm!.message_id)!;
      const since = api.lastSeq;
      await driver.deliver(updates.callback(ADMIN, button(card, label), card));
      await api.waitForCalls("editMessageText", 1, { chatId: ADMIN.id, after: since });
    };
    await press(a, t("alc-pause"));
    expect(await alerts.state(record!.id)).toBe("paused");
    await press(b, t("alc-resume"));
    expect(await alerts.state(record!.id)).toBe("queued");
  });

  it("starts over on a second /alert, and ends at Cancel at any worker", async () => {
    // A draft left by the wizard before it was a conversation does not stand in the way.
    await apps[0]!.store.set(`al:wiz:${ADMIN.id}`, JSON.stringify({ step: "texts", ui: "en", segments: ["kz"], written: {}, use: {}, at: 0 }));
    const [start] = await at(a, updates.command(ADMIN, "alert"));
    const [audience] = await at(b, updates.callback(ADMIN, button(start!, "kz"), start!));
    const [again] = await at(b, updates.command(ADMIN, "alert"));
    expect(again!.text).toBe(t("alw-audience-choose"));
    // A button of the first wizard's audience step before a segment was chosen again: nothing happens; kz works.
    const [fresh] = await at(a, updates.callback(ADMIN, button(again!, "kz"), again!));
    expect(fresh!.text).toContain("Recipients: 3");
    expect(audience!.text).toContain("Recipients: 3");
    const [cancelled] = await at(b, updates.callback(ADMIN, button(fresh!, t("alw-cancel")), fresh!));
    expect(cancelled!.text).toBe(t("alw-cancelled"));
    expect(await apps[0]!.store.get(`al:wiz:${ADMIN.id}`)).toBeNull();

    // A button of the ended wizard is answered quietly, not taken for the migrant chat's.
    const since = api.lastSeq;
    await a.deliver(updates.callback(ADMIN, button(fresh!, t("alw-next-texts")), fresh!));
    const answers = api.callsOf("answerCallbackQuery").filter((c) => c.seq > since);
    expect(answers).toHaveLength(1);
    expect((answers[0]!.payload as { text?: string }).text).toBeUndefined();
    expect(api.callsOf("sendMessage", { chatId: ADMIN.id }).filter((c) => c.seq > since)).toEqual([]);
  });
});
