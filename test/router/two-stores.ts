import { afterEach, beforeEach } from "vitest";
import type { RedisStore } from "../../src/store/redis.ts";
import { testStore } from "../support/redis.ts";

/**
 * Two connections to one fresh key space before each test ("two processes on one Redis"),
 * closed (and the keys deleted) after it. Read `stores.a` / `stores.b` inside tests.
 */
export function twoStores(name: string): { a: RedisStore; b: RedisStore } {
  const stores = {} as { a: RedisStore; b: RedisStore };
  beforeEach(async () => {
    stores.a = await testStore(name);
    stores.b = await testStore(name, { prefix: stores.a.prefix });
  });
  afterEach(async () => {
    await stores.b.close();
    await stores.a.close();
  });
  return stores;
}
