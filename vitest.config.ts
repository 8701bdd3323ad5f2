import { defineConfig } from "vitest/config";

/**
 * Tests live in `test/`, mirroring `src/`. Every run has a real Redis (the global setup uses
 * REDIS_URL or starts a throw-away redis-server); tests reach it through `test/support/redis.ts`.
 * Two worker processes fit the 2-core CI machine; the timeouts leave room for Redis round trips
 * and TTL waits without letting a hung test stall the run. Tests that spawn `bin/jol.js` run the
 * compiled dist/, which `build-setup.ts` rebuilds first when a source is newer.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts", "test/support/build-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 15_000,
    hookTimeout: 15_000,
    teardownTimeout: 5_000,
  },
});
