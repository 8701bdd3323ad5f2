/**
 * The Bot API stand-in's delivery rules the fault scenarios rely on: updates kept until a later
 * offset confirms them, webhook posts retried until 200 (on the next target), Telegram's sending
 * limits answered with 429, and the stand-in as a process of its own.
 */
import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { BotApiStandIn, RateLimits, testUser, updates } from "../support/bot-api/index.ts";
import { freePort, ROOT, until } from "./harness.ts";

const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

async function call(api: BotApiStandIn | string, method: string, payload: object): Promise<{ ok: boolean; result?: unknown; error_code?: number; parameters?: { retry_after?: number } }> {
  const root = typeof api === "string" ? api : api.apiRoot;
  const res = await fetch(`${root}/bot${TOKEN}/${method}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
  return (await res.json()) as never;
}

let api: BotApiStandIn | undefined;
const servers: Server[] = [];
afterEach(async () => {
  await api?.close();
  api = undefined;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe("polling", () => {
  it("keeps an update until a later getUpdates with a higher offset confirms it", async () => {
    api = await BotApiStandIn.start();
    const pushed = api.pushUpdate(updates.text(testUser(1), "hi"));
    expect((await call(api, "getUpdates", {})).result).toEqual([pushed]);
    expect((await call(api, "getUpdates", { offset: pushed.update_id })).result).toEqual([pushed]); // not confirmed yet
    expect((await call(api, "getUpdates", { offset: pushed.update_id + 1 })).result).toEqual([]);
    expect(api.pendingUpdates).toBe(0);
  });
});

describe("limits", () => {
  it("refuses a message over 30 a second overall, 1 a second to a private chat (after a burst of 3), 20 a minute to a group", () => {
    const limits = new RateLimits();
    const t = 1_000_000;
    const overall = Array.from({ length: 31 }, (_, i) => limits.check("sendMessage", 1000 + i, t));
    expect(overall.filter((w) => w === undefined)).toHaveLength(30);
    expect(overall[30]).toBe(1);
    expect(limits.check("sendMessage", 2000, t + 1000)).toBeUndefined(); // a second later there is room again

    const chat = Array.from({ length: 4 }, () => limits.check("sendPhoto", 42, t + 2000));
    expect(chat).toEqual([undefined, undefined, undefined, 1]);
    expect(limits.check("sendMessage", 42, t + 3000)).toBeUndefined();

    const group = Array.from({ length: 6 }, () => limits.check("sendMessage", -100, t + 5000));
    expect(group.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(group[5]).toBe(3); // 20 a minute: the next one in 3 s
    expect(limits.check("editMessageText", 42, t + 5000)).toBeUndefined(); // edits are not messages
    expect(limits.refused).toEqual({ total: 3, global: 1, chat: 1, group: 1 });
  });

  it("answers a send over the limit 429 with retry_after, as Telegram does, and records only what was sent", async () => {
    api = await BotApiStandIn.start({ limits: { chatPerSecond: 0.01, chatBurst: 1 } });
    expect((await call(api, "sendMessage", { chat_id: 42, text: "x" })).ok).toBe(true);
    const refused = await call(api, "sendMessage", { chat_id: 42, text: "y" });
    expect(refused).toMatchObject({ ok: false, error_code: 429, parameters: { retry_after: 100 } });
    expect(api.sentLog().map((m) => m.text)).toEqual(["x"]);
    expect(api.limits!.refused.total).toBe(1);
  });
});

describe("webhook delivery", () => {
  /** A bot's webhook that answers `codes` in turn (then 200) and records what arrived. */
  async function bot(codes: number[]): Promise<{ url: string; got: Array<{ id: number; secret: string | undefined }> }> {
    const got: Array<{ id: number; secret: string | undefined }> = [];
    const server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const code = codes.shift() ?? 200;
        if (code === 200) got.push({ id: (JSON.parse(body) as { update_id: number }).update_id, secret: req.headers["x-telegram-bot-api-secret-token"] as string | undefined });
        res.writeHead(code).end();
      });
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, got };
  }

  it("posts every update with the secret, retries on the next target until 200, one chat in order", async () => {
    api = await BotApiStandIn.start();
    const dead = `http://127.0.0.1:${await freePort()}/`; // refuses connections
    const flaky = await bot([500, 503]);
    const delivery = api.deliverToWebhook({ targets: () => [dead, flaky.url], secret: () => "s3", retryMs: 10, connections: 4 });
    const user = testUser(7);
    const ids = Array.from({ length: 5 }, (_, i) => api!.pushUpdate(updates.text(user, `m${i}`)).update_id);
    const other = api.pushUpdate(updates.text(testUser(8), "x")).update_id;
    await delivery.idle(20_000);
    expect(flaky.got.filter((g) => g.id !== other).map((g) => g.id)).toEqual(ids);
    expect(flaky.got.map((g) => g.id).sort()).toEqual([...ids, other].sort());
    expect(new Set(flaky.got.map((g) => g.secret))).toEqual(new Set(["s3"]));
    expect(delivery.stats).toMatchObject({ delivered: 6, pending: 0 });
    expect(delivery.stats.failedAttempts).toBeGreaterThanOrEqual(2 + 6); // two 5xx, and every first try hit the dead target
  });
});

describe("as a process", () => {
  it("serves the Bot API and a control port, and exits when its standard input closes", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/bot-api/serve.ts", "--limits", "--watch-stdin"], { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] });
    const exited = new Promise((r) => child.once("exit", r));
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once("line", resolve);
        child.once("exit", () => reject(new Error("the stand-in exited before printing its address")));
      });
      const { apiRoot, control } = JSON.parse(first) as { apiRoot: string; control: string };
      const posted = await fetch(`${control}/updates`, { method: "POST", body: JSON.stringify([updates.text(testUser(3), "hi")]) });
      expect(posted.status).toBe(200);
      const polled = (await call(apiRoot, "getUpdates", {})).result as Array<{ message: { text: string } }>;
      expect(polled.map((u) => u.message.text)).toEqual(["hi"]);
      expect((await call(apiRoot, "sendMessage", { chat_id: 3, text: "hello" })).ok).toBe(true);
      const sent = (await (await fetch(`${control}/sent`)).json()) as Array<{ chatId: string; text: string }>;
      expect(sent).toMatchObject([{ chatId: "3", text: "hello" }]);
      const stats = (await (await fetch(`${control}/stats`)).json()) as { refused429: { total: number } };
      expect(stats.refused429.total).toBe(0);
    } finally {
      child.stdin!.end();
      await until(() => child.exitCode !== null || child.signalCode !== null, "the stand-in process to exit", 15_000);
      await exited;
    }
  });
});
