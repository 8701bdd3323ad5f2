import { beforeEach, describe, expect, it } from "vitest";
import { sessionKey } from "../../src/router/default-router.ts";
import { readSession } from "../../src/engine/session.ts";
import type { HostPlugin } from "../../src/app/host-plugin.ts";
import { userKey } from "../../src/core/address.ts";
import { type Outbound } from "../../src/core/messages.ts";
import { BlockedError } from "../../src/core/delivery-errors.ts";
import { createLogger, type Logger } from "../../src/core/log.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { addr, countKind, countRouter, seed, text } from "./count-app.ts";
import { twoStores } from "./two-stores.ts";
/** What the prefetching hook saw, by user. */
const prefetchSeen = new Map<string, string | null | undefined>();

const plugin: HostPlugin = {
  name: "test",
  kinds: [countKind],
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

function router(store: RedisStore, options: { sessionTtlMs?: number; log?: Logger } = {}) {
  return countRouter(store, { plugins: [plugin], ...options });
}

const stores = twoStores("router");
let a: RedisStore;
let b: RedisStore;
beforeEach(() => {
  ({ a, b } = stores);
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
