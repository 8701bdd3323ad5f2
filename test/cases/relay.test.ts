import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testStore } from "../support/redis.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { createFeedbackHook, createHandoffHandler, relayKeys } from "../../src/cases/relay.ts";
import { casesPluginOf } from "../../src/cases/plugin.ts";
import { caseKeys } from "../../src/cases/store.ts";
import { loadContent } from "../../src/app/load-content.ts";
import { createPlugins } from "../../src/app/plugins.ts";
import { engineFor } from "../../src/app/create.ts";
import { userKey } from "../../src/core/address.ts";
import { caseIntroKind, caseOpenKind, handoffEffect } from "../../src/cases/kinds.ts";
import { openCaseSlot } from "../../src/cases/types.ts";
import type { EffectContext } from "../../src/engine/plugin.ts";
import type { NodeContext } from "../../src/engine/node-kind.ts";
import { newSession, type Session, type VarValue } from "../../src/engine/session.ts";
import type { Effect } from "../../src/engine/types.ts";
import type { Inbound, Input, Outbound } from "../../src/core/messages.ts";
import type { Lang } from "../../src/core/lang.ts";
import { silentLogger } from "../../src/core/log.ts";
import type { StaffJob } from "../../src/cases/queue.ts";
import { FakeClock, OPERATOR_A, actor, coreRig, outboxFor, testI18n, type CoreRig } from "./helpers.ts";

const NIGHT = Date.UTC(2026, 0, 5, 20, 0); // Tuesday 01:00 in Almaty (UTC+5)
const address = { channel: "telegram" as const, id: "8001" };

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
    address,
    input: { kind: "command", name: "human" },
    prefetched: new Map(),
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
    expect(caseOpenKind.enter({ id: "open", type: "case-open", summary: ["kb_article"], next: "chat" } as never, ctx)).toEqual({ to: "node", node: "chat" });
    expect(effects).toEqual([
      { type: "x-handoff", reason: "danger", urgent: true, summary: { danger: "паспорт отобрали", kb_article: "stay-limits", _desc: "помогите", _contact: "yes", _via: "flow" } },
    ]);
    expect(session.vars.danger).toBeNull();
    expect(handoffEffect(nodeContext(rig.clock).ctx, []).urgent).toBe(false);
  });

  it("opens an urgent case from a high-risk job check and tells the user what is shared and when", async () => {
    const handler = createHandoffHandler(rig.cases);
    const session = newSession(rig.clock.now());
    const ctx = effectContext(rig, session, "tg");
    await handler({ type: "x-handoff", reason: "job-check", urgent: true, summary: { scr_result: "high", scr_flags: "fee, documents-kept" } }, ctx);
    expect(ctx.replies.map((m) => m.keys?.[0])).toEqual(["case-intro-shared", "case-off-hours", "case-opened"]);
    expect(ctx.replies[1]?.text).toContain("112 (test)");
    const c = await rig.cases.cases.get(openCaseSlot.get(session)!.id);
    expect(c).toMatchObject({ priority: "urgent", reason: "job-check", lang: "tg", contact: false, summary: { scr_result: "high" } });
  });

  it("relays through the step: the hook edits nothing, the case-chat node emits x-relay, and /menu or \"end chat\" leave", async () => {
    const content = loadContent(rig.config, (flows, i18n) => createPlugins({ config: rig.config, flows, i18n, store, log: silentLogger, clock: rig.clock, delivery: rig.channels, outbox: outboxFor(store, rig.channels) }));
    const engine = engineFor(rig.config, content);
    const plugin = casesPluginOf(content.plugins)!;
    const { case: c } = await plugin.service.open({ address, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    const user = userKey(address);
    const prefetched = new Map(relayKeys(user).map((k) => [k, null as string | null]));
    prefetched.set(caseKeys.user(user), String(c.id));
    const atChat: Session = { ...newSession(rig.clock.now()), lang: "ru", slots: { cases: { v: 1, d: { id: c.id } } }, stack: [{ f: "consultant", n: "chat" }], wait: true };
    /** One message as the router runs it: the module's inbound hook, then the step with the prefetched keys. */
    const say = async (input: Input, open = prefetched) => {
      const session = structuredClone(atChat);
      const inbound: Inbound = { address, messageId: String(Math.random()), input: structuredClone(input) };
      const ctx = { ...effectContext(rig, session), prefetched: open };
      expect(await plugin.inbound!(inbound, ctx)).toBe("continue");
      // The hook changed neither the session nor the message: the engine gets both as they came.
      expect(session).toEqual(atChat);
      expect(inbound.input).toEqual(input);
      const step = engine.step(session, inbound, rig.clock, { prefetched: open });
      return {
        effects: step.effects.filter((e) => e.type !== "send"),
        said: step.effects.flatMap((e) => (e.type === "send" ? (e.message as Outbound).keys ?? [] : [])),
        at: step.session.stack.at(-1),
      };
    };
    const chat = { f: "consultant", n: "chat" };
    expect(await say({ kind: "text", text: "Где мой паспорт?" })).toEqual({ effects: [{ type: "x-relay", id: c.id, message: { kind: "text", text: "Где мой паспорт?" } }], said: [], at: chat });
    expect(await say({ kind: "media", media: "voice", fileId: "AwACvoice" })).toEqual({ effects: [{ type: "x-relay", id: c.id, message: { kind: "voice", fileId: "AwACvoice" } }], said: [], at: chat });
    // Danger words in a chat message are the consultant's to read (no knowledge answer).
    expect((await say({ kind: "text", text: "у меня отобрали паспорт" })).effects).toEqual([{ type: "x-relay", id: c.id, message: { kind: "text", text: "у меня отобрали паспорт" } }]);
    expect(await say({ kind: "choice", data: "main/menu/job" })).toEqual({ effects: [], said: ["case-chat-reminder"], at: chat });
    expect(await say({ kind: "command", name: "human" })).toEqual({ effects: [], said: ["case-already-open"], at: chat });
    expect(await say({ kind: "command", name: "help" })).toEqual({ effects: [], said: ["case-chat-reminder"], at: chat });

    // The effects reach the consultant through the module's handlers.
    const handlerCtx = effectContext(rig, structuredClone(atChat));
    await plugin.effects!["x-relay"]!({ type: "x-relay", id: c.id, message: { kind: "text", text: "Где мой паспорт?" } }, handlerCtx);
    expect((await jobs()).filter((j) => j.t === "user").map((j) => (j as Extract<StaffJob, { t: "user" }>).e)).toEqual([expect.objectContaining({ kind: "text", text: "Где мой паспорт?" })]);

    // "end chat" in another language than the user's ends it: the consultant is told, then the main menu.
    const ended = await say({ kind: "text", text: "Suhbatni tugatish!" });
    expect(ended.effects).toEqual([{ type: "x-case-left", id: c.id }]);
    expect(ended.said[0]).toBe("case-left");
    expect(ended.at?.f).toBe("main");
    await plugin.effects!["x-case-left"]!({ type: "x-case-left", id: c.id }, handlerCtx);
    expect((await jobs()).at(-1)).toMatchObject({ t: "event", key: "case-staff-user-left" });
    // /language leaves too, and the language menu does not lead back to the chat.
    const language = await say({ kind: "command", name: "language" });
    expect(language.effects).toEqual([{ type: "x-case-left", id: c.id }]);
    expect(language.said[0]).toBe("case-left");
    expect(language.at?.f).toBe("language");

    // The left chat is marked for the step: the user's messages go to the bot now, not back to the chat.
    expect(await store.get(caseKeys.left(user))).toBe(String(c.id));
    const left = new Map(prefetched).set(caseKeys.left(user), String(c.id));
    const elsewhere = async (open: Map<string, string | null>) => {
      const session = { ...structuredClone(atChat), stack: [], wait: false };
      const inbound: Inbound = { address, messageId: "x", input: { kind: "text", text: "ещё вопрос" } };
      const step = engine.step(session, inbound, rig.clock, { prefetched: open });
      return { effects: step.effects.filter((e) => e.type !== "send"), at: step.session.stack.at(-1) };
    };
    expect((await elsewhere(left)).effects.filter((e) => e.type === "x-relay")).toEqual([]);
    // Reopened by a consultant (open, not left): the next message goes back to the chat, as the user was told.
    await plugin.service.take(c.id, actor(OPERATOR_A));
    await plugin.service.close(c.id, actor(OPERATOR_A), "info");
    expect((await plugin.service.reopen(c.id, actor(OPERATOR_A))).ok).toBe(true);
    expect(await store.get(caseKeys.left(user))).toBeNull();
    expect(await elsewhere(prefetched)).toEqual({ effects: [{ type: "x-relay", id: c.id, message: { kind: "text", text: "ещё вопрос" } }], at: chat });

    // Closed by the consultant (no open case in the prefetch): the message goes to the bot as usual.
    const closed = new Map(prefetched).set(caseKeys.user(user), null);
    const after = await say({ kind: "command", name: "menu" }, closed);
    expect(after.effects).toEqual([]);
    expect(after.said).not.toContain("case-left");
    expect(after.at?.f).toBe("main");
  });

  it("takes the 1–5 answer after a close, once, without touching the session", async () => {
    const { case: c } = await rig.cases.open({ address, lang: "ru", reason: "menu", urgent: false, summary: {}, contact: false });
    await rig.cases.take(c.id, actor(OPERATOR_A));
    await rig.cases.close(c.id, actor(OPERATOR_A), "info");
    const hook = createFeedbackHook(rig.cases);
    const session: Session = { ...newSession(rig.clock.now()), slots: { cases: { v: 1, d: { id: c.id } } }, stack: [{ f: "consultant", n: "chat" }], wait: true };
    const before = structuredClone(session);
    // `jol chat` says /help when it reconnects: the question stays open.
    expect(await hook({ address, messageId: "0", input: { kind: "command", name: "help" } }, effectContext(rig, session))).toBe("continue");
    const ctx = effectContext(rig, session);
    expect(await hook({ address, messageId: "1", input: { kind: "choice", data: `case-fb:${c.id}:4` } }, ctx)).toBe("handled");
    expect(ctx.replies.map((m) => m.keys?.[0])).toEqual(["case-feedback-thanks"]);
    expect((await rig.cases.cases.get(c.id))?.feedback).toBe(4);
    const again = effectContext(rig, session);
    expect(await hook({ address, messageId: "2", input: { kind: "text", text: "5" } }, again)).toBe("continue");
    expect((await rig.cases.cases.get(c.id))?.feedback).toBe(4);
    expect(session).toEqual(before);
  });
});
