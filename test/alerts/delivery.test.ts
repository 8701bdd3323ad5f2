/**
 * Issue 14, delivery: 1,000 subscribers over three languages and two channels, a real `jol start`
 * killed with SIGKILL in the middle of an alert and started again → every recipient got the alert
 * exactly once (at most the few in flight at the kill repeated), in their language; users who
 * blocked the bot (403) are unsubscribed and counted; pause, resume and cancel come from a second
 * process (the `jol alert` command line).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { testRedisUrl, testStore } from "../support/redis.ts";
import { Rig } from "../chaos/rig.ts";
import { ROOT, until } from "../chaos/harness.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { WHATSAPP_OUTBOX_KEY } from "../../src/channels/whatsapp/outbox.ts";
import { AlertStore, statusOf } from "../../src/alerts/store.ts";
import { TELEGRAM_IN_FLIGHT } from "../../src/alerts/sender.ts";

vi.setConfig({ testTimeout: 600_000, hookTimeout: 120_000 });

const LANGS = ["ru", "uz", "kk"] as const;
const TEXTS: Record<(typeof LANGS)[number], string> = { ru: "Внимание: новая схема обмана", uz: "Diqqat: yangi firibgarlik", kk: "Назар аударыңыз: жаңа алаяқтық" };
const TELEGRAM = 700;
const WHATSAPP = 300;
const FIRST = 810_000;
const BLOCKED = Array.from({ length: 10 }, (_, i) => FIRST + 100 + i * 7);
/** Parallel sends per lane (AlertSender's default): the most a kill can leave in flight. */
const IN_FLIGHT = TELEGRAM_IN_FLIGHT;

let rig: Rig;
let store: RedisStore;
const langOf = (i: number) => LANGS[i % 3]!;
const waId = (i: number) => `7701${String(i).padStart(7, "0")}@c.us`;

function jol(args: string[]): { code: number | null; out: string; err: string } {
  const base = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };
  const r = spawnSync(process.execPath, [join(ROOT, "bin/jol.js"), ...args], { cwd: rig.content.root, env: { ...base, ...rig.env() }, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function status(id: string): { state: string; total: number; sent: number; failed: number; blocked: number; left: number } {
  const r = jol(["alert", "status", id, "--json"]);
  expect(r.err).toBe("");
  return JSON.parse(r.out) as ReturnType<typeof status>;
}

/** Alert messages the stand-in received per chat. */
function telegramAlerts(): Map<string, string[]> {
  const byChat = new Map<string, string[]>();
  for (const s of rig.api.sentLog()) {
    if (!s.text.includes("/stop")) continue;
    byChat.set(s.chatId, [...(byChat.get(s.chatId) ?? []), s.text]);
  }
  return byChat;
}

beforeAll(async () => {
  rig = await Rig.start({
    redisUrl: testRedisUrl(),
    env: { ALERT_RATE_PER_SEC: "120", WHATSAPP_PACE_MS: "2", WHATSAPP_ALERT_DAILY_CAP: "5000", ALERT_QUIET_HOURS: "" },
  });
  store = await testStore("alerts", { prefix: rig.prefix });
  const now = Date.now();
  for (let i = 0; i < TELEGRAM + WHATSAPP; i++) {
    const user = i < TELEGRAM ? `telegram:${FIRST + i}` : `whatsapp:${waId(i)}`;
    await store.set(`s:{${user}}`, JSON.stringify({ v: 1, lang: langOf(i), stack: [], wait: false, vars: {}, miss: 0, subs: ["kz"], t0: now, t1: now }));
    await store.sadd("alerts:kz", user);
    if (i % 4 === 0) await store.sadd("alerts:abroad", user); // in both segments: one alert all the same
  }
  for (const id of BLOCKED) rig.api.fail({ method: "sendMessage", chatId: id, times: Infinity, code: 403 });
  writeFileSync(join(rig.content.root, "texts.yaml"), Object.entries(TEXTS).map(([l, t]) => `${l}: ${JSON.stringify(t)}`).join("\n"));
});

afterAll(async () => {
  await rig?.dispose();
  await store?.close();
});

it("refuses bad input with one line and a non-zero exit", () => {
  const file = join(rig.content.root, "bad.yaml");
  writeFileSync(file, "fr: Bonjour\n");
  const cases: Array<[string[], RegExp]> = [
    [["--segment", "moon", "--texts", "texts.yaml"], /^Unknown segment "moon": choose one of/],
    [["--segment", "kz", "--texts", "bad.yaml"], /^The texts have a language "fr"/],
    [["--segment", "kz", "--texts", "texts.yaml", "--at", "2020-01-01 10:00"], /is in the past/],
    [["--segment", "kz", "--lang", "en", "--texts", "texts.yaml"], /^No subscribers in this audience/],
  ];
  writeFileSync(join(rig.content.root, "empty.yaml"), "ru: '  '\n");
  cases.push([["--segment", "kz", "--texts", "empty.yaml"], /^The ru text is empty/]);
  for (const [args, line] of cases) {
    const r = jol(["alert", "send", ...args, "--yes"]);
    expect(r.code, r.err).toBe(1);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(line);
  }
});

it("counts the recipients per language and channel with --dry-run, sending nothing", () => {
  const r = jol(["alert", "send", "--segment", "kz,abroad", "--texts", "texts.yaml", "--dry-run"]);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(`total\t\t${TELEGRAM + WHATSAPP}`);
  expect(r.out).toMatch(/^ru\ttelegram\t234$/m);
  expect(r.out).toMatch(/^kk\twhatsapp\t100$/m);
  expect(jol(["alert", "list"]).out).toBe("");
});

it("sends each subscriber the alert once, in their language, across a kill -9, with pause and resume from the command line", async () => {
  const sent = jol(["alert", "send", "--segment", "kz,abroad", "--texts", "texts.yaml", "--yes"]);
  expect(sent.code, sent.err).toBe(0);
  const id = sent.out.trim();
  expect(status(id)).toMatchObject({ state: "queued", total: TELEGRAM + WHATSAPP, sent: 0, left: TELEGRAM + WHATSAPP });

  const first = await rig.polling("first");
  await until(() => telegramAlerts().size >= 150, "150 alerts sent", 120_000).catch((e: Error) => {
    throw new Error(`${e.message}\n${first.lines.filter((l) => !l.includes("getUpdates")).slice(-40).join("\n")}`);
  });
  expect(jol(["alert", "pause", id]).code).toBe(0);
  const alerts = new AlertStore(store, 86_400_000);
  /** Read in this process while waiting (each `jol alert status` is a process start). */
  const state = async () => statusOf((await alerts.get(id))!);
  await until(async () => (await state()).state === "paused", "paused", 10_000);
  const atPause = telegramAlerts().size;
  await new Promise((r) => setTimeout(r, 1500));
  expect(telegramAlerts().size - atPause).toBeLessThanOrEqual(IN_FLIGHT); // only what was in flight
  expect(jol(["alert", "pause", id]).err).toMatch(/^Alert \d+ is paused: it cannot be paused now\./);
  expect(jol(["alert", "resume", id]).code).toBe(0);
  await until(() => telegramAlerts().size >= atPause + 150, "sending again after resume", 120_000);
  await first.crash();
  const atKill = status(id);
  expect(atKill.state).toBe("sending");
  expect(atKill.left).toBeGreaterThan(0);

  await rig.polling("second");
  await until(async () => (await state()).state === "done" && (await alerts.get(id))?.finished, "the alert to finish after the restart", 300_000, 500);

  const got = telegramAlerts();
  let duplicates = 0;
  for (let i = 0; i < TELEGRAM; i++) {
    const chat = String(FIRST + i);
    const texts = got.get(chat) ?? [];
    if (BLOCKED.includes(FIRST + i)) {
      expect(texts).toEqual([]);
      continue;
    }
    expect(texts.length, `chat ${chat}`).toBeGreaterThanOrEqual(1);
    duplicates += texts.length - 1;
    expect(texts[0]).toContain(TEXTS[langOf(i)]);
    expect(texts[0]!.split("\n").at(-1)).toBe(optout(langOf(i)));
  }
  expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT);

  const wa = (await store.lrange(WHATSAPP_OUTBOX_KEY, 0, -1)).map((raw) => JSON.parse(raw) as { address: { id: string }; messages: { text: string }[] });
  const waBy = new Map<string, string[]>();
  for (const e of wa) waBy.set(e.address.id, [...(waBy.get(e.address.id) ?? []), e.messages[0]!.text]);
  expect(waBy.size).toBe(WHATSAPP);
  for (let i = TELEGRAM; i < TELEGRAM + WHATSAPP; i++) {
    const texts = waBy.get(waId(i)) ?? [];
    expect(texts.length).toBeLessThanOrEqual(2); // one lane of one: at most the one in flight
    expect(texts[0]).toContain(TEXTS[langOf(i)]);
  }

  const end = status(id);
  expect(end).toMatchObject({ state: "done", total: TELEGRAM + WHATSAPP, blocked: BLOCKED.length, failed: 0, left: 0 });
  expect(end.sent).toBe(TELEGRAM + WHATSAPP - BLOCKED.length);
  for (const blocked of BLOCKED) {
    expect(await store.sismember("alerts:kz", `telegram:${blocked}`)).toBe(false);
    expect(await store.sismember("alerts:abroad", `telegram:${blocked}`)).toBe(false);
  }
  expect(await store.sismember("alerts:kz", `telegram:${FIRST}`)).toBe(true);
  expect(jol(["alert", "list"]).out).toMatch(new RegExp(`^${id}\\tdone\\t.*\\t${end.sent}/${TELEGRAM + WHATSAPP}$`, "m"));

  // A second alert, cancelled from the command line before a worker is done with it.
  expect(jol(["alert", "pause", id]).code).toBe(1); // a finished alert cannot be paused
  const later = jol(["alert", "send", "--segment", "kz", "--lang", "ru", "--texts", "texts.yaml", "--at", "23:59", "--yes"]);
  expect(later.code, later.err).toBe(0);
  const second = later.out.trim();
  expect(jol(["alert", "cancel", second]).out).toBe(`alert ${second}: queued → cancelled\n`);
  expect(jol(["alert", "list"]).out).toContain(`${second}\tcancelled`);
  expect(status(second)).toMatchObject({ state: "cancelled", sent: 0, left: 0 });
});

const OPTOUT: Record<string, string> = { ru: "/stop — больше не получать оповещения", uz: "/stop — boshqa xabarnoma olmaslik", kk: "/stop — хабарламаларды енді алмау" };
function optout(lang: string): string {
  return OPTOUT[lang]!;
}
