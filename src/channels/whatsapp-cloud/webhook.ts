import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { timingSafeEqual } from "node:crypto";
import type { Logger } from "../../core/log.ts";
import type { CloudWebhook } from "./payload.ts";
import { validSignature } from "./signature.ts";

/** The path Meta is given as the callback URL (behind the operator's HTTPS proxy). */
export const WEBHOOK_PATH = "/whatsapp/webhook";

export interface CloudWebhookServer {
  readonly port: number;
  /** Stop accepting (503 from now on) and wait for the requests in progress. */
  close(): Promise<void>;
}

export interface CloudWebhookOptions {
  host: string;
  port: number;
  appSecret: string;
  verifyToken: string;
  log: Logger;
  /** Store what the payload carries (the router's inbox); the POST is answered 200 only once it resolves. */
  receive: (payload: CloudWebhook) => Promise<void>;
  /** False while the store is unreachable: POSTs are answered 503 at once (Meta retries). */
  ready?: () => boolean;
  /** Longest a POST waits for `receive` before it is answered 503 (default 10 s). */
  answerWithinMs?: number;
  /** Largest body accepted (default 3 MB). */
  maxBytes?: number;
}

/**
 * The HTTP server Meta posts WhatsApp Cloud API webhooks to, at `/whatsapp/webhook`:
 *
 * - `GET` with `hub.mode=subscribe` and the right `hub.verify_token` → 200 with `hub.challenge`
 *   (the check Meta makes when the callback URL is saved); a wrong token → 403.
 * - `POST` → the raw body is checked against `X-Hub-Signature-256` (HMAC-SHA256 with the app
 *   secret, constant time): wrong or missing → 401 and nothing reaches the router. Then the
 *   payload is stored (`receive`) and only then answered 200; Redis away, a failure, more than
 *   `answerWithinMs`, or the server closing → 503, and Meta delivers the webhook again (its
 *   messages are deduplicated by id).
 * - `GET /healthz` → 200. Anything else → 404.
 */
export async function startCloudWebhook(options: CloudWebhookOptions): Promise<CloudWebhookServer> {
  const token = Buffer.from(options.verifyToken);
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (url.pathname !== WEBHOOK_PATH) {
      res.writeHead(404).end();
      req.resume();
      return;
    }
    if (req.method === "GET") {
      const given = Buffer.from(url.searchParams.get("hub.verify_token") ?? "");
      const challenge = url.searchParams.get("hub.challenge") ?? "";
      const ok = url.searchParams.get("hub.mode") === "subscribe" && given.length === token.length && timingSafeEqual(given, token);
      if (!ok) options.log.warn("whatsapp webhook: verification with a wrong verify token refused; compare WHATSAPP_VERIFY_TOKEN with the Meta app's webhook settings");
      res.writeHead(ok ? 200 : 403, { "content-type": "text/plain" }).end(ok ? challenge : "");
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405).end();
      req.resume();
      return;
    }
    const task = (async () => {
      let body: Buffer;
      try {
        body = await readBody(req, options.maxBytes ?? 3_000_000);
      } catch {
        res.writeHead(413).end();
        return;
      }
      if (!validSignature(body, req.headers["x-hub-signature-256"], options.appSecret)) {
        options.log.warn("whatsapp webhook: a POST without a valid X-Hub-Signature-256 refused (401); check WHATSAPP_APP_SECRET if it repeats");
        res.writeHead(401).end();
        return;
      }
      if (closing || options.ready?.() === false) {
        res.writeHead(503, { "retry-after": "1" }).end();
        return;
      }
      let payload: CloudWebhook;
      try {
        payload = JSON.parse(body.toString("utf8")) as CloudWebhook;
      } catch {
        res.writeHead(400).end();
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), options.answerWithinMs ?? 10_000)));
      try {
        const outcome = await Promise.race([options.receive(payload).then(() => "stored" as const), late]);
        if (outcome === "late") options.log.warn("whatsapp webhook: not stored in time; answered 503 so Meta retries");
        res.writeHead(outcome === "stored" ? 200 : 503).end();
      } catch (error) {
        options.log.warn("whatsapp webhook: could not be stored; answered 503 so Meta retries", { error: error instanceof Error ? error.message : String(error) });
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
          `The WhatsApp webhook server cannot listen on ${options.host}:${options.port} (${error.code ?? error.message}); set WHATSAPP_WEBHOOK_PORT / WHATSAPP_WEBHOOK_HOST to a free address.`,
        ),
      ),
    );
    server.listen(options.port, options.host, () => resolve());
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

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
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
