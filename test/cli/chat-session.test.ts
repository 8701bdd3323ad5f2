import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSession } from "../../src/engine/session.ts";
import { sessionKey } from "../../src/core/keys.ts";
import type { RedisStore } from "../../src/store/redis.ts";
import { testRedisUrl, testStore } from "../support/redis.ts";

/**
 * `jol chat --lang` changes the stored session of a returning user. It goes through the router,
 * under the user's lock and with the plugins' session slots: a session stored before slots
 * existed (its subscriptions at the top level) keeps them when the console rewrites it.
 */
describe("jol chat --lang on Redis", { timeout: 120_000 }, () => {
  let store: RedisStore;
  beforeAll(async () => {
    store = await testStore("chat-session");
  });
  afterAll(async () => {
    await store.close();
  });

  it("keeps what the plugins own in the session when it switches the language", async () => {
    const key = sessionKey("console:amina");
    const old = { ...newSession(Date.now()), lang: "ru", stack: [{ f: "main", n: "menu" }], subs: ["kz"] };
    await store.set(key, JSON.stringify(old), 60_000);

    const result = spawnSync(process.execPath, ["bin/jol.js", "chat", "--lang", "uz", "--user", "amina"], {
      input: "",
      encoding: "utf8",
      timeout: 90_000,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", REDIS_URL: testRedisUrl(), REDIS_PREFIX: store.prefix },
    });
    expect(result.stderr).not.toMatch(/Error|at /);
    expect(result.status).toBe(0);

    const stored = JSON.parse((await store.get(key)) ?? "null") as { lang?: string; slots?: Record<string, { d: unknown }> };
    expect(stored.lang).toBe("uz");
    expect(stored.slots?.broadcast?.d).toEqual({ subs: ["kz"] });
  });
});
