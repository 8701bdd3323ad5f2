import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/log.ts";
import { createStore } from "../../src/store/create.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { RedisStore, RedisUnavailableError } from "../../src/store/redis.ts";
import { testRedisUrl } from "../support/redis.ts";

function capture(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: "debug", write: (line) => lines.push(line) }) };
}

describe("createStore", () => {
  it("uses memory without REDIS_URL and says so in exactly one line", async () => {
    const { lines, log } = capture();
    const store = await createStore({ REDIS_URL: undefined, REDIS_PREFIX: "jol:" }, log);
    expect(store).toBeInstanceOf(MemoryStore);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/sessions live in memory/);
    await store.close();
  });

  it("uses Redis with REDIS_URL, under REDIS_PREFIX, and says nothing at info level", async () => {
    const { lines, log } = capture();
    const prefix = `test:create:${process.pid}:`;
    const store = await createStore({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix }, log);
    try {
      expect(store).toBeInstanceOf(RedisStore);
      expect((store as RedisStore).prefix).toBe(prefix);
      expect(lines.filter((l) => l.includes('"level":"info"'))).toEqual([]);
      expect(lines.join("\n")).not.toMatch(/memory/);
    } finally {
      await store.delete(...(await store.keys("")));
      await store.close();
    }
  });

  it("throws the clear error instead of retrying forever when Redis is unreachable", async () => {
    const { log } = capture();
    await expect(createStore({ REDIS_URL: "redis://127.0.0.1:1", REDIS_PREFIX: "jol:" }, log, { connectTimeoutMs: 300 })).rejects.toBeInstanceOf(RedisUnavailableError);
  });
});
