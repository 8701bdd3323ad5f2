/**
 * The Bot API stand-in as a process of its own, for trying things by hand or driving it from
 * another program (bots reach it through TELEGRAM_API_ROOT):
 *
 *   npx tsx test/support/bot-api/serve.ts [--port 8081] [--control-port 8082] [--limits]
 *       [--webhook http://127.0.0.1:8080/telegram,http://127.0.0.1:8090/telegram]
 *
 * It prints one JSON line, `{"apiRoot": ..., "control": ...}`, then serves until SIGINT/SIGTERM
 * (or until its standard input closes, when started with --watch-stdin, so a parent that dies
 * takes it along). The control server (loopback) answers:
 *
 * - `POST /updates` with a JSON array of updates (or one update): queued for `getUpdates`, or
 *   posted to the webhook(s) when `--webhook` is given (retried until 200).
 * - `GET /sent`: every message the bot sent, `[{ seq, at, chatId, method, text }]`.
 * - `GET /stats`: calls, 429s given by `--limits`, webhook delivery counts, updates pending.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { BotApiStandIn, type NewUpdate } from "./index.ts";

const { values: args } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    "control-port": { type: "string", default: "0" },
    limits: { type: "boolean", default: false },
    webhook: { type: "string" },
    secret: { type: "string" },
    "watch-stdin": { type: "boolean", default: false },
  },
});

const port = Number(args.port);
const controlPort = Number(args["control-port"]);
if (!Number.isInteger(port) || !Number.isInteger(controlPort)) {
  console.error("--port and --control-port must be port numbers");
  process.exit(2);
}
const api = await BotApiStandIn.start({ port, limits: args.limits });
const targets = args.webhook?.split(",").filter(Boolean);
if (targets?.length) api.deliverToWebhook({ targets: () => targets, ...(args.secret ? { secret: () => args.secret } : {}) });

const control = createServer((req, res) => {
  const reply = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  if (req.method === "GET" && req.url === "/sent") return reply(200, api.sentLog());
  if (req.method === "GET" && req.url === "/stats") {
    return reply(200, {
      calls: api.calls.length,
      refused429: api.limits?.refused ?? null,
      delivery: api.delivery?.stats ?? null,
      pendingUpdates: api.pendingUpdates,
    });
  }
  if (req.method === "POST" && req.url === "/updates") {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as NewUpdate | NewUpdate[];
        const pushed = (Array.isArray(body) ? body : [body]).map((u) => api.pushUpdate(u).update_id);
        reply(200, { pushed });
      } catch (error) {
        reply(400, { error: (error as Error).message });
      }
    });
    return;
  }
  reply(404, { error: "POST /updates, GET /sent, GET /stats" });
});
await new Promise<void>((resolve) => control.listen(controlPort, "127.0.0.1", resolve));
console.log(JSON.stringify({ apiRoot: api.apiRoot, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` }));

const stop = async () => {
  control.close();
  await api.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
if (args["watch-stdin"]) {
  process.stdin.resume();
  process.stdin.once("end", () => void stop());
}
