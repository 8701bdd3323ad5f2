import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../core/log.ts";

/**
 * What the Telegram and WhatsApp Cloud webhook servers share: a server that tracks the requests
 * in progress so `close()` waits for them, the "200 only once stored, else 503" answer, and a
 * body read with a size limit. Each channel keeps its own checks (secret header, signature).
 */

/** A running webhook HTTP server. */
export interface WebhookListener {
  /** The port it listens on (useful when started on port 0). */
  readonly port: number;
  /** Stop accepting requests and wait for those in progress. */
  close(): Promise<void>;
}

/**
 * What every webhook server is given: where to listen, and the durable intake behind it.
 * `T` is what one request carries once checked and parsed (a Telegram update, a Cloud payload).
 */
export interface WebhookIntakeOptions<T> {
  host: string;
  port: number;
  log: Logger;
  /**
   * Record what the request carries durably (the router's inbox); resolves when it is stored.
   * The request is answered 200 only then; a failure answers 503, so the platform retries.
   */
  receive: (payload: T) => Promise<void>;
  /** False while the store is unreachable: requests are answered 503 at once. */
  ready?: () => boolean;
  /** Longest a request waits for `receive` before it is answered 503 (default 10 s). */
  answerWithinMs?: number;
  /** Largest body accepted (each server has its own default). */
  maxBytes?: number;
}

/** Where a webhook server listens, and the start-up error naming the settings to change. */
export function listenAt(o: { host: string; port: number }, server: string, settings: string): { host: string; port: number; cannotListen: (reason: string) => string } {
  return {
    host: o.host,
    port: o.port,
    cannotListen: (reason) => `The ${server} webhook server cannot listen on ${o.host}:${o.port} (${reason}); set ${settings}_PORT / ${settings}_HOST to a free address.`,
  };
}

/**
 * Listen on `host:port` and run `handle` for each request; `closing()` turns true once `close()`
 * was called (answer 503 then, so the platform retries elsewhere). `cannotListen` words the
 * start-up error with the settings to change.
 */
export async function listenWebhook(
  where: { host: string; port: number; cannotListen: (reason: string) => string },
  handle: (req: IncomingMessage, res: ServerResponse, closing: () => boolean) => void | Promise<void>,
): Promise<WebhookListener> {
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const server = createServer((req, res) => {
    const task = Promise.resolve(handle(req, res, () => closing)).catch(() => {
      if (!res.headersSent) res.writeHead(503, { "retry-after": "1" }).end();
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(new Error(where.cannotListen(error.code ?? error.message))));
    server.listen(where.port, where.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      await closed;
    },
  };
}

/**
 * Answer 200 once `store()` resolves; 503 (the platform keeps the update and sends it again) when
 * it fails or takes longer than `withinMs`. `what` names the platform in the log lines.
 */
export async function answerWhenStored(res: ServerResponse, store: () => Promise<void>, o: { withinMs?: number; log: Logger; what: string }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), o.withinMs ?? 10_000)));
  try {
    const outcome = await Promise.race([store().then(() => "stored" as const), late]);
    if (outcome === "late") o.log.warn(`${o.what} webhook: not stored in time; answered 503 so it is sent again`);
    res.writeHead(outcome === "stored" ? 200 : 503).end();
  } catch (error) {
    o.log.warn(`${o.what} webhook: could not be stored; answered 503 so it is sent again`, { error: error instanceof Error ? error.message : String(error) });
    if (!res.headersSent) res.writeHead(503, { "retry-after": "1" }).end();
  } finally {
    clearTimeout(timer);
  }
}

/** The request's body, refused (RangeError) past `maxBytes`. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new RangeError("body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
