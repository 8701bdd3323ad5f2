import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { caseKeys, CaseStore } from "../../src/cases/store.ts";
import { relayKeys } from "../../src/cases/relay.ts";
import { userKey } from "../../src/engine/types.ts";
import { OPERATOR_A, actor, coreRig, type CoreRig } from "./helpers.ts";

const migrant = { channel: "telegram" as const, id: "7001" };

describe("CaseStore owns the case keys", () => {
  let store: RedisStore;
  let rig: CoreRig;
  beforeEach(async () => {
    store = await testStore("cases-store-keys");
    rig = coreRig(store);
  });
  afterEach(async () => {
    await store.close();
  });

  it("writes the open case and the pending feedback where the relay's prefetch reads them", async () => {
    const [feedbackKey, openKey] = relayKeys(userKey(migrant));
    const { case: c } = await rig.cases.open({ address: migrant, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    expect(await store.get(openKey!)).toBe(String(c.id));
    await rig.cases.take(c.id, actor(OPERATOR_A));
    await rig.cases.close(c.id, actor(OPERATOR_A), "info");
    expect(await store.get(openKey!)).toBeNull();
    expect(await store.get(feedbackKey!)).toBe(String(c.id));
    await rig.cases.cases.clearFeedback(migrant);
    expect(await store.get(feedbackKey!)).toBeNull();
  });

  it("hands each due reminder to one of two claimers, and cancels a case's reminders", async () => {
    const a = new CaseStore(store, { retentionMs: 60_000 });
    const b = new CaseStore(store, { retentionMs: 60_000 });
    await a.scheduleReminder(1, 1, 1_000);
    await a.scheduleReminder(2, 1, 1_000);
    await a.scheduleReminder(2, 2, 5_000);
    await a.scheduleReminder(3, 1, 1_000);
    await a.cancelReminders(3);
    expect(await a.claimDueReminders(500, 10)).toEqual([]);
    const [first, second] = await Promise.all([a.claimDueReminders(2_000, 10), b.claimDueReminders(2_000, 10)]);
    expect([...first, ...second].sort((x, y) => x.id - y.id)).toEqual([
      { id: 1, level: 1 },
      { id: 2, level: 1 },
    ]);
    expect(await a.claimDueReminders(9_000, 10)).toEqual([{ id: 2, level: 2 }]);
    expect(await store.zrangeByScore(caseKeys.sla, 0, Number.MAX_SAFE_INTEGER, 10)).toEqual([]);
  });
});
