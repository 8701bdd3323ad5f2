import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../../core/log.ts";

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
  /** Compared with `X-Telegram-Bot-Api-Secret-Token` on every request (constant time). */
  secret: string;
  log: Logger;
  /**
   * Record the update durably (the router's inbox); resolves when it is stored. The request is
   * answered 200 only then; a failure answers 503, so Telegram keeps the update and retries.
   */
  receive: (update: Update) => Promise<void>;
  /** False while the store is unreachable: requests are answered 503 at once. */
  ready?: () => boolean;
  /** Longest a request waits for `receive` before it is answered 503 (default 10 s). */
  answerWithinMs?: number;
  /** Largest body accepted (default 1 MB; Telegram's updates are far smaller). */
  maxBytes?: number;
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
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const server: Server = createServer((req, res) => {
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
    if (closing || options.ready?.() === false) {
      res.writeHead(503, { "retry-after": "1" }).end();
      req.resume();
      return;
    }
    const task = (async () => {
      let update: Update;
      try {
        update = JSON.parse(await readBody(req, options.maxBytes ?? 1_000_000)) as Update;
        if (typeof update?.update_id !== "number") throw new SyntaxError("no update_id");
      } catch {
        res.writeHead(400).end();
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), options.answerWithinMs ?? 10_000)));
      try {
        const outcome = await Promise.race([options.receive(update).then(() => "stored" as const), late]);
        if (outcome === "late") options.log.warn("telegram webhook: the update was not stored in time; answered 503 so Telegram retries", {});
        res.writeHead(outcome === "stored" ? 200 : 503).end();
      } catch (error) {
        options.log.warn("telegram webhook: the update could not be stored; answered 503 so Telegram retries", {
          error: error instanceof Error ? error.message : String(error),
        });
        if (!res.headersSent) res.writeHead(503, { "retry-after": "1" }).end();
      } finally {
        clearTimeout(timer);
      }
    })();
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
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      await closed;
    },
  };
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new SyntaxError("body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
