import { describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { RedisStore, RedisUnavailableError, redactUrl } from "../../src/store/redis.ts";
import { testRedisUrl, testStore } from "../support/redis.ts";

describe("RedisStore", () => {
  it("writes every key under its prefix, and only there", async () => {
    const store = await testStore("prefix");
    const raw = new Redis(testRedisUrl());
    try {
      await store.set("session:1", "v");
      await store.zadd("due", 1, "x");
      expect((await raw.keys(`${store.prefix}*`)).sort()).toEqual([`${store.prefix}due`, `${store.prefix}session:1`]);
      expect(await raw.get("session:1")).toBeNull();
    } finally {
      raw.disconnect();
      await store.close();
    }
  });

  it("does not list keys of a store whose prefix merely starts like its own", async () => {
    const a = await testStore("prefix");
    const b = await testStore("prefix", { prefix: `${a.prefix}x:` });
    try {
      await a.set("k", "1");
      await b.set("k", "2");
      expect((await a.keys("")).sort()).toEqual(["k", "x:k"]); // a's namespace contains b's, as a string prefix
      expect(await b.keys("")).toEqual(["k"]);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it("fails fast with REDIS_URL, the URL without its password and the fix when Redis is down", async () => {
    const url = "redis://admin:s3cret@127.0.0.1:1/0";
    const error = await RedisStore.connect({ url, connectTimeoutMs: 300 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RedisUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain("REDIS_URL");
    expect(message).toContain("redis://admin:***@127.0.0.1:1/0");
    expect(message).not.toContain("s3cret");
    expect(message).toMatch(/apt-get install redis-server/);
    expect(message).toMatch(/unset REDIS_URL/);
  });

  it("tells a password problem apart from an unreachable server", () => {
    const auth = new RedisUnavailableError("redis://:bad@db:6379", new Error("WRONGPASS invalid username-password pair or user is disabled."));
    expect(auth.message).toMatch(/WRONGPASS invalid username-password pair or user is disabled\. Put the right password in REDIS_URL/);
    expect(auth.message).not.toContain("bad@");
    const down = new RedisUnavailableError("redis://db:6379", new Error("connect ECONNREFUSED 10.0.0.5:6379"));
    expect(down.message).toMatch(/ECONNREFUSED 10\.0\.0\.5:6379\. Start Redis there/);
  });

  it("redacts passwords in URLs it prints", () => {
    expect(redactUrl("redis://:pw@host:6379")).toBe("redis://:***@host:6379");
    expect(redactUrl("rediss://user:pw@host:6380/2")).toBe("rediss://user:***@host:6380/2");
    expect(redactUrl("redis://host:6379")).toBe("redis://host:6379");
  });

  it("close() is safe to call twice", async () => {
    const store = await testStore("close");
    await store.close();
    await store.close();
    expect(store.client.status).toBe("end");
  });
});
