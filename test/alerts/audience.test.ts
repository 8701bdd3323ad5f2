/**
 * Issue 14, the alert's parts: the audience (segments, language, channel, source; a user in two
 * segments once; blocked users left out) over real Redis, texts per language with the opt-out
 * line and the length limit, quiet hours and send times in the hotline's time zone.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { findRecipients, segmentKey } from "../../src/alerts/audience.ts";
import { prepareAlert, parseAudience } from "../../src/alerts/prepare.ts";
import { alertMessage, resolveTexts } from "../../src/alerts/texts.ts";
import { isQuiet, parseQuietHours, parseSendTime } from "../../src/alerts/time.ts";

const { i18n } = loadLocales("locales");
let store: RedisStore;

async function user(key: string, session: Record<string, unknown>, segments: string[]): Promise<void> {
  await store.set(`s:{${key}}`, JSON.stringify({ v: 1, stack: [], wait: false, vars: {}, miss: 0, t0: 1, t1: 1, ...session }));
  for (const s of segments) await store.sadd(segmentKey(s), key);
}

beforeEach(async () => {
  store = await testStore("alerts-audience");
  await user("telegram:1", { lang: "ru" }, ["kz", "abroad"]);
  await user("telegram:2", { lang: "uz", src: "portal" }, ["kz"]);
  await user("whatsapp:77011234567@c.us", { lang: "uz" }, ["abroad"]);
  await user("telegram:3", { lang: "kk", blocked: true }, ["kz"]);
  await store.sadd(segmentKey("kz"), "telegram:4"); // session expired: the default language
});
afterEach(async () => {
  await store.close();
});

describe("audience", () => {
  it("counts a user in two segments once and leaves out users who blocked the bot", async () => {
    const all = await findRecipients(store, { segments: ["kz", "abroad"] }, "ru");
    expect(all).toEqual([
      { user: "telegram:1", lang: "ru" },
      { user: "telegram:2", lang: "uz" },
      { user: "telegram:4", lang: "ru" },
      { user: "whatsapp:77011234567@c.us", lang: "uz" },
    ]);
  });

  it("narrows by language, channel and deep-link source", async () => {
    expect((await findRecipients(store, { segments: ["kz", "abroad"], langs: ["uz"] }, "ru")).map((r) => r.user)).toEqual(["telegram:2", "whatsapp:77011234567@c.us"]);
    expect((await findRecipients(store, { segments: ["kz", "abroad"], channel: "whatsapp" }, "ru")).map((r) => r.user)).toEqual(["whatsapp:77011234567@c.us"]);
    expect((await findRecipients(store, { segments: ["kz"], source: "portal" }, "ru")).map((r) => r.user)).toEqual(["telegram:2"]);
  });

  it("refuses an unknown segment, language or channel with the accepted values", () => {
    expect(() => parseAudience({ segments: ["moon"] }, ["abroad", "kz"])).toThrow('Unknown segment "moon": choose one of abroad, kz.');
    expect(() => parseAudience({ segments: ["kz"], langs: ["fr"] }, ["kz"])).toThrow('Unknown language "fr": use ru, kk, uz, ky, tg, en.');
    expect(() => parseAudience({ segments: ["kz"], channel: "sms" }, ["kz"])).toThrow('Unknown channel "sms": use telegram or whatsapp.');
  });

  it("asks for a text for every audience language, or another language's, and refuses long texts with the length", async () => {
    const deps = { store, i18n, defaultLang: "ru" as const, segments: ["kz", "abroad"] };
    await expect(prepareAlert(deps, { segments: ["kz"] }, { written: { ru: "Внимание" } })).rejects.toThrow(/^No text for uz .*--use uz=ru/);
    const ok = await prepareAlert(deps, { segments: ["kz"] }, { written: { ru: "Внимание" }, use: { uz: "ru" } });
    expect(ok.texts).toEqual({ ru: "Внимание", uz: "Внимание" });
    expect(ok.counts).toEqual({ ru: { telegram: 2 }, uz: { telegram: 1 } });
    await expect(prepareAlert(deps, { segments: ["kz"], langs: ["ru"] }, { written: { ru: "x".repeat(4080) } })).rejects.toThrow(/^The ru text is too long: 41\d\d characters with the opt-out line, the limit is 4096/);
  });
});

describe("texts", () => {
  it("ends every alert with the opt-out line in the user's language", () => {
    expect(alertMessage(i18n, "ru", " Внимание \n")).toBe("Внимание\n\n/stop — больше не получать оповещения");
    expect(alertMessage(i18n, "en", "Warning")).toBe("Warning\n\n/stop — no more alerts");
  });

  it("never leaves a language silently without a text", () => {
    expect(resolveTexts(["ru", "kk"], { written: { ru: "a" } })).toEqual({ ok: false, missing: ["kk"] });
    expect(resolveTexts(["ru", "kk"], { written: { ru: "a", kk: "  " }, use: { kk: "ru" } })).toEqual({ ok: true, texts: { ru: "a", kk: "a" } });
  });
});

describe("time", () => {
  const zone = "Asia/Almaty"; // UTC+5 since 2024
  it("holds scheduled alerts through quiet hours spanning midnight", () => {
    const quiet = parseQuietHours("22:00-08:00");
    expect(isQuiet(quiet, Date.UTC(2026, 11, 2, 17, 30), zone)).toBe(true); // 22:30 there
    expect(isQuiet(quiet, Date.UTC(2026, 11, 2, 2, 59), zone)).toBe(true); // 07:59
    expect(isQuiet(quiet, Date.UTC(2026, 11, 2, 3, 0), zone)).toBe(false); // 08:00
    expect(isQuiet(parseQuietHours(""), Date.UTC(2026, 11, 2, 20, 0), zone)).toBe(false);
  });

  it("reads send times in the hotline's time zone", () => {
    const now = Date.UTC(2026, 11, 2, 10, 0); // 15:00 there
    expect(parseSendTime("2026-12-03 10:00", now, zone)).toBe(Date.UTC(2026, 11, 3, 5, 0));
    expect(parseSendTime("16:30", now, zone)).toBe(Date.UTC(2026, 11, 2, 11, 30));
    expect(parseSendTime("09:00", now, zone)).toBe(Date.UTC(2026, 11, 3, 4, 0)); // passed today: tomorrow
    expect(parseSendTime("tomorrow", now, zone)).toBeNull();
  });
});
