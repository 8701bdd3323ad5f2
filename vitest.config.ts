import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { topologiesUnavailable } from "./test/support/topology.ts";

/**
 * Tests live in `test/`, mirroring `src/`. Every run has a real Redis (the global setup uses
 * REDIS_URL or starts a throw-away redis-server); tests reach it through `test/support/redis.ts`.
 * Two worker processes fit the 2-core CI machine; the timeouts leave room for Redis round trips
 * and TTL waits without letting a hung test stall the run. Tests that spawn `bin/jol.js` run the
 * compiled dist/, which `build-setup.ts` rebuilds first when a source is newer.
 *
 * The tests in `TOPOLOGY_TESTS` run twice more, against a 3-master Redis Cluster and against a
 * Sentinel-managed primary with a replica (projects `cluster` and `sentinel`, started by
 * `test/support/topology-setup.ts` from redis-server and redis-cli on PATH); `testStore()` there
 * connects to that topology. Add a test file here when it stores through `testStore()` and says
 * something about scripts, batches or keys that a Cluster or a failover could break.
 */
const TOPOLOGY_TESTS = ["test/store/topology.test.ts", "test/router/**/*.test.ts"];
/** Starts its own Sentinel group and kills its primary: in the `sentinel` project only. */
const FAILOVER_TESTS = ["test/store/failover.test.ts"];

const topologies: TestProjectInlineConfiguration[] = [];
const missing = topologiesUnavailable();
if (missing) {
  process.stderr.write(`Cluster and Sentinel tests not run: ${missing}.\n`);
} else {
  for (const name of ["cluster", "sentinel"]) {
    topologies.push({
      extends: true,
      test: {
        name,
        include: name === "sentinel" ? [...TOPOLOGY_TESTS, ...FAILOVER_TESTS] : TOPOLOGY_TESTS,
        globalSetup: ["test/support/topology-setup.ts"],
      },
    });
  }
}

export default defineConfig({
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 15_000,
    hookTimeout: 15_000,
    teardownTimeout: 5_000,
    projects: [
      {
        extends: true,
        test: { name: "redis", include: ["test/**/*.test.ts"], exclude: FAILOVER_TESTS, globalSetup: ["test/support/global-setup.ts", "test/support/build-setup.ts"] },
      },
      ...topologies,
    ],
  },
});
