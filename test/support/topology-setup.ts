import type { TestProject } from "vitest/node";
import { startCluster, startSentinels, type Topology } from "./topology.ts";

/**
 * Global setup of the `cluster` and `sentinel` test projects (see vitest.config.ts): start that
 * topology from the redis-server and redis-cli on PATH and hand it to `testStore()`. The project's
 * name says which. A topology that does not come up stops the run with one line.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = project.name;
  let topology: Topology;
  try {
    topology = name === "cluster" ? await startCluster() : await startSentinels();
  } catch (error) {
    process.stderr.write(`\nThe ${name} test topology did not start: ${error instanceof Error ? error.message : String(error)}\n\n`);
    process.exit(1);
  }
  project.provide("redisTarget", topology.target);
  return () => topology.stop();
}
