import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "grammy/types";
import { updates } from "../support/bot-api/index.ts";
import { createSendLimiter, limiterCounters, limitsFor } from "../../src/outbox/limiter.ts";
import { ADMIN, FakeClock, STAFF_CHAT } from "./helpers.ts";
import { E2E_TIMEOUT, Hotline, aigul, bakyt, startHotline, testUser } from "./rig.ts";

const MINUTE = 60_000;

function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0; i < sorted.length; i++) {
    let n = 0;
    for (let j = i; j < sorted.length && sorted[j]! < sorted[i]! + windowMs; j++) n++;
    best = Math.max(best, n);
  }
  return best;
}

async function openCase(h: Hotline, user = testUser(5002, "ru")): Promise<number> {
  await h.exchange(updates.command(user, "human"), user.id);
  await h.exchange(updates.text(user, "Нужна помощь"), user.id);
  await h.exchange(updates.text(user, "нет"), user.id);
  return h.until("the case", () => h.cases.service.cases.openFor({ channel: "telegram", id: String(user.id) }));
}

describe("staff group pace and reminders", { timeout: E2E_TIMEOUT }, () => {
  const open: Hotline[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });

  it("brings a burst of 100 user messages to the topic complete, in order, within 20 a minute", async () => {
    const clock = new FakeClock();
    const h = await startHotline({ startDesk: false, desk: { timers: clock } });
    open.push(h);
    // When each staff-group message reaches Telegram, by the desk's (fake) clock.
    const at: number[] = [];
    for (const method of ["sendMessage", "createForumTopic"]) {
      const original = h.api.methods.get(method)!;
      h.api.define(method, (p, api, call) => {
        if (Number(p.chat_id) === STAFF_CHAT) at.push(clock.now());
        return original(p, api, call);
      });
    }
    const user = testUser(5002, "ru");
    const id = await openCase(h, user);
    await h.desk.drain();
    const topic = await h.topicOf(id);
    for (let i = 0; i < 100; i++) await h.telegram.deliver(updates.text(user, `сообщение ${i}`));
    await h.until("100 messages in the case log", async () => (await h.cases.service.cases.log(id)).filter((e) => e.type === "user").length >= 100, 60_000);
    const start = clock.now();
    await h.desk.drain();

    const relayed = h.texts(STAFF_CHAT, topic).filter((t) => t.startsWith("👤 сообщение"));
    expect(relayed).toEqual([...Array(100).keys()].map((i) => `👤 сообщение ${i}`));
    expect(busiestWindow(at, MINUTE)).toBeLessThanOrEqual(20);
    expect(clock.now() - start).toBeGreaterThanOrEqual(4 * MINUTE); // it waited instead of flooding
    expect(await h.cases.service.queue.length()).toBe(0);
  });

  it("waits for the bot's send rate shared with every process: a 429 pause set elsewhere holds staff posts too", async () => {
    const h = await startHotline({ startDesk: false });
    open.push(h);
    const id = await openCase(h);
    // Another process was told 429: the whole bot pauses, the staff queue included.
    await createSendLimiter(h.cases.service.cases.store, limitsFor(h.cases.service.config)).pause("telegram", 300);
    const waits = limiterCounters.waits;
    await h.desk.drain();
    expect(limiterCounters.waits).toBeGreaterThan(waits);
    expect(await h.topicOf(id)).toBeGreaterThan(0);
    expect(await h.cases.service.queue.length()).toBe(0);
  });

  it("reminds the general topic of an untaken case after the SLA, and the admins after twice that", async () => {
    const clock = new FakeClock();
    const h = await startHotline({ startDesk: false, clock, desk: { timers: clock } });
    open.push(h);
    const id = await openCase(h);
    await h.desk.drain();
    const general = () => h.sent(STAFF_CHAT).filter((m) => m.message_thread_id === undefined);

    clock.advance(29 * MINUTE);
    expect(await h.desk.sla.tick()).toBe(0);
    clock.advance(2 * MINUTE);
    expect(await h.desk.sla.tick()).toBe(1);
    await h.desk.drain();
    expect(general().map((m) => m.text)).toEqual([`⏰ Case #${id} has waited 31 min and nobody has taken it.`]);

    clock.advance(30 * MINUTE);
    expect(await h.desk.sla.tick()).toBe(1);
    await h.desk.drain();
    const [, admins] = h.api.callsOf("sendMessage", { chatId: STAFF_CHAT, ok: true }).filter((c) => c.payload.message_thread_id === undefined);
    expect(String(admins?.payload.text)).toContain(`Admins: case #${id} is still waiting after 61 min.`);
    expect(admins?.payload.entities).toEqual([expect.objectContaining({ type: "text_mention", user: expect.objectContaining({ id: ADMIN }) })]);
    clock.advance(120 * MINUTE);
    expect(await h.desk.sla.tick()).toBe(0);
  });

  it("lets exactly one of two consultants pressing Take at once (on two bot processes) win, 50 times over", async () => {
    const a = await startHotline({ mode: "webhook", desk: { timers: new FakeClock() } });
    open.push(a);
    const b = await startHotline({ mode: "webhook", prefix: a.store.prefix, api: a.api, startDesk: false });
    open.push(b);
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) {
      const { case: c } = await a.cases.service.open({
        address: { channel: "telegram", id: String(7000 + i) },
        lang: "ky",
        reason: "job-check",
        urgent: i % 2 === 0,
        summary: { scr_risk: "high" },
        contact: false,
      });
      ids.push(c.id);
    }
    for (const id of ids) {
      const card: Message = await a.cardOf(id);
      const before = a.api.lastSeq;
      await Promise.all([a.telegram.deliver(updates.callback(aigul, `case:take:${id}`, card)), b.telegram.deliver(updates.callback(bakyt, `case:take:${id}`, card))]);
      const answers = await a.until(`two answers for #${id}`, () => (a.answers(before).length >= 2 ? a.answers(before) : undefined));
      const texts = answers.map((x) => String(x.payload.text));
      const winner = (await a.cases.service.cases.get(id))!.assignee!.name;
      expect(texts.filter((t) => t.endsWith("took the case. Their messages in this topic go to the user; other messages stay internal."))).toHaveLength(1);
      expect(texts).toContain(`${winner} already has this case.`);
    }
    expect(a.api.topics.filter((t) => t.name.includes("urgent"))).toHaveLength(25);
    expect(a.api.topics[0]?.name).toBe(`#${ids[0]} · Kyrgyz · urgent · job check`);
    expect((await a.cardOf(ids[0]!)).text).toContain("• Job check risk: high");
  });
});
