/**
 * Issue 14, the kill -9 bound made explicit: a sender whose sends stop answering (the process is
 * about to die) has at most its lane's parallel sends in flight; the next sender on the same Redis
 * sends exactly those again and nobody else twice. With the default that is TELEGRAM_IN_FLIGHT (8)
 * per alert; one send at a time gives at most one repeat.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { systemClock } from "../../src/core/clock.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { Address } from "../../src/core/address.ts";
import { segmentKey } from "../../src/alerts/audience.ts";
import { AlertSender, TELEGRAM_IN_FLIGHT } from "../../src/alerts/sender.ts";
import { AlertStore } from "../../src/alerts/store.ts";

const { i18n } = loadLocales("locales");
const USERS = Array.from({ length: 60 }, (_, i) => `telegram:${700_000 + i}`);
const stores: RedisStore[] = [];

beforeEach(async () => {
  stores.push(await testStore("alerts-in-flight"));
  for (const user of USERS) await stores[0]!.sadd(segmentKey("kz"), user);
});
afterEach(async () => {
  for (const store of stores.splice(0).reverse()) await store.close().catch(() => undefined);
});

/** A sender on its own connection; its sends hang (never answer) once `answered` have gone out. */
async function sender(store: RedisStore, got: string[], opts: { parallel?: number; answered?: number }) {
  const send = async (to: Address) => {
    got.push(`${to.channel}:${to.id}`); // reached Telegram (the worst case for a hanging send)
    if (opts.answered !== undefined && got.length > opts.answered) await new Promise(() => undefined);
  };
  return new AlertSender({
    alerts: new AlertStore(store, 86_400_000),
    store,
    i18n,
    log: silentLogger,
    clock: systemClock,
    send,
    canSend: () => true,
    gates: {},
    segments: () => ["kz"],
    timeZone: "Asia/Almaty",
    quiet: null,
    whatsappDailyCap: 100,
    leaseMs: 300,
    pollMs: 20,
    ...(opts.parallel ? { parallel: opts.parallel } : {}),
  });
}

async function repeatsAfterKill(parallel: number | undefined): Promise<{ repeats: number; missing: number }> {
  const main = stores[0]!;
  const id = await new AlertStore(main, 86_400_000).create({ by: "test", audience: { segments: ["kz"] }, texts: { ru: "Внимание" }, recipients: USERS.map((user) => ({ user, lang: "ru" as const })), at: 0, now: Date.now() });
  const first: string[] = [];
  const dying = await testStore("alerts-in-flight", { prefix: main.prefix });
  const a = await sender(dying, first, { parallel, answered: 20 });
  a.start();
  const inFlight = parallel ?? TELEGRAM_IN_FLIGHT;
  while (first.length < 20 + inFlight) await new Promise((r) => setTimeout(r, 10));
  // kill -9: the hanging sends never answer, its connection is gone (not closed: no clean-up), its lease runs out.
  dying.client.disconnect();
  void a.stop();
  const second: string[] = [];
  const b = await sender(main, second, {});
  b.start();
  const alerts = new AlertStore(main, 86_400_000);
  while ((await alerts.get(id))?.finished === undefined) await new Promise((r) => setTimeout(r, 20));
  await b.stop();
  const all = [...first, ...second];
  return { repeats: all.length - new Set(all).size, missing: USERS.filter((u) => !all.includes(u)).length };
}

it("repeats at most the default in-flight sends of a lane after a kill, and nobody is left out", async () => {
  expect(TELEGRAM_IN_FLIGHT).toBe(8);
  expect(await repeatsAfterKill(undefined)).toEqual({ repeats: TELEGRAM_IN_FLIGHT, missing: 0 });
});

it("repeats at most one message after a kill with one send at a time", async () => {
  expect(await repeatsAfterKill(1)).toEqual({ repeats: 1, missing: 0 });
});
