import { timingSafeEqual } from "node:crypto";
import { answerWhenStored, listenAt, listenWebhook, readBody, type WebhookIntakeOptions, type WebhookListener } from "../webhook-http.ts";
import type { CloudWebhook } from "./payload.ts";
import { validSignature } from "./signature.ts";

/** The path Meta is given as the callback URL (behind the operator's HTTPS proxy). */
export const WEBHOOK_PATH = "/whatsapp/webhook";

/** The running server: `close()` answers 503 from then on and waits for the requests in progress. */
export type CloudWebhookServer = WebhookListener;

export interface CloudWebhookOptions extends WebhookIntakeOptions<CloudWebhook> {
  /** Checks `X-Hub-Signature-256` on every POST. Body limit default: 3 MB. */
  appSecret: string;
  /** Answers Meta's `hub.verify_token` check when the callback URL is saved. */
  verifyToken: string;
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
  const where = listenAt(options, "WhatsApp", "WHATSAPP_WEBHOOK");
  return listenWebhook(where, async (req, res, closing) => {
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
    if (closing() || options.ready?.() === false) {
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
    await answerWhenStored(res, () => options.receive(payload), { withinMs: options.answerWithinMs, log: options.log, what: "whatsapp" });
  });
}
