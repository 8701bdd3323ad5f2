import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { SlaScheduler } from "../../src/cases/sla.ts";
import type { StaffJob } from "../../src/cases/queue.ts";
import { silentLogger } from "../../src/core/log.ts";
import { OPERATOR_A, actor, coreRig, type CoreRig } from "./helpers.ts";

const MINUTE = 60_000;

describe("SLA reminders", () => {
  let store: RedisStore;
  let rig: CoreRig;
  let sla: SlaScheduler;
  const generals = async () =>
    (await store.lrange("case:q", 0, -1)).map((raw) => JSON.parse(raw) as StaffJob).filter((j) => j.t === "general");
  beforeEach(async () => {
    store = await testStore("cases-sla");
    rig = coreRig(store);
    sla = new SlaScheduler(rig.cases, rig.clock, silentLogger);
  });
  afterEach(async () => {
    await store.close();
  });

  it("announces an untaken case after the SLA, and to admins after twice that, once each", async () => {
    const { case: c } = await rig.cases.open({ address: { channel: "console", id: "u1" }, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    rig.clock.advance(29 * MINUTE);
    expect(await sla.tick()).toBe(0);
    rig.clock.advance(2 * MINUTE);
    expect(await sla.tick()).toBe(1);
    expect(await generals()).toEqual([expect.objectContaining({ key: "case-staff-sla", id: c.id, args: { id: c.id, minutes: 31 } })]);
    expect(await sla.tick()).toBe(0);
    rig.clock.advance(30 * MINUTE);
    expect(await sla.tick()).toBe(1);
    expect((await generals())[1]).toMatchObject({ key: "case-staff-sla-admins", admins: true });
    rig.clock.advance(60 * MINUTE);
    expect(await sla.tick()).toBe(0);
  });

  it("counts the SLA of a case opened at night from the morning", async () => {
    rig.clock.t = Date.UTC(2026, 0, 5, 20, 0); // Tuesday 01:00 in Almaty; opens at 09:00 (04:00 UTC)
    await rig.cases.open({ address: { channel: "console", id: "u3" }, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    rig.clock.t = Date.UTC(2026, 0, 6, 4, 29);
    expect(await sla.tick()).toBe(0);
    rig.clock.t = Date.UTC(2026, 0, 6, 4, 31);
    expect(await sla.tick()).toBe(1);
  });

  it("stays quiet about a case someone took", async () => {
    const { case: c } = await rig.cases.open({ address: { channel: "console", id: "u2" }, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    rig.clock.advance(10 * MINUTE);
    await rig.cases.take(c.id, actor(OPERATOR_A));
    rig.clock.advance(100 * MINUTE);
    expect(await sla.tick()).toBe(0);
    expect(await generals()).toEqual([]);
  });
});
