import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { webhookCallback, type Bot } from "grammy";
import type { Logger } from "../../log.ts";

/** A running webhook HTTP server. */
export interface WebhookServer {
  /** The port it listens on (useful when started on port 0). */
  readonly port: number;
  /** Stop accepting requests and wait for the updates in progress. */
  close(): Promise<void>;
}

export interface WebhookServerOptions {
  host: string;
  port: number;
  /** Compared with `X-Telegram-Bot-Api-Secret-Token` on every request (constant time, by grammY). */
  secret: string;
  log: Logger;
  /**
   * Answer Telegram after this long even if the update is still being handled (it goes on in the
   * background), so a slow step does not make Telegram resend (default 25 s).
   */
  answerWithinMs?: number;
  /** While false (see `Readiness.redisReady`), updates are answered 503 and Telegram sends them again later. */
  ready?: () => boolean;
}

/**
 * The HTTP server Telegram posts updates to in webhook mode.
 *
 * - `POST` (any path, so a reverse proxy may mount it anywhere) with the right secret header →
 *   grammY handles the update, then 200. A wrong or missing secret → 401, the body is not even
 *   read. A body that is not JSON → 400. While `ready()` is false → 503 (Telegram retries).
 * - `GET /healthz` → 200, for load balancers. Anything else → 404.
 *
 * Several processes may serve one bot behind a load balancer: the router's dedupe and per-user
 * lock in Redis keep one reply per update and one update per user at a time.
 */
export async function startWebhookServer(bot: Bot, options: WebhookServerOptions): Promise<WebhookServer> {
  const handle = webhookCallback(bot, "http", {
    secretToken: options.secret,
    onTimeout: "return",
    timeoutMilliseconds: options.answerWithinMs ?? 25_000,
  });
  const inFlight = new Set<Promise<unknown>>();
  const server: Server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    if (options.ready && !options.ready()) {
      res.writeHead(503, { "retry-after": "5" }).end();
      return;
    }
    const task = handle(req, res).catch((error: unknown) => {
      const badBody = error instanceof SyntaxError;
      if (!badBody) options.log.error("telegram webhook request failed", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.writeHead(badBody ? 400 : 500).end();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `The Telegram webhook server cannot listen on ${options.host}:${options.port} (${error.code ?? error.message}); ` +
            "set TELEGRAM_WEBHOOK_PORT / TELEGRAM_WEBHOOK_HOST to a free address.",
        ),
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      await closed;
    },
  };
}
