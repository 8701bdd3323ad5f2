import { timingSafeEqual } from "node:crypto";
import type { Update } from "grammy/types";
import { answerWhenStored, listenAt, listenWebhook, readBody, type WebhookIntakeOptions, type WebhookListener } from "../webhook-http.ts";

/** A running webhook HTTP server. */
export type WebhookServer = WebhookListener;

export interface WebhookServerOptions extends WebhookIntakeOptions<Update> {
  /** Compared with `X-Telegram-Bot-Api-Secret-Token` on every request (constant time). Body limit default: 1 MB (Telegram's updates are far smaller). */
  secret: string;
}

/**
 * The HTTP server Telegram posts updates to in webhook mode.
 *
 * - `POST` (any path, so a reverse proxy may mount it anywhere) with the right secret header →
 *   the update is written to the user's inbox, then 200. A wrong or missing secret → 401, the
 *   body is not even read. A body that is not JSON → 400.
 * - Redis unreachable, the write failing or taking longer than `answerWithinMs`, or the server
 *   closing (SIGTERM) → 503: Telegram keeps the update and sends it again (to this or another
 *   worker), so nothing is acknowledged that is not stored.
 * - `GET /healthz` → 200, for load balancers. Anything else → 404.
 *
 * Several processes may serve one bot behind a load balancer: the inbox, the per-user lock and
 * the commit in Redis keep one answer per update, in order per user.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const expected = Buffer.from(options.secret);
  const where = listenAt(options, "Telegram", "TELEGRAM_WEBHOOK");
  return listenWebhook(where, async (req, res, closing) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    const given = Buffer.from(String(req.headers["x-telegram-bot-api-secret-token"] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end("secret token is wrong");
      req.resume();
      return;
    }
    if (closing() || options.ready?.() === false) {
      res.writeHead(503, { "retry-after": "1" }).end();
      req.resume();
      return;
    }
    let update: Update;
    try {
      update = JSON.parse((await readBody(req, options.maxBytes ?? 1_000_000)).toString("utf8")) as Update;
      if (typeof update?.update_id !== "number") throw new SyntaxError("no update_id");
    } catch {
      res.writeHead(400).end();
      return;
    }
    await answerWhenStored(res, () => options.receive(update), { withinMs: options.answerWithinMs, log: options.log, what: "telegram" });
  });
}
