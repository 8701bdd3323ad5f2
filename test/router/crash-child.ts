/**
 * A router process that dies (SIGKILL, no cleanup) at a chosen point of one message, for
 * `durable.test.ts`. Env: JOL_TEST_REDIS_TARGET, PREFIX, USER (a Telegram chat id), MESSAGE (its
 * id), CRASH = "before-commit" (inside the step) or "after-commit" (when the reply is sent).
 */
import { RedisStore } from "../../src/store/redis.ts";
import type { RedisTarget } from "../../src/store/client.ts";
import { Outbox } from "../../src/outbox/outbox.ts";
import { silentLogger } from "../../src/core/log.ts";
import { addr, countKind, countRouter, text } from "./count-app.ts";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`crash-child: ${name} is not set`);
  return value;
};
const die = (): never => {
  process.kill(process.pid, "SIGKILL");
  throw new Error("unreachable");
};

const crash = env("CRASH");
// The test's Redis: one server, a Cluster or a Sentinel group (`testTarget()` as JSON).
const store = await RedisStore.connect({ target: JSON.parse(env("JOL_TEST_REDIS_TARGET")) as RedisTarget, prefix: env("PREFIX") });
const outbox = new Outbox({ store, log: silentLogger, leaseMs: 600 });
const router = countRouter(store, {
  lockTtlMs: 600,
  outbox,
  plugins: [{ name: "crash", kinds: [countKind], inbound: async () => (crash === "before-commit" ? die() : "continue") }],
});
await router.handle(text(addr(env("USER")), env("MESSAGE"), "x"), async () => {
  if (crash === "after-commit") die();
});
process.stderr.write("crash-child: did not crash\n");
process.exit(3);
