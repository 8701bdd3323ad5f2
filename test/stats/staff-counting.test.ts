/**
 * The hotline's and the alerts' counts (issue 16). The hotline's, recorded by the real case service on real Redis: a case opened,
 * taken after 7 minutes, closed and rated produces exactly these counters, with the consultant's
 * name for the admins' per-consultant figures and nothing about the migrant (no field but these). Also: counting costs
 * the message path no round trip: `record` only buffers, `flush` (or any read) writes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { redisStatsFor } from "../../src/stats/create.ts";
import { STATS_TAG } from "../../src/stats/plan.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testStore } from "../support/redis.ts";
import { segmentKey } from "../../src/alerts/audience.ts";
import { AlertSender } from "../../src/alerts/sender.ts";
import { AlertStore } from "../../src/alerts/store.ts";
import { BlockedError } from "../../src/core/delivery-errors.ts";
import type { Address } from "../../src/core/address.ts";
import { systemClock } from "../../src/core/clock.ts";
import { silentLogger } from "../../src/core/log.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import { OPERATOR_A, actor, coreRig } from "../cases/helpers.ts";

let store: RedisStore;
beforeEach(async () => {
  store = await testStore("cases-counting");
});
afterEach(async () => {
  await store.close();
});

const DAY = "2026-01-05"; // the rig's fake clock: Monday 11:00 in Almaty

describe("an alert's statistics", () => {
  it("count each recipient delivered or blocked, and the unsubscribe a block causes, with no user in them", async () => {
    const users = ["telegram:801", "telegram:802", "telegram:803"];
    for (const user of users) await store.sadd(segmentKey("kz"), user);
    const alerts = new AlertStore(store, 86_400_000);
    const stats = redisStatsFor(store, { STATS_RETENTION_DAYS: 30, HOTLINE_TIMEZONE: "Asia/Almaty" })!;
    const id = await alerts.create({ by: "test", audience: { segments: ["kz"] }, texts: { ru: "Внимание" }, recipients: users.map((user) => ({ user, lang: "ru" as const })), at: 0, now: Date.now() });
    const sender = new AlertSender({
      alerts,
      store,
      i18n: loadLocales("locales").i18n,
      log: silentLogger,
      clock: systemClock,
      send: async (to: Address) => {
        if (to.id === "802") throw new BlockedError(to);
      },
      canSend: () => true,
      gates: {},
      segments: () => ["kz"],
      timeZone: "Asia/Almaty",
      quiet: null,
      whatsappDailyCap: 100,
      pollMs: 20,
      stats,
    });
    sender.start();
    while ((await alerts.get(id))?.finished === undefined) await new Promise((r) => setTimeout(r, 20));
    await sender.stop();
    const today = stats.calendar.at(Date.now()).day;
    const day = (await stats.days([today])).get(today)!;
    expect(day).toEqual({ "alert:sent": 2, "alert:blocked": 1, unsub: 1 });
  });
});

describe("the case service's statistics", () => {
  it("open, take after 7 minutes, close and a 4 of 5 give exactly the expected counters", async () => {
    const rig = coreRig(store);
    const migrant = { channel: "whatsapp" as const, id: "77001230000" };
    const { case: c } = await rig.cases.open({ address: migrant, lang: "uz", reason: "job-check", urgent: true, summary: {}, contact: false });
    rig.clock.advance(7 * 60_000);
    await rig.cases.take(c.id, actor(OPERATOR_A, "Aigul"));
    await rig.cases.close(c.id, actor(OPERATOR_A, "Aigul"), "referred");
    await rig.cases.feedback(c.id, 4);

    const stats = redisStatsFor(store, rig.config)!;
    const day = (await stats.days([DAY])).get(DAY)!;
    expect(day).toEqual({
      "case:opened": 1,
      "case:reason:job-check": 1,
      "case:urgent": 1,
      "case:taken": 1,
      "take:n": 1,
      "take:ms": 7 * 60_000,
      "take:sla": 1,
      "take:b:15": 1,
      "cc:t:Aigul": 1,
      "case:closed": 1,
      "out:referred": 1,
      "cc:c:Aigul": 1,
      "fb:4": 1,
      "cc:fb:Aigul": 4,
      "cc:fbn:Aigul": 1,
    });
  });

  it("buffers counts in the process: nothing reaches Redis until a flush, then all of it in one write", async () => {
    const rig = coreRig(store);
    const stats = redisStatsFor(store, rig.config)!;
    for (let i = 0; i < 50; i++) await stats.record([{ k: "agency" }], rig.clock.now());
    expect(await store.keys(STATS_TAG)).toEqual([]);
    await stats.flush();
    expect((await stats.days([DAY])).get(DAY)).toEqual({ agency: 50 });
  });

  it("sums a second's messages before writing: a user's repeat counts as a message, not as another person", async () => {
    const rig = coreRig(store);
    const stats = redisStatsFor(store, rig.config)!;
    const message = (user: string, channel = "telegram") => stats.record([{ k: "message", user, channel, lang: "ru" }], rig.clock.now());
    await message("telegram:1");
    await message("telegram:1");
    await message("whatsapp:2", "whatsapp");
    await message("telegram:1");
    await stats.flush();
    // The next second's buffer: the same user again, and a new one.
    await message("telegram:1");
    await message("telegram:3");
    const day = (await stats.days([DAY])).get(DAY)!;
    expect({ m: day.m, u: day.u, uTelegram: day["u:ch:telegram"], uWhatsapp: day["u:ch:whatsapp"], mTelegram: day["m:ch:telegram"] }).toEqual({
      m: 6,
      u: 3,
      uTelegram: 2,
      uWhatsapp: 1,
      mTelegram: 5,
    });
  });
});
