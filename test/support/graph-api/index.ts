/**
 * A stand-in for Meta's Graph API (WhatsApp Cloud API) on loopback, for tests: it answers
 * `POST /{version}/{phone-number-id}/messages` and `/media` with the real response shapes after
 * checking the bearer token, records what was sent, can fail the next sends with Meta's error
 * codes, and posts webhooks to the bot signed with the app secret (`X-Hub-Signature-256`), the
 * way Meta does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac } from "node:crypto";

export const GRAPH_TOKEN = "EAAtestTokenForTheGraphStandIn0123456789";
export const PHONE_NUMBER_ID = "109876543210987";
export const APP_SECRET = "0123456789abcdef0123456789abcdef";
export const VERIFY_TOKEN = "jol-verify-token-42";

/** One message the bot sent, as the stand-in received it. */
export interface SentMessage {
  to: string;
  type: string;
  body: Record<string, unknown>;
  wamid: string;
}

interface Failure {
  status: number;
  code: number;
  message: string;
}

export class GraphApiStandIn {
  readonly sent: SentMessage[] = [];
  readonly uploads: Array<{ type: string; filename: string; bytes: number }> = [];
  /** Requests refused for a wrong or missing token. */
  unauthorized = 0;
  private failures: Failure[] = [];
  private waiters: Array<() => void> = [];
  private counter = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<GraphApiStandIn> {
    const holder: { standIn?: GraphApiStandIn } = {};
    const server = createServer((req, res) => void holder.standIn?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    holder.standIn = new GraphApiStandIn(server, (server.address() as AddressInfo).port);
    return holder.standIn;
  }

  /** WHATSAPP_GRAPH_ROOT for the bot. */
  get root(): string {
    return `http://127.0.0.1:${this.port}/v21.0`;
  }

  /** The next sends fail with Meta's error `code` (one entry per failing request). */
  failNext(code: number, times = 1, status = 400): void {
    for (let i = 0; i < times; i++) this.failures.push({ status, code, message: `(#${code}) stand-in failure` });
  }

  /** Resolves once `count` messages have been sent in all. */
  async waitForSent(count: number, timeoutMs = 10_000): Promise<SentMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} sent messages, got ${this.sent.length}: ${JSON.stringify(this.sent.map((s) => s.body))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.sent.slice(0, count);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await read(req);
    if (req.method === "GET" && req.url?.startsWith("/files/")) {
      // A file a consultant's message links to (fetched by the bot, then uploaded).
      res.writeHead(200, { "content-type": "image/jpeg" }).end(Buffer.from("stand-in image bytes"));
      return;
    }
    const match = /^\/v\d+\.\d+\/(\d+)\/(messages|media)$/.exec(req.url ?? "");
    const reply = (status: number, json: unknown): void => void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
    if (!match || req.method !== "POST") return reply(404, { error: { message: "Unknown path", type: "GraphMethodException", code: 100 } });
    if (req.headers.authorization !== `Bearer ${GRAPH_TOKEN}` || match[1] !== PHONE_NUMBER_ID) {
      this.unauthorized++;
      return reply(401, { error: { message: "Invalid OAuth access token.", type: "OAuthException", code: 190, fbtrace_id: "stand-in" } });
    }
    if (match[2] === "media") {
      const type = /name="type"\r\n\r\n([^\r]*)/.exec(body.toString("latin1"))?.[1] ?? "";
      const filename = /filename="([^"]*)"/.exec(body.toString("latin1"))?.[1] ?? "";
      this.uploads.push({ type, filename, bytes: body.length });
      return reply(200, { id: `media-${this.uploads.length}` });
    }
    const failure = this.failures.shift();
    if (failure) {
      return reply(failure.status, {
        error: { message: failure.message, type: "OAuthException", code: failure.code, error_data: { messaging_product: "whatsapp", details: failure.message }, fbtrace_id: "stand-in" },
      });
    }
    const message = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
    if (message.messaging_product !== "whatsapp" || typeof message.to !== "string") {
      return reply(400, { error: { message: "(#100) Invalid parameter", type: "OAuthException", code: 100 } });
    }
    const wamid = `wamid.standin${++this.counter}`;
    this.sent.push({ to: message.to, type: String(message.type), body: message, wamid });
    for (const wake of this.waiters.splice(0)) wake();
    reply(200, { messaging_product: "whatsapp", contacts: [{ input: message.to, wa_id: message.to }], messages: [{ id: wamid }] });
  }
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Post a webhook to the bot as Meta does: JSON, signed with `secret` (a forged one with another). */
export async function postWebhook(url: string, payload: unknown, options: { secret?: string | null; raw?: string } = {}): Promise<number> {
  const body = options.raw ?? JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const secret = options.secret === undefined ? APP_SECRET : options.secret;
  if (secret !== null) headers["x-hub-signature-256"] = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  const response = await fetch(url, { method: "POST", headers, body });
  await response.arrayBuffer();
  return response.status;
}

let seq = 0;

/** Builders of Meta's webhook payloads (`entry[].changes[].value`). */
export const hooks = {
  /** A webhook carrying these messages from `from` (a wa_id). */
  messages(from: string, messages: Array<Record<string, unknown>>, name = "Test User"): Record<string, unknown> {
    return envelope({
      contacts: [{ profile: { name }, wa_id: from }],
      messages: messages.map((m) => ({ from, id: `wamid.in${++seq}`, timestamp: String(Math.floor(Date.now() / 1000)), ...m })),
    });
  },
  statuses(statuses: Array<Record<string, unknown>>): Record<string, unknown> {
    return envelope({ statuses: statuses.map((s) => ({ timestamp: String(Math.floor(Date.now() / 1000)), ...s })) });
  },
  text: (body: string, extra: Record<string, unknown> = {}) => ({ type: "text", text: { body }, ...extra }),
  buttonReply: (id: string, title = "x") => ({ type: "interactive", interactive: { type: "button_reply", button_reply: { id, title } } }),
  listReply: (id: string, title = "x") => ({ type: "interactive", interactive: { type: "list_reply", list_reply: { id, title, description: "" } } }),
};

function envelope(value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA_ID",
        changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "77000000000", phone_number_id: PHONE_NUMBER_ID }, ...value } }],
      },
    ],
  };
}
