/**
 * Two `jol start` processes with WHATSAPP_TRANSPORT=cloud on one Redis take the webhooks (each
 * user's messages posted to one and the other in turn, users in parallel): every message is
 * answered once and each user's answers come in the order of their messages. The real flows with
 * the chaos tests' echo loop ("echo: <text>"); Graph API stand-in for sending.
 */
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { randomBytes } from "node:crypto";
import { freePort } from "../../support/servers.ts";
import { testRedisUrl } from "../../support/redis.ts";
import { deleteKeys, JolProcess, until } from "../../chaos/harness.ts";
import { echoContent, echoed, type EchoContent } from "../../chaos/echo-content.ts";
import { GraphApiStandIn, hooks, postWebhook } from "../../support/graph-api/index.ts";
import { cloudEnv } from "../../support/graph-api/env.ts";

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const USERS = Array.from({ length: 4 }, (_, i) => `9989000000${10 + i}`);
const MESSAGES = 6;

let api: GraphApiStandIn;
let content: EchoContent;
const workers: JolProcess[] = [];
const urls: string[] = [];
const prefix = `test:wa-cloud-workers:${randomBytes(4).toString("hex")}:`;

beforeAll(async () => {
  api = await GraphApiStandIn.start();
  content = echoContent();
  for (const name of ["worker-a", "worker-b"]) {
    const port = await freePort();
    const env = cloudEnv(api, {
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
      FLOWS_DIR: content.flowsDir,
      LOCALES_DIR: content.localesDir,
      WHATSAPP_WEBHOOK_PORT: String(port),
      OPS_PORT: "0",
      LOG_LEVEL: "info",
      LOG_TAG_SECRET: "wa-cloud-log-tag-secret-0123456789",
    });
    const worker = JolProcess.spawn(name, env, content.root);
    workers.push(worker);
    urls.push(`http://127.0.0.1:${port}/whatsapp/webhook`);
  }
  await Promise.all(workers.map((w) => w.ready()));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.dispose()));
  await api?.close();
  content?.remove();
  await deleteKeys(testRedisUrl(), prefix);
});

/** Post until a worker answers 200 (the other one on a 503), starting with worker `first`. */
async function post(payload: unknown, first: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await postWebhook(urls[(first + attempt) % urls.length]!, payload).catch(() => 0)) === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no worker stored the webhook");
}

/** The texts each user was sent, echo replies only, in sending order. */
function echoes(user: string): string[] {
  return api.sent.filter((m) => m.to === user && m.type === "text").flatMap((m) => {
    const said = echoed((m.body.text as { body: string }).body);
    return said === undefined ? [] : [said];
  });
}

it("keeps each user's order and answers each message once across two webhook workers", async () => {
  // "hello" makes each user English and reaches the echo loop ("ready").
  await Promise.all(USERS.map((user, i) => post(hooks.messages(user, [hooks.text("hello")]), i)));
  await until(() => USERS.every((u) => api.sent.some((m) => m.to === u)), "the first answers", 60_000);

  await Promise.all(
    USERS.map(async (user) => {
      for (let n = 0; n < MESSAGES; n++) await post(hooks.messages(user, [hooks.text(`m${n}`)]), n);
    }),
  );
  const expected = Array.from({ length: MESSAGES }, (_, n) => `m${n}`);
  await until(() => USERS.every((u) => echoes(u).length >= MESSAGES), "every echo", 120_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${USERS.map((u) => `${u}: ${echoes(u).join(",")}`).join("\n")}\n${workers.map((w) => w.tail(5)).join("\n")}`);
  });
  for (const user of USERS) expect(echoes(user)).toEqual(expected);
  expect(workers.every((w) => w.alive)).toBe(true); // each took every other message of every user
  expect(api.unauthorized).toBe(0);
});
