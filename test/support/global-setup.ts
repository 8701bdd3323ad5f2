import type { ChildProcess } from "node:child_process";
import { connect } from "node:net";
import type { TestProject } from "vitest/node";
// The `ProvidedContext` augmentation below needs "vitest" itself in the program, also when only
// a bench that reaches this file is compiled (`tsconfig.bench.json`).
import type {} from "vitest";
import { freePort, onPath, startWatched, stopWatched } from "./servers.ts";

/**
 * Give the test run a Redis: `REDIS_URL` when it is set (CI), otherwise a throw-away
 * `redis-server` from PATH on a free port (no persistence, killed after the run), otherwise stop
 * with one line that says how to get Redis. Tests read the URL through `testRedisUrl()`.
 *
 * `REDIS_URL` itself is then removed from the workers' environment, so code under test that
 * reads its settings from the environment behaves the same on a laptop and in CI, and never
 * writes to the developer's `jol:` keys; tests reach Redis only through `test/support/redis.ts`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = process.env.REDIS_URL;
  let server: ChildProcess | undefined;
  if (url) {
    if (!(await answers(url))) fail(`REDIS_URL=${redact(url)} does not answer PING; start that Redis or unset REDIS_URL to let the tests start their own redis-server.`);
  } else {
    const port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    server = await startRedis(port);
    if (!server) fail("Tests need Redis: install it (apt-get install redis-server) so redis-server is on PATH, or set REDIS_URL=redis://host:6379.");
    const deadline = Date.now() + 10_000;
    while (!(await answers(url))) {
      if (Date.now() > deadline || server.exitCode !== null) fail(`redis-server on port ${port} did not start; run it by hand to see why, or set REDIS_URL.`, server);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  project.provide("redisUrl", url);
  process.env.JOL_TEST_REDIS_URL = url;
  delete process.env.REDIS_URL;
  return async () => {
    if (server) await stopWatched(server);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The Redis every test uses (see `testRedisUrl()`). */
    redisUrl: string;
    /** In the `cluster` and `sentinel` projects: the topology `testStore()` connects to (see `testTarget()`). */
    redisTarget: import("../../src/store/client.ts").RedisTarget;
  }
}

/**
 * Stop the run with a single readable line. (A thrown error would come wrapped in a stack trace
 * and a misleading "No test files found"; this is not a bug in the tests.)
 */
function fail(line: string, server?: ChildProcess): never {
  server?.stdin?.end(); // the watchdog stops Redis
  process.stderr.write(`\n${line}\n\n`);
  process.exit(1);
}

function redact(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, "//***@");
}

/**
 * Start a throw-away redis-server under the watchdog (it stops when this process dies), or
 * undefined without one on PATH. `extra`: more redis-server arguments (default: no persistence).
 */
export async function startRedis(port: number, extra: string[] = ["--save", "", "--appendonly", "no"]): Promise<ChildProcess | undefined> {
  if (!onPath("redis-server")) return undefined;
  return startWatched("redis-server", ["--port", String(port), "--bind", "127.0.0.1", ...extra]);
}

/** True when a Redis at `url` answers PING (any answer but a refused or silent socket counts). */
export function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  if (url.startsWith("rediss:")) return Promise.resolve(true); // TLS: let the client find out
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ""), port: Number(port || 6379) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", () => done(true));
  });
}
