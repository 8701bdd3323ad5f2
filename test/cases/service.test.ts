import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { CaseService } from "../../src/cases/service.ts";
import { caseKeys, CaseStore } from "../../src/cases/store.ts";
import { relayKeys } from "../../src/cases/relay.ts";
import { userKey } from "../../src/core/address.ts";
import { NotAllowedError } from "../../src/cases/types.ts";
import type { StaffJob } from "../../src/cases/queue.ts";
import { silentLogger } from "../../src/core/log.ts";
import { ADMIN, OPERATOR_A, OPERATOR_B, actor, coreRig, outboxFor, testI18n, type CoreRig } from "./helpers.ts";

const migrant = { channel: "telegram" as const, id: "5001" };
const keyUser = { channel: "telegram" as const, id: "7001" };
const request = (extra: Partial<Parameters<CaseService["open"]>[0]> = {}) => ({
  address: migrant,
  lang: "uz" as const,
  reason: "menu" as const,
  urgent: false,
  summary: {},
  contact: false,
  ...extra,
});

async function queued(rig: CoreRig): Promise<StaffJob[]> {
  const out: StaffJob[] = [];
  const n = await rig.cases.queue.length();
  for (const raw of await rig.cases.cases.store.lrange("case:q", 0, n)) out.push(JSON.parse(raw) as StaffJob);
  return out;
}

describe("CaseService", () => {
  let store: RedisStore;
  let rig: CoreRig;
  beforeEach(async () => {
    store = await testStore("cases-service");
    rig = coreRig(store);
  });
  afterEach(async () => {
    await store.close();
  });

  it("numbers cases from a counter and keeps one open case per user", async () => {
    const first = await rig.cases.open(request({ desc: "my passport was taken" }));
    const other = await rig.cases.open(request({ address: { channel: "whatsapp", id: "77001234567@c.us" }, lang: "ru" }));
    expect(first.created).toBe(true);
    expect(other.case.id).toBe(first.case.id + 1);

    const again = await rig.cases.open(request({ urgent: true, desc: "they do not pay" }));
    expect(again.created).toBe(false);
    expect(again.case.id).toBe(first.case.id);
    expect(again.case.priority).toBe("urgent");
    expect((await rig.cases.list(actor(OPERATOR_A))).map((c) => c.id)).toEqual([first.case.id, other.case.id]);

    const jobs = await queued(rig);
    expect(jobs.filter((j) => j.t === "open")).toHaveLength(2);
    expect(jobs).toContainEqual(expect.objectContaining({ t: "user", id: first.case.id, e: expect.objectContaining({ text: "they do not pay" }) }));
    expect(jobs).toContainEqual(expect.objectContaining({ t: "event", id: first.case.id, key: "case-staff-again" }));
  });

  it("lets exactly one of two consultants take a case, 50 times over", async () => {
    const second = await testStore("cases-service", { prefix: store.prefix });
    try {
      const rig2 = coreRig(second, {}, rig.clock);
      for (let i = 0; i < 50; i++) {
        const { case: c } = await rig.cases.open(request({ address: { channel: "telegram", id: String(9000 + i) } }));
        const [a, b] = await Promise.all([rig.cases.take(c.id, actor(OPERATOR_A, "Aigul")), rig2.cases.take(c.id, actor(OPERATOR_B, "Bakyt"))]);
        const winners = [a, b].filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        const loser = a.ok ? b : a;
        const winnerName = a.ok ? "Aigul" : "Bakyt";
        expect(loser).toMatchObject({ ok: false, reason: "taken", holder: { name: winnerName } });
        expect((await rig.cases.cases.get(c.id))?.assignee?.name).toBe(winnerName);
      }
      // The users were told a consultant joined, once each.
      expect(rig.telegram.keysTo("9000").filter((k) => k === "case-user-joined").length + rig2.telegram.keysTo("9000").filter((k) => k === "case-user-joined").length).toBe(1);
    } finally {
      await second.close();
    }
  });

  it("checks the allow-list on every staff action", async () => {
    const { case: c } = await rig.cases.open(request());
    const stranger = actor(31337, "Stranger");
    await expect(rig.cases.take(c.id, stranger)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(rig.cases.close(c.id, stranger, "info")).rejects.toBeInstanceOf(NotAllowedError);
    await expect(rig.cases.say(c.id, stranger, { text: "hi" })).rejects.toBeInstanceOf(NotAllowedError);
    await expect(rig.cases.note(c.id, stranger, "x")).rejects.toBeInstanceOf(NotAllowedError);
    await expect(rig.cases.list(stranger)).rejects.toBeInstanceOf(NotAllowedError);
    expect((await rig.cases.cases.get(c.id))?.status).toBe("waiting");
    expect(rig.cases.role(actor(ADMIN))).toBe("admin");
    expect(rig.cases.role(actor(OPERATOR_B))).toBe("consultant");
  });

  it("relays the assignee's words to the user and keeps everyone else's internal", async () => {
    const { case: c } = await rig.cases.open(request());
    await rig.cases.take(c.id, actor(OPERATOR_A, "Aigul"));
    expect(await rig.cases.say(c.id, actor(OPERATOR_A, "Aigul"), { text: "Salom! How can I help?" })).toBe("sent");
    expect(await rig.cases.say(c.id, actor(OPERATOR_B, "Bakyt"), { text: "I think it is a scam" })).toBe("internal");
    expect(await rig.cases.note(c.id, actor(OPERATOR_A, "Aigul"), "called the partner")).toBe(true);
    await rig.cases.fromUser(c.id, { kind: "voice", fileId: "AwACvoice" });

    const texts = rig.telegram.to("5001").map((m) => m.text);
    expect(texts).toContain("Salom! How can I help?");
    expect(texts.join("\n")).not.toContain("scam");
    expect(texts.join("\n")).not.toContain("partner");
    const log = await rig.cases.log(actor(OPERATOR_A), c.id);
    expect(log.map((e) => [e.type, e.kind])).toEqual([
      ["event", "text"],
      ["event", "text"],
      ["staff", "text"],
      ["note", "text"],
      ["note", "text"],
      ["user", "voice"],
    ]);
  });

  it("transfers a case on Take over and tells the staff who had it", async () => {
    const { case: c } = await rig.cases.open(request());
    await rig.cases.take(c.id, actor(OPERATOR_A, "Aigul"));
    const plain = await rig.cases.take(c.id, actor(OPERATOR_B, "Bakyt"));
    expect(plain).toMatchObject({ ok: false, reason: "taken", holder: { name: "Aigul" } });
    const over = await rig.cases.take(c.id, actor(OPERATOR_B, "Bakyt"), { over: true });
    expect(over).toMatchObject({ ok: true, previous: { name: "Aigul" } });
    expect(await rig.cases.say(c.id, actor(OPERATOR_A, "Aigul"), { text: "still me?" })).toBe("internal");
    expect(await queued(rig)).toContainEqual(expect.objectContaining({ key: "case-staff-transferred", args: { name: "Bakyt", from: "Aigul" } }));
  });

  it("sends canned replies in the user's language", async () => {
    const { case: c } = await rig.cases.open(request({ lang: "uz" }));
    expect(await rig.cases.template(c.id, actor(OPERATOR_A), "hello")).toBe("not-assignee");
    await rig.cases.take(c.id, actor(OPERATOR_A));
    expect(await rig.cases.template(c.id, actor(OPERATOR_A), "nope")).toBe("unknown");
    expect(await rig.cases.template(c.id, actor(OPERATOR_A), "hello")).toBe("sent");
    expect(rig.telegram.to("5001").at(-1)?.text).toBe(testI18n().t("uz", "case-tpl-hello"));
    expect(rig.cases.templates()).toEqual(expect.arrayContaining(["hello", "wait", "safe", "docs", "call", "bye"]));
  });

  it("closes with an outcome, asks for feedback, and lets the record expire after the retention", async () => {
    const { case: c } = await rig.cases.open(request());
    await rig.cases.take(c.id, actor(OPERATOR_A));
    const closed = await rig.cases.close(c.id, actor(OPERATOR_A), "referred");
    expect(closed.ok).toBe(true);
    expect((await rig.cases.close(c.id, actor(OPERATOR_A), "info")).ok).toBe(false);

    const last = rig.telegram.to("5001").slice(-2);
    expect(last.map((m) => m.keys?.[0])).toEqual(["case-user-closed", "case-feedback-ask"]);
    expect(last[1]?.choices?.map((ch) => ch.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(await store.get("case:fb:{telegram:5001}")).toBe(String(c.id));

    const retention = 90 * 86_400_000;
    for (const key of [`case:${c.id}`, `case:${c.id}:log`]) {
      const ttl = await store.ttl(key);
      expect(ttl).toBeGreaterThan(retention - 60_000);
      expect(ttl).toBeLessThanOrEqual(retention);
    }
    expect(await rig.cases.cases.openFor(migrant)).toBeNull();
    expect(await rig.cases.list(actor(OPERATOR_A))).toEqual([]);
    expect((await rig.cases.cases.get(c.id))?.outcome).toBe("referred");

    await rig.cases.feedback(c.id, 4);
    expect((await rig.cases.cases.get(c.id))?.feedback).toBe(4);
  });

  it("reopens a closed case for the consultant who reopens it", async () => {
    const { case: c } = await rig.cases.open(request());
    await rig.cases.take(c.id, actor(OPERATOR_A));
    await rig.cases.close(c.id, actor(OPERATOR_A), "no-reply");
    const reopened = await rig.cases.reopen(c.id, actor(OPERATOR_B, "Bakyt"));
    expect(reopened).toMatchObject({ ok: true, case: { status: "assigned", assignee: { name: "Bakyt" } } });
    expect(await store.ttl(`case:${c.id}`)).toBe(-1);
    expect(await store.ttl(`case:${c.id}:log`)).toBe(-1);
    expect(await rig.cases.cases.openFor(migrant)).toBe(c.id);
    expect(rig.telegram.keysTo("5001").at(-1)).toBe("case-user-reopened");
  });

  it("tells the staff when the user blocked the bot", async () => {
    const { case: c } = await rig.cases.open(request());
    rig.telegram.blocked.add("5001");
    await rig.cases.take(c.id, actor(OPERATOR_A));
    expect(await rig.cases.say(c.id, actor(OPERATOR_A), { text: "hello?" })).toBe("blocked");
    expect((await queued(rig)).filter((j) => j.t === "event" && j.key === "case-staff-blocked").length).toBeGreaterThanOrEqual(1);
  });

  it("deletes everything about the user on /forget and tells the topic of an open case", async () => {
    const { case: old } = await rig.cases.open(request());
    await rig.cases.close(old.id, actor(OPERATOR_A), "info");
    const { case: c } = await rig.cases.open(request({ desc: "second time" }));
    await rig.cases.cases.update(c.id, (x) => ({ ...x, topic: 77 }));
    await rig.cases.cases.setTopic(c.id, 77);
    await rig.cases.forget(migrant);
    expect(await store.keys(`case:${old.id}`)).toEqual([]);
    expect(await store.keys(`case:${c.id}`)).toEqual([]);
    expect(await store.get("case:topic:77")).toBeNull();
    expect(await rig.cases.cases.openFor(migrant)).toBeNull();
    expect(await rig.cases.list(actor(OPERATOR_A))).toEqual([]);
    expect((await queued(rig)).at(-1)).toEqual({ t: "event", id: c.id, key: "case-staff-forgotten", topic: 77 });
  });

  it("queues nothing when no staff group is configured (jol desk reads the store)", async () => {
    const plain = new CaseService({ ...rig, outbox: outboxFor(store, rig.channels), store, i18n: testI18n(), log: silentLogger, config: { ...rig.config, TELEGRAM_STAFF_CHAT_ID: undefined } });
    await plain.open(request());
    expect(await plain.queue.length()).toBe(0);
    expect(await plain.cases.openFor(migrant)).not.toBeNull();
  });

  it("writes the open case and the pending feedback where the relay's prefetch reads them", async () => {
    const [feedbackKey, openKey] = relayKeys(userKey(keyUser));
    const { case: c } = await rig.cases.open({ address: keyUser, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    expect(await store.get(openKey!)).toBe(String(c.id));
    await rig.cases.take(c.id, actor(OPERATOR_A));
    await rig.cases.close(c.id, actor(OPERATOR_A), "info");
    expect(await store.get(openKey!)).toBeNull();
    expect(await store.get(feedbackKey!)).toBe(String(c.id));
    await rig.cases.cases.clearFeedback(keyUser);
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
