import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { DefaultRouter, sessionKey } from "../../src/router/default-router.ts";
import { Engine } from "../../src/engine/engine.ts";
import { KindRegistry, coreKinds } from "../../src/engine/kinds.ts";
import { loadFile } from "../../src/engine/load-flows.ts";
import { defineKind, type NodeKind } from "../../src/engine/node-kind.ts";
import { newSession, readSession, writeSession } from "../../src/engine/session.ts";
import type { FlowSet } from "../../src/engine/flow.ts";
import type { CheckProblem, Plugin } from "../../src/engine/plugin.ts";
import { systemClock, userKey, type Address, type Outbound } from "../../src/engine/types.ts";
import { BlockedError } from "../../src/outbox/errors.ts";
import { createLogger, silentLogger, type Logger } from "../../src/log.ts";
import { loadLocales } from "../../src/i18n/load-locales.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testStore } from "../support/redis.ts";
import { FIXTURE_LOCALES } from "../support/engine.ts";

/** A node that counts the user's messages: each one adds 1 to `n` and says the new value. */
const countKind = defineKind({
  type: "count",
  schema: z.object({ id: z.string(), type: z.literal("count") }),
  waits: true,
  enter: () => ({ to: "wait" }),
  receive(_node, ctx, input) {
    if (input.kind === "text" && input.text === "boom") {
      ctx.emit({ type: "x-boom" });
      return { to: "wait" };
    }
    const n = Number(ctx.get("n") ?? 0) + 1;
    ctx.set("n", n);
    ctx.sayText(String(n));
    return { to: "wait" };
  },
  refs: () => ({}),
});

/** What the prefetching hook saw, by user. */
const prefetchSeen = new Map<string, string | null | undefined>();

const plugin: Plugin = {
  name: "test",
  kinds: [countKind as unknown as NodeKind],
  prefetch: (user) => [`note:{${user}}`],
  inbound: async (inbound, ctx) => {
    prefetchSeen.set(userKey(inbound.address), ctx.prefetched?.get(`note:{${userKey(inbound.address)}}`));
    return "continue";
  },
  effects: {
    "x-boom": async () => {
      throw new Error("effect failed on purpose");
    },
  },
};

function flows(): FlowSet {
  const set: FlowSet = { flows: new Map(), data: new Map() };
  const problems: CheckProblem[] = [];
  const kinds = new KindRegistry([...coreKinds, countKind as unknown as NodeKind]);
  loadFile("main.yaml", "spec: 1\nflow: main\nstart: c\nnodes:\n  - { id: c, type: count }\n", kinds, set, problems);
  loadFile("language.yaml", "spec: 1\nflow: language\nstart: l\nnodes:\n  - { id: l, type: language, text: language-choose }\n", kinds, set, problems);
  expect(problems).toEqual([]);
  return set;
}

const { i18n } = loadLocales(FIXTURE_LOCALES);

function router(store: RedisStore, options: { sessionTtlMs?: number; log?: Logger } = {}) {
  const kinds = new KindRegistry([...coreKinds, countKind as unknown as NodeKind]);
  const engine = new Engine({ flows: flows(), i18n, kinds, defaultLang: "en" });
  return new DefaultRouter({
    engine,
    store,
    plugins: [plugin],
    i18n,
    log: options.log ?? silentLogger,
    clock: systemClock,
    defaultLang: "en",
    sessionTtlMs: options.sessionTtlMs ?? 60_000,
  });
}

const addr = (id: string): Address => ({ channel: "telegram", id });
const text = (address: Address, messageId: string, t: string) => ({ address, messageId, input: { kind: "text" as const, text: t } });

async function seed(store: RedisStore, address: Address, ttlMs = 60_000): Promise<void> {
  const s = { ...newSession(Date.now()), lang: "en" as const, stack: [{ f: "main", n: "c" }], wait: true };
  await store.set(sessionKey(userKey(address)), writeSession(s), ttlMs);
}

let a: RedisStore;
let b: RedisStore;
beforeEach(async () => {
  a = await testStore("router");
  b = await testStore("router", { prefix: a.prefix });
});
afterEach(async () => {
  await b.close();
  await a.close();
});

describe("router", () => {
  it("handles the same message id once", async () => {
    const r = router(a);
    await seed(a, addr("1"));
    const sent: Outbound[][] = [];
    const first = await r.handle(text(addr("1"), "m1", "hi"), async (m) => void sent.push(m));
    const again = await r.handle(text(addr("1"), "m1", "hi"), async (m) => void sent.push(m));
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ duplicate: true, replies: [] });
    expect(sent.map((m) => m.map((x) => x.text))).toEqual([["1"]]);
  });

  it("reads the plugins' prefetch keys with the session and hands them to the hooks", async () => {
    const r = router(a);
    const u = addr("pre");
    await seed(a, u);
    await a.set(`note:{${userKey(u)}}`, "remember me");
    await r.handle(text(u, "m1", "x"), async () => undefined);
    expect(prefetchSeen.get(userKey(u))).toBe("remember me");
    await a.delete(`note:{${userKey(u)}}`);
    await r.handle(text(u, "m2", "x"), async () => undefined);
    expect(prefetchSeen.get(userKey(u))).toBeNull();
  });

  it("keeps one user's updates in order inside a process", async () => {
    const r = router(a);
    await seed(a, addr("1"));
    const replies: string[] = [];
    await Promise.all(Array.from({ length: 30 }, (_, i) => r.handle(text(addr("1"), `m${i}`, "x"), async (m) => void replies.push(m[0]!.text))));
    expect(replies).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
  });

  it("loses and duplicates nothing when two processes share one Redis and get interleaved messages of the same users", async () => {
    const routers = [router(a), router(b)];
    const users = Array.from({ length: 8 }, (_, i) => addr(`u${i}`));
    for (const u of users) await seed(a, u);
    const per = 15;
    const replies = new Map<string, string[]>();
    const jobs: Promise<unknown>[] = [];
    for (let k = 0; k < per; k++) {
      for (const u of users) {
        const pick = (k + Number(u.id.slice(1))) % 2;
        const collect = async (m: Outbound[]) => void (replies.get(u.id) ?? replies.set(u.id, []).get(u.id)!).push(...m.map((x) => x.text));
        jobs.push(routers[pick]!.handle(text(u, `m${k}`, "x"), collect));
        // the same message redelivered to the other process at the same time is handled once
        if (k % 5 === 0) jobs.push(routers[1 - pick]!.handle(text(u, `m${k}`, "x"), collect));
      }
    }
    await Promise.all(jobs);
    for (const u of users) {
      const got = replies.get(u.id)!.map(Number).sort((x, y) => x - y);
      expect(got).toEqual(Array.from({ length: per }, (_, i) => i + 1));
      const session = readSession(await a.get(sessionKey(userKey(u))), 0);
      expect(session.session.vars.n).toBe(per);
    }
  });

  it("marks a user who blocked the bot, and unmarks them when they write again", async () => {
    const r = router(a);
    const u = addr("blocker");
    await seed(a, u);
    await r.handle(text(u, "m1", "x"), async () => {
      throw new BlockedError(u);
    });
    expect(readSession(await a.get(sessionKey(userKey(u))), 0).session.blocked).toBe(true);
    await r.handle(text(u, "m2", "x"), async () => undefined);
    expect(readSession(await a.get(sessionKey(userKey(u))), 0).session.blocked).toBeUndefined();
  });

  it("resets an unreadable session with one log line and answers", async () => {
    const lines: string[] = [];
    const r = router(a, { log: createLogger({ write: (l) => lines.push(l) }) });
    const u = addr("broken");
    await a.set(sessionKey(userKey(u)), "{definitely not json");
    const result = await r.handle(text(u, "m1", "hello"), async () => undefined);
    expect(result.replies[0]!.keys).toEqual(["language-choose"]);
    expect(lines.filter((l) => l.includes("session reset"))).toHaveLength(1);
    expect(lines.join("\n")).not.toContain("hello");
  });

  it("expires idle sessions: the user starts again from the language question", async () => {
    const r = router(a, { sessionTtlMs: 150 });
    const u = addr("idle");
    await seed(a, u, 150);
    await r.handle(text(u, "m1", "x"), async () => undefined);
    expect(await a.ttl(sessionKey(userKey(u)))).toBeGreaterThan(0);
    while ((await a.get(sessionKey(userKey(u)))) !== null) await new Promise((res) => setTimeout(res, 25));
    const result = await r.handle(text(u, "m2", "x"), async () => undefined);
    expect(result.replies[0]!.keys).toEqual(["language-choose"]);
  });

  it("deletes the session on /forget", async () => {
    const r = router(a);
    const u = addr("forgetful");
    await seed(a, u);
    const result = await r.handle({ address: u, messageId: "f", input: { kind: "command", name: "forget" } }, async () => undefined);
    expect(result.replies[0]!.keys).toEqual(["forget-done"]);
    expect(await a.get(sessionKey(userKey(u)))).toBeNull();
  });

  it("answers politely when an effect fails", async () => {
    const r = router(a);
    const u = addr("boom");
    await seed(a, u);
    const result = await r.handle(text(u, "m1", "boom"), async () => undefined);
    expect(result.replies.map((m) => m.keys)).toEqual([["error-generic"]]);
  });
});
