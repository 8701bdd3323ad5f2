import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { createHandoffHandler, createRelayHook } from "../../src/cases/relay.ts";
import { caseIntroKind, caseOpenKind, handoffEffect } from "../../src/cases/kinds.ts";
import type { EffectContext } from "../../src/engine/plugin.ts";
import type { NodeContext } from "../../src/engine/node-kind.ts";
import { newSession, type Session, type VarValue } from "../../src/engine/session.ts";
import type { Effect } from "../../src/engine/types.ts";
import type { Inbound, Input, Outbound } from "../../src/core/messages.ts";
import type { Lang } from "../../src/core/lang.ts";
import type { FlowSet } from "../../src/engine/flow.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { StaffJob } from "../../src/cases/queue.ts";
import { FakeClock, OPERATOR_A, actor, coreRig, testI18n, type CoreRig } from "./helpers.ts";

const NIGHT = Date.UTC(2026, 0, 5, 20, 0); // Tuesday 01:00 in Almaty (UTC+5)
const address = { channel: "telegram" as const, id: "8001" };
const noFlows: FlowSet = { flows: new Map(), data: new Map() };

function effectContext(rig: CoreRig, session: Session, lang: Lang = "ru"): EffectContext & { replies: Outbound[] } {
  const replies: Outbound[] = [];
  return {
    address,
    lang,
    session,
    store: rig.cases.cases.store,
    i18n: testI18n(),
    log: silentLogger,
    clock: rig.clock,
    reply: (m) => replies.push(m),
    sendTo: async () => {},
    replies,
  };
}

/** A node context that records what the node says and emits. */
function nodeContext(clock: FakeClock, vars: Record<string, VarValue> = {}) {
  const said: string[] = [];
  const args: Array<Record<string, string | number> | undefined> = [];
  const effects: Effect[] = [];
  const session = { ...newSession(clock.now()), vars: { ...vars } };
  const ctx = {
    lang: "ru",
    session,
    flowId: "consultant",
    clock,
    t: (ref: unknown) => String(ref),
    tIn: (_l: unknown, ref: unknown) => String(ref),
    has: () => true,
    say(ref: unknown, _choices?: unknown, a?: Record<string, string | number>) {
      for (const r of Array.isArray(ref) ? ref : [ref]) said.push(typeof r === "string" ? r : (r as { id: string }).id);
      args.push(a);
    },
    sayText: () => {},
    matchChoice: (input: Input) => (input.kind === "choice" ? input.data.split("/").pop() : undefined),
    emit: (e: Effect) => effects.push(e),
    matchWord: () => undefined,
    get: (name: string) => session.vars[name],
    set: (name: string, value: VarValue) => {
      session.vars[name] = value;
    },
  } as unknown as NodeContext;
  return { ctx, said, args, effects, session };
}

describe("opening a case and relaying the user's messages", () => {
  let store: RedisStore;
  let rig: CoreRig;
  const jobs = async () => (await store.lrange("case:q", 0, -1)).map((raw) => JSON.parse(raw) as StaffJob);
  beforeEach(async () => {
    store = await testStore("cases-relay");
    rig = coreRig(store, {}, new FakeClock(NIGHT));
  });
  afterEach(async () => {
    await store.close();
  });

  it("at night, says when an answer can be expected and shows the emergency contacts", () => {
    const kind = caseIntroKind(rig.config);
    const { ctx, said, args } = nodeContext(rig.clock);
    expect(kind.enter({ id: "intro", type: "case-intro", next: "consent" } as never, ctx)).toEqual({ to: "wait" });
    expect(said).toEqual(["case-off-hours", "case-intro-shared", "case-describe-ask"]);
    expect(args[0]).toMatchObject({ when: "today", time: "09:00", contacts: "112 (test)" });
    const rendered = testI18n().t("ru", "case-off-hours", args[0]);
    expect(rendered).toContain("сегодня после 09:00");
    expect(rendered).toContain("112 (test)");

    const day = nodeContext(new FakeClock(Date.UTC(2026, 0, 5, 6, 0)));
    kind.enter({ id: "intro", type: "case-intro", next: "consent" } as never, day.ctx);
    expect(day.said).toEqual(["case-intro-shared", "case-describe-ask"]);
  });

  it("marks a case urgent when danger words brought the user, with the words in the summary", () => {
    const { ctx, effects, session } = nodeContext(rig.clock, { danger: "паспорт отобрали", case_desc: "помогите", case_contact: true, kb_article: "stay-limits" });
    caseOpenKind.enter({ id: "open", type: "case-open", summary: ["kb_article"] } as never, ctx);
    expect(effects).toEqual([
      { type: "handoff", reason: "danger", urgent: true, summary: { danger: "паспорт отобрали", kb_article: "stay-limits", _desc: "помогите", _contact: "yes", _via: "flow" } },
    ]);
    expect(session.vars.danger).toBeNull();
    expect(handoffEffect(nodeContext(rig.clock).ctx, []).urgent).toBe(false);
  });

  it("opens an urgent case from a high-risk job check and tells the user what is shared and when", async () => {
    const handler = createHandoffHandler(rig.cases);
    const session = newSession(rig.clock.now());
    const ctx = effectContext(rig, session, "tg");
    await handler({ type: "handoff", reason: "job-check", urgent: true, summary: { scr_result: "high", scr_flags: "fee, documents-kept" } }, ctx);
    expect(ctx.replies.map((m) => m.keys?.[0])).toEqual(["case-intro-shared", "case-off-hours", "case-opened"]);
    expect(ctx.replies[1]?.text).toContain("112 (test)");
    const c = await rig.cases.cases.get(session.caseId!);
    expect(c).toMatchObject({ priority: "urgent", reason: "job-check", lang: "tg", contact: false, summary: { scr_result: "high" } });
  });

  it("relays text and media to the consultant instead of the engine, and lets the user leave", async () => {
    const { case: c } = await rig.cases.open({ address, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    const hook = createRelayHook(rig.cases, noFlows, testI18n());
    const session = { ...newSession(rig.clock.now()), caseId: c.id, stack: [{ f: "consultant", n: "open" }], wait: true };
    const say = async (input: Input) => {
      const ctx = effectContext(rig, session);
      const result = await hook({ address, messageId: String(Math.random()), input } as Inbound, ctx);
      return { result, replies: ctx.replies.map((m) => m.keys?.[0]) };
    };
    expect(await say({ kind: "text", text: "Где мой паспорт?" })).toEqual({ result: "handled", replies: [] });
    expect(await say({ kind: "media", media: "voice", fileId: "AwACvoice" })).toEqual({ result: "handled", replies: [] });
    expect(await say({ kind: "choice", data: "main/menu/job" })).toEqual({ result: "handled", replies: ["case-chat-reminder"] });
    expect(await say({ kind: "command", name: "human" })).toEqual({ result: "handled", replies: ["case-already-open"] });
    expect(await say({ kind: "command", name: "help" })).toEqual({ result: "handled", replies: ["case-chat-reminder"] });
    const relayed = (await jobs()).filter((j) => j.t === "user");
    expect(relayed.map((j) => (j as Extract<StaffJob, { t: "user" }>).e)).toEqual([
      expect.objectContaining({ kind: "text", text: "Где мой паспорт?" }),
      expect.objectContaining({ kind: "voice", fileId: "AwACvoice" }),
    ]);

    // "end chat" in another language than the user's still ends it.
    expect(await say({ kind: "text", text: "Suhbatni tugatish!" })).toEqual({ result: "continue", replies: ["case-left"] });
    expect(session.caseId).toBeUndefined();
    expect(session.stack).toEqual([]);
    expect((await jobs()).at(-1)).toMatchObject({ t: "event", key: "case-staff-user-left" });
    expect(await say({ kind: "text", text: "ещё вопрос" })).toEqual({ result: "continue", replies: [] });
  });

  it("takes the 1–5 answer after a close, once", async () => {
    const { case: c } = await rig.cases.open({ address, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    await rig.cases.take(c.id, actor(OPERATOR_A));
    await rig.cases.close(c.id, actor(OPERATOR_A), "info");
    const hook = createRelayHook(rig.cases, noFlows, testI18n());
    const session = { ...newSession(rig.clock.now()), caseId: c.id, stack: [{ f: "consultant", n: "open" }], wait: true };
    // `jol chat` says /help when it reconnects: the question stays open.
    expect(await hook({ address, messageId: "0", input: { kind: "command", name: "help" } }, effectContext(rig, session))).toBe("continue");
    expect(session.caseId).toBeUndefined();
    expect(session.stack).toEqual([]); // not back at the node that opens a case
    const ctx = effectContext(rig, session);
    expect(await hook({ address, messageId: "1", input: { kind: "choice", data: `case-fb:${c.id}:4` } }, ctx)).toBe("handled");
    expect(ctx.replies.map((m) => m.keys?.[0])).toEqual(["case-feedback-thanks"]);
    expect((await rig.cases.cases.get(c.id))?.feedback).toBe(4);
    const again = effectContext(rig, session);
    expect(await hook({ address, messageId: "2", input: { kind: "text", text: "5" } }, again)).toBe("continue");
    expect(session.caseId).toBeUndefined();
    expect((await rig.cases.cases.get(c.id))?.feedback).toBe(4);
  });
});
