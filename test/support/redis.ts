import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import type { RedisTarget } from "../../src/store/client.ts";
import { RedisStore } from "../../src/store/redis.ts";

/**
 * The URL of the run's Redis (from `test/support/global-setup.ts`: `REDIS_URL`, or a
 * throw-away redis-server). Prefer `testStore`; use this for a second raw connection.
 */
export function testRedisUrl(): string {
  let url: string | undefined;
  try {
    url = inject("redisUrl");
  } catch {
    // not inside a vitest worker with the global setup: fall back to the environment
  }
  url ??= process.env.JOL_TEST_REDIS_URL;
  if (!url) throw new Error("No test Redis: run tests through vitest (npm test / npx vitest run), whose global setup provides one.");
  return url;
}

/**
 * The Redis this test project runs against: the run's single server, or the Cluster or Sentinel
 * group that `topology-setup.ts` started for the `cluster` and `sentinel` projects.
 */
export function testTarget(): RedisTarget {
  let target: RedisTarget | undefined;
  try {
    target = inject("redisTarget");
  } catch {
    // not inside a vitest worker: the single server
  }
  return target ?? { mode: "single", url: testRedisUrl() };
}

export interface TestStoreOptions {
  /**
   * Share another store's data (a second "process" on the same Redis): pass its `prefix`.
   * Each store still has its own connection; closing either deletes the shared keys.
   */
  prefix?: string;
}

/**
 * A `RedisStore` on the test Redis (`testTarget()`: one server, a Cluster or Sentinel) under a fresh prefix `test:<name>:<random>:`, so tests (and
 * parallel test files) never see each other's keys. Its `close()` deletes every key under that
 * prefix, then disconnects: always close it.
 *
 * @example
 * let store: RedisStore;
 * beforeEach(async () => { store = await testStore("router"); });
 * afterEach(async () => { await store.close(); });
 *
 * // two processes sharing one Redis:
 * const a = await testStore("lock"); const b = await testStore("lock", { prefix: a.prefix });
 */
export async function testStore(name: string, options: TestStoreOptions = {}): Promise<RedisStore> {
  const prefix = options.prefix ?? `test:${name}:${randomBytes(4).toString("hex")}:`;
  const store = await RedisStore.connect({ target: testTarget(), prefix, connectTimeoutMs: 3000 });
  const disconnect = store.close.bind(store);
  let closing: Promise<void> | undefined;
  store.close = () =>
    (closing ??= (async () => {
      if (store.client.status === "ready") {
        const keys = await store.keys("");
        for (let i = 0; i < keys.length; i += 500) await store.delete(...keys.slice(i, i + 500));
      }
      await disconnect();
    })());
  return store;
}
