import { describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { testRedisUrl, testStore } from "./redis.ts";

describe("test harness", () => {
  it("gives each test store its own prefix and deletes its keys on close", async () => {
    const a = await testStore("harness");
    const b = await testStore("harness");
    expect(a.prefix).toMatch(/^test:harness:[0-9a-f]{8}:$/);
    expect(b.prefix).not.toBe(a.prefix);
    await a.set("k", "from a");
    await a.rpush("list", "x");
    expect(await b.get("k")).toBeNull();

    const raw = new Redis(testRedisUrl());
    try {
      expect(await raw.get(`${a.prefix}k`)).toBe("from a");
      await a.close();
      expect(await raw.keys(`${a.prefix}*`)).toEqual([]);
    } finally {
      raw.disconnect();
      await b.close();
    }
  });

  it("lets a second connection share a store's data", async () => {
    const a = await testStore("harness");
    const b = await testStore("harness", { prefix: a.prefix });
    try {
      await a.set("shared", "1");
      expect(await b.get("shared")).toBe("1");
      expect(b.client).not.toBe(a.client);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("hides REDIS_URL from code under test", () => {
    expect(process.env.REDIS_URL).toBeUndefined();
    expect(process.env.JOL_TEST_REDIS_URL).toBe(testRedisUrl());
  });
});
