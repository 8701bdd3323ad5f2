/**
 * A Telegram Bot API stand-in: a real HTTP server on loopback that the real grammY client talks
 * to (point `TELEGRAM_API_ROOT`, i.e. grammY's `client.apiRoot`, at `standIn.apiRoot`).
 *
 * It answers the methods Jol calls from a **method table** (`standIn.methods`, name → handler),
 * records every call (`standIn.calls`), queues updates for `getUpdates` (with `offset` and a
 * long-poll `timeout`) or POSTs them to the bot's webhook with a secret header, and can be told
 * to fail the next N calls of a method or to a chat with 429 `retry_after`, 403, 5xx (`fail`).
 *
 * ## Extending it (forum topics, new methods)
 *
 * A handler gets the call's payload (JSON already decoded; multipart fields decoded too) and the
 * stand-in, and returns the `result` Telegram would return. To answer an API error, throw
 * `new ApiFault(400, "Bad Request: ...")`. Register it with `define` — from a helper of your own,
 * not by editing this file:
 *
 * ```ts
 * import { BotApiStandIn, ApiFault } from "../support/bot-api/index.ts";
 *
 * export async function startForumStandIn(): Promise<BotApiStandIn> {
 *   const api = await BotApiStandIn.start();
 *   api.define("createForumTopic", (p) => ({
 *     message_thread_id: api.nextId(`topic:${String(p.chat_id)}`),
 *     name: String(p.name),
 *     icon_color: 0x6fb9f0,
 *   }));
 *   api.define("closeForumTopic", (p) => {
 *     if (typeof p.message_thread_id !== "number") throw new ApiFault(400, "Bad Request: message thread not found");
 *     return true;
 *   });
 *   return api;
 * }
 * ```
 *
 * The default `sendMessage` (and the other `send*` methods) already echo `message_thread_id`
 * into the returned message (`is_topic_message: true`), keep every sent message
 * (`standIn.message(chatId, messageId)`), and `standIn.sentTo(chatId)` lists them.
 * Recorded calls keep the full payload, so a test can assert on any field.
 *
 * ## Faults
 *
 * ```ts
 * api.fail({ method: "sendMessage", times: 1, code: 429, retryAfter: 1 }); // next sendMessage: 429
 * api.fail({ chatId: 42, times: Infinity, code: 403 });                   // user 42 blocked the bot
 * ```
 *
 * A failed call is recorded with `fault` set, so `callsOf("sendMessage")` counts retries.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EventEmitter } from "node:events";
import type { Message, Update, User } from "grammy/types";
import { RateLimits, SEND_METHODS, type LimitOptions } from "./limits.ts";
import { WebhookDelivery, type WebhookDeliveryOptions } from "./webhook-delivery.ts";

/** A decoded method payload. Values are whatever the bot sent (JSON). */
// Payloads are arbitrary Bot API JSON; handlers narrow the fields they read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Payload = Record<string, any>;

/** Answers one Bot API method: returns Telegram's `result`, or throws `ApiFault`. */
export type MethodHandler = (payload: Payload, api: BotApiStandIn, call: RecordedCall) => unknown;

/** An error answer (`{ ok: false, error_code, description, parameters }`). */
export class ApiFault extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number },
  ) {
    super(`${code}: ${description}`);
    this.name = "ApiFault";
  }
}

/** One call the bot made, in arrival order. */
export interface RecordedCall {
  seq: number;
  method: string;
  payload: Payload;
  /** The bot token in the URL (two bots may share one stand-in). */
  token: string;
  /** `Date.now()` when it arrived (for ordering and pacing checks, not for wall-clock asserts). */
  at: number;
  /** What the stand-in answered (the sent `Message` for send methods), when it succeeded. */
  result?: unknown;
  /** True while the stand-in has not answered yet (a long poll, a slow handler). */
  pending?: boolean;
  /** Set when the stand-in answered with an error. */
  fault?: { code: number; description: string; retryAfter?: number };
}

/** A rule that makes matching calls fail. Counted down per matching call. */
export interface FaultRule {
  /** Only this method (default: any method that matched `chatId`). */
  method?: string;
  /** Only calls whose `chat_id` is this chat. */
  chatId?: number | string;
  /** How many matching calls fail (Infinity: until `clearFaults`). */
  times: number;
  code: 429 | 403 | 400 | 500 | 502 | number;
  /** For 429: seconds the bot must wait. */
  retryAfter?: number;
  /** Default: Telegram's wording for the code. */
  description?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: "Bad Request: chat not found",
  403: "Forbidden: bot was blocked by the user",
  409: "Conflict: terminated by other getUpdates request",
  429: "Too Many Requests: retry after",
  500: "Internal Server Error",
  502: "Bad Gateway",
};

export interface StandInOptions {
  /** What `getMe` returns (id, username). */
  bot?: Partial<User>;
  /** Upper bound on a `getUpdates` long poll, seconds (default 30, like Telegram's useful maximum). */
  maxPollSeconds?: number;
  /**
   * Enforce Telegram's sending limits (see `limits.ts`): a send over them is answered 429 with
   * `retry_after` and counted in `standIn.limits.refused`. `true`: Telegram's figures.
   */
  limits?: LimitOptions | boolean;
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
}

/** One message the bot sent successfully, as the scenarios count them. */
export interface SentRecord {
  seq: number;
  /** `Date.now()` when the send arrived. */
  at: number;
  chatId: string;
  method: string;
  /** The text, or the caption of a media message. */
  text: string;
}

interface Waiter {
  resolve: (updates: Update[]) => void;
  timer: NodeJS.Timeout;
  limit: number;
}

/**
 * The stand-in server. Start with `await BotApiStandIn.start()`, stop with `await api.close()`.
 *
 * @example
 * const api = await BotApiStandIn.start();
 * const bot = new Bot("123:ABCDEFGHIJKLMNOPQRSTUVWXYZ", { client: { apiRoot: api.apiRoot } });
 * api.pushUpdate(updates.text(user, "hello"));
 * const [call] = await api.waitForCalls("sendMessage", 1);
 */
export class BotApiStandIn {
  /** Method name → handler. Add or replace entries with `define`. */
  readonly methods = new Map<string, MethodHandler>();
  /** Every call, in order (including failed ones and unknown methods). */
  readonly calls: RecordedCall[] = [];
  /** The current webhook (`setWebhook`), or null. */
  webhook: { url: string; secret?: string; allowedUpdates?: string[] } | null = null;
  /** Commands per `language_code` ("" for the default) and scope type, from `setMyCommands`. */
  readonly commands = new Map<string, Array<{ command: string; description: string }>>();
  /** The enforced sending limits and their 429 count, when started with `limits`. */
  readonly limits: RateLimits | undefined;
  /** Webhook delivery (Telegram posting updates), once `deliverToWebhook` was called. */
  delivery: WebhookDelivery | undefined;

  private readonly server: Server;
  private readonly events = new EventEmitter();
  private readonly queue: Update[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly faults: FaultRule[] = [];
  private readonly counters = new Map<string, number>();
  private readonly messages = new Map<string, Message>();
  private seq = 0;
  private lastUpdateId = 100_000;
  private port = 0;
  private readonly options: Required<Omit<StandInOptions, "limits" | "port">>;

  private constructor(options: StandInOptions) {
    this.options = {
      bot: options.bot ?? {},
      maxPollSeconds: options.maxPollSeconds ?? 30,
    };
    if (options.limits) this.limits = new RateLimits(options.limits === true ? {} : options.limits);
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => void this.serve(req, res));
    for (const [name, handler] of Object.entries(defaultMethods)) this.methods.set(name, handler);
  }

  /** Start on 127.0.0.1 with a random free port. */
  static async start(options: StandInOptions = {}): Promise<BotApiStandIn> {
    const api = new BotApiStandIn(options);
    await new Promise<void>((resolve, reject) => {
      api.server.once("error", reject);
      api.server.listen(options.port ?? 0, "127.0.0.1", resolve);
    });
    api.port = (api.server.address() as AddressInfo).port;
    return api;
  }

  /** The value for grammY's `client.apiRoot` / `TELEGRAM_API_ROOT` (no trailing slash). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Add or replace a method's handler. */
  define(method: string, handler: MethodHandler): this {
    this.methods.set(method, handler);
    return this;
  }

  /** A fresh integer per `scope` (message ids per chat, topic ids, file ids...), starting at 1. */
  nextId(scope: string): number {
    const next = (this.counters.get(scope) ?? 0) + 1;
    this.counters.set(scope, next);
    return next;
  }

  /** The bot user `getMe` returns. */
  get me(): User & { username: string } {
    return {
      id: 7000001,
      is_bot: true,
      first_name: "Jol Test",
      username: "jol_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      ...this.options.bot,
    } as User & { username: string };
  }

  // --- updates ---------------------------------------------------------------------------

  /**
   * Queue an update for `getUpdates`. Without `update_id` one is assigned (increasing).
   * Queuing an update with the same `update_id` again (before it is confirmed) simulates a
   * redelivery.
   */
  pushUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    const full = this.withId(update);
    if (this.delivery) {
      this.delivery.push(full);
      return full;
    }
    this.queue.push(full);
    this.flushWaiters();
    return full;
  }

  /**
   * POST an update to the bot's webhook, like Telegram does, and return the HTTP status and
   * body. Defaults: the URL and secret from the last `setWebhook`. `secret: null` sends no
   * secret header; a string sends that one (a wrong secret, for a test).
   */
  async postUpdate(
    update: Omit<Update, "update_id"> & { update_id?: number },
    options: { url?: string; secret?: string | null } = {},
  ): Promise<{ status: number; body: string; update: Update }> {
    const url = options.url ?? this.webhook?.url;
    if (!url) throw new Error("postUpdate: no webhook is set; call setWebhook from the bot first or pass { url }");
    const full = this.withId(update);
    const secret = options.secret === undefined ? this.webhook?.secret : options.secret;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (secret !== null && secret !== undefined) headers["x-telegram-bot-api-secret-token"] = secret;
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(full) });
    return { status: response.status, body: await response.text(), update: full };
  }

  /**
   * Switch to webhook delivery: from now on `pushUpdate` POSTs each update to the bot (the URL
   * and secret of its `setWebhook`, or `options.targets`) and retries until it answers 200 (see
   * `webhook-delivery.ts`).
   */
  deliverToWebhook(options: WebhookDeliveryOptions = {}): WebhookDelivery {
    this.delivery?.stop();
    this.delivery = new WebhookDelivery({ url: () => this.webhook?.url, secret: () => this.webhook?.secret }, options);
    return this.delivery;
  }

  /** Updates still queued (not yet confirmed by a later `offset`). */
  get pendingUpdates(): number {
    return this.queue.length;
  }

  private withId(update: Omit<Update, "update_id"> & { update_id?: number }): Update {
    if (update.update_id === undefined) return { ...update, update_id: ++this.lastUpdateId } as Update;
    this.lastUpdateId = Math.max(this.lastUpdateId, update.update_id);
    return update as Update;
  }

  // --- faults ----------------------------------------------------------------------------

  /** Make the next `times` matching calls fail with `code` (see `FaultRule`). */
  fail(rule: FaultRule): this {
    this.faults.push({ ...rule });
    return this;
  }

  clearFaults(): this {
    this.faults.length = 0;
    return this;
  }

  // --- inspection --------------------------------------------------------------------------

  /** Calls of one method (optionally only answered successful ones — `ok: true` — or failed ones, or to one chat). */
  callsOf(method: string, filter: { chatId?: number | string; ok?: boolean } = {}): RecordedCall[] {
    return this.calls.filter(
      (c) =>
        c.method === method &&
        (filter.chatId === undefined || String(c.payload.chat_id) === String(filter.chatId)) &&
        (filter.ok === undefined || (filter.ok ? !c.pending && c.fault === undefined : c.fault !== undefined)),
    );
  }

  /** Every message sent successfully (any send method), in arrival order, for counting replies. */
  sentLog(): SentRecord[] {
    const out: SentRecord[] = [];
    for (const c of this.calls) {
      if (c.pending || c.fault || !SEND_METHODS.test(c.method)) continue;
      const text = c.payload.text ?? c.payload.caption;
      out.push({ seq: c.seq, at: c.at, chatId: String(c.payload.chat_id), method: c.method, text: typeof text === "string" ? text : "" });
    }
    return out;
  }

  /** Messages successfully sent to a chat (any `send*` method), oldest first. */
  sentTo(chatId: number | string): Message[] {
    return [...this.messages.values()]
      .filter((m) => String(m.chat.id) === String(chatId))
      .sort((a, b) => a.message_id - b.message_id);
  }

  /** A message the bot sent (and may have edited since). */
  message(chatId: number | string, messageId: number): Message | undefined {
    return this.messages.get(`${String(chatId)}:${messageId}`);
  }

  /** Keep a message the bot sent or edited (for handlers of new send-like methods). */
  keepMessage(message: Message): Message {
    this.messages.set(`${String(message.chat.id)}:${message.message_id}`, message);
    return message;
  }

  /**
   * Resolve once `predicate` holds for the recorded calls (checked on every call), with those
   * calls; reject after `timeoutMs` naming what was awaited and what was seen.
   */
  waitFor<T>(
    predicate: (calls: RecordedCall[]) => T | undefined | false | null,
    options: { timeoutMs?: number; what?: string } = {},
  ): Promise<T> {
    const check = () => predicate(this.calls);
    const first = check();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const onCall = () => {
        const value = check();
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.calls.map((c) => c.method + (c.fault ? `!${c.fault.code}` : "")).join(", ");
        reject(new Error(`stand-in: timed out waiting for ${options.what ?? "a condition"}; calls so far: ${seen || "none"}`));
      }, options.timeoutMs ?? 5000);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("call", onCall);
      };
      this.events.on("call", onCall);
    });
  }

  /** Wait until at least `count` successful calls of `method` (optionally to `chatId`) were made after call number `after`. */
  waitForCalls(
    method: string,
    count: number,
    options: { chatId?: number | string; after?: number; timeoutMs?: number } = {},
  ): Promise<RecordedCall[]> {
    const after = options.after ?? 0;
    return this.waitFor(
      () => {
        const found = this.callsOf(method, { chatId: options.chatId, ok: true }).filter((c) => c.seq > after);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: options.timeoutMs, what: `${count} × ${method}${options.chatId === undefined ? "" : ` to ${options.chatId}`}` },
    );
  }

  /** The number of the last recorded call (pass as `after` to wait only for newer ones). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Forget calls, messages, queued updates, faults and the webhook. */
  reset(): void {
    this.calls.length = 0;
    this.messages.clear();
    this.queue.length = 0;
    this.faults.length = 0;
    this.webhook = null;
    this.commands.clear();
  }

  /** Answer pending long polls with no updates and stop the server. */
  async close(): Promise<void> {
    this.delivery?.stop();
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve([]);
    }
    this.waiters.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // --- getUpdates ----------------------------------------------------------------------------

  /**
   * The long poll behind `getUpdates`, as Telegram does it: updates below `offset` are confirmed
   * and forgotten; every other queued update is returned (again, if an earlier poll returned it
   * but no later `offset` confirmed it — which is how a restarted bot sees a redelivery).
   */
  pollUpdates(payload: Payload, onAbort: (cancel: () => void) => void): Promise<Update[]> {
    if (this.webhook) {
      throw new ApiFault(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    const offset = typeof payload.offset === "number" ? payload.offset : 0;
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i]!.update_id < offset) this.queue.splice(i, 1);
    }
    const limit = typeof payload.limit === "number" && payload.limit > 0 ? Math.min(payload.limit, 100) : 100;
    const ready = this.queue.slice(0, limit);
    const timeout = Math.min(typeof payload.timeout === "number" ? payload.timeout : 0, this.options.maxPollSeconds);
    if (ready.length > 0 || timeout <= 0) return Promise.resolve(ready);
    return new Promise<Update[]>((resolve) => {
      const waiter: Waiter = {
        limit,
        resolve: (updates) => {
          this.waiters.delete(waiter);
          clearTimeout(waiter.timer);
          resolve(updates);
        },
        timer: setTimeout(() => waiter.resolve([]), timeout * 1000),
      };
      this.waiters.add(waiter);
      onAbort(() => {
        // The client went away (bot stopped): drop the waiter, deliver nothing.
        this.waiters.delete(waiter);
        clearTimeout(waiter.timer);
      });
    });
  }

  private flushWaiters(): void {
    for (const waiter of [...this.waiters]) waiter.resolve(this.queue.slice(0, waiter.limit));
  }

  // --- HTTP ------------------------------------------------------------------------------------

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? "").split("?")[0] ?? "");
    if (!match || req.method !== "POST") {
      return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    }
    const [, token, method] = match as unknown as [string, string, string];
    let payload: Payload;
    try {
      payload = await readPayload(req);
    } catch (error) {
      return send(res, 400, { ok: false, error_code: 400, description: `Bad Request: ${(error as Error).message}` });
    }
    const call: RecordedCall = { seq: ++this.seq, method, payload, token, at: Date.now(), pending: true };
    this.calls.push(call);
    // Announce arrivals too, so a waiter sees a call that is still in progress (a long poll).
    this.events.emit("call", call);
    try {
      const fault = this.matchFault(method, payload);
      if (fault) throw fault;
      const retryAfter = this.limits?.check(method, payload.chat_id, call.at);
      if (retryAfter !== undefined) throw new ApiFault(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
      const handler = this.methods.get(method);
      if (!handler) throw new ApiFault(404, `Not Found: method ${method} is not in the stand-in's method table (add it with define)`);
      let result: unknown;
      if (method === "getUpdates") {
        result = await this.pollUpdates(payload, (cancel) => res.on("close", () => res.writableFinished || cancel()));
      } else {
        result = await handler(payload, this, call);
      }
      call.result = result;
      delete call.pending;
      this.events.emit("call", call);
      if (!res.destroyed) send(res, 200, { ok: true, result });
    } catch (error) {
      const fault = error instanceof ApiFault ? error : new ApiFault(500, `Internal Server Error: ${(error as Error).message}`);
      call.fault = { code: fault.code, description: fault.description, retryAfter: fault.parameters?.retry_after };
      delete call.pending;
      this.events.emit("call", call);
      if (!res.destroyed) {
        send(res, fault.code, {
          ok: false,
          error_code: fault.code,
          description: fault.description,
          ...(fault.parameters ? { parameters: fault.parameters } : {}),
        });
      }
    }
  }

  private matchFault(method: string, payload: Payload): ApiFault | undefined {
    for (const rule of this.faults) {
      if (rule.times <= 0) continue;
      if (rule.method !== undefined && rule.method !== method) continue;
      if (rule.chatId !== undefined && String(payload.chat_id) !== String(rule.chatId)) continue;
      if (rule.method === undefined && rule.chatId === undefined) continue;
      rule.times -= 1;
      const description =
        rule.description ?? (rule.code === 429 ? `Too Many Requests: retry after ${rule.retryAfter ?? 1}` : (DESCRIPTIONS[rule.code] ?? "Error"));
      return new ApiFault(rule.code, description, rule.code === 429 ? { retry_after: rule.retryAfter ?? 1 } : undefined);
    }
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** Decode a JSON or multipart body (grammY uses multipart when a file is uploaded). */
async function readPayload(req: IncomingMessage): Promise<Payload> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (raw.length === 0) return {};
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData();
    const out: Payload = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") {
        try {
          out[key] = JSON.parse(value);
        } catch {
          out[key] = value;
        }
      } else {
        out[key] = { upload: value.name, size: value.size };
      }
    }
    return out;
  }
  return JSON.parse(raw.toString("utf8")) as Payload;
}

// --- the default method table ------------------------------------------------------------------

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_DATA = 64;

function requireChat(p: Payload): number | string {
  if (p.chat_id === undefined || p.chat_id === null || p.chat_id === "") throw new ApiFault(400, "Bad Request: chat_id is empty");
  return p.chat_id as number | string;
}

function checkMarkup(markup: unknown): void {
  if (markup === undefined) return;
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return;
  if (!Array.isArray(rows)) throw new ApiFault(400, "Bad Request: can't parse reply keyboard markup JSON object");
  for (const row of rows) {
    if (!Array.isArray(row)) throw new ApiFault(400, "Bad Request: can't parse inline keyboard button");
    for (const button of row as Array<{ text?: unknown; callback_data?: unknown; url?: unknown }>) {
      if (typeof button.text !== "string" || button.text === "") throw new ApiFault(400, "Bad Request: text buttons are unallowed in the inline keyboard");
      if (button.callback_data !== undefined) {
        if (typeof button.callback_data !== "string" || Buffer.byteLength(button.callback_data) > MAX_CALLBACK_DATA || button.callback_data === "") {
          throw new ApiFault(400, "Bad Request: BUTTON_DATA_INVALID");
        }
      }
    }
  }
}

/** Build and keep the `Message` a send-like method returns. Use it in handlers of new send methods. */
export function sentMessage(api: BotApiStandIn, p: Payload, extra: Partial<Message> = {}): Message {
  const chatId = requireChat(p);
  checkMarkup(p.reply_markup);
  const numeric = typeof chatId === "number" ? chatId : Number(chatId);
  const message = {
    message_id: api.nextId(`msg:${String(chatId)}`),
    date: Math.floor(Date.now() / 1000),
    chat: numeric < 0 ? { id: numeric, type: "supergroup", title: "Group" } : { id: numeric, type: "private", first_name: "User" },
    from: { id: api.me.id, is_bot: true, first_name: api.me.first_name, username: api.me.username },
    ...(p.message_thread_id !== undefined ? { message_thread_id: p.message_thread_id, is_topic_message: true } : {}),
    ...(p.reply_markup?.inline_keyboard ? { reply_markup: p.reply_markup } : {}),
    ...extra,
  } as Message;
  return api.keepMessage(message);
}

function sendMedia(field: string): MethodHandler {
  return (p, api) => {
    if (p[field] === undefined) throw new ApiFault(400, `Bad Request: there is no ${field} in the request`);
    if (typeof p.caption === "string" && p.caption.length > MAX_CAPTION) throw new ApiFault(400, "Bad Request: message caption is too long");
    return sentMessage(api, p, { caption: p.caption, [field]: field === "photo" ? [{ file_id: "photo" }] : { file_id: field } } as Partial<Message>);
  };
}

function findMessage(api: BotApiStandIn, p: Payload): Message {
  const chatId = requireChat(p);
  const message = api.message(chatId, Number(p.message_id));
  if (!message) throw new ApiFault(400, "Bad Request: message to edit not found");
  return message;
}

/**
 * What the stand-in answers out of the box. Handlers validate what Telegram validates and Jol
 * could get wrong (text length, empty text, callback data over 64 bytes, editing a message that
 * does not exist), so a test fails the way production would.
 */
export const defaultMethods: Record<string, MethodHandler> = {
  getMe: (_p, api) => api.me,
  // getUpdates is served by BotApiStandIn.pollUpdates (it needs the connection to notice aborts).
  getUpdates: () => [],
  setWebhook: (p, api) => {
    if (typeof p.url !== "string") throw new ApiFault(400, "Bad Request: bad webhook: URL is empty");
    if (p.url === "") {
      api.webhook = null;
      return true;
    }
    api.webhook = { url: p.url, secret: p.secret_token, allowedUpdates: p.allowed_updates };
    return true;
  },
  deleteWebhook: (_p, api) => {
    api.webhook = null;
    return true;
  },
  getWebhookInfo: (_p, api) => ({
    url: api.webhook?.url ?? "",
    has_custom_certificate: false,
    pending_update_count: api.pendingUpdates,
    ...(api.webhook?.allowedUpdates ? { allowed_updates: api.webhook.allowedUpdates } : {}),
  }),
  setMyCommands: (p, api) => {
    if (!Array.isArray(p.commands)) throw new ApiFault(400, "Bad Request: commands must be an array");
    for (const c of p.commands as Array<{ command?: string; description?: string }>) {
      if (typeof c.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw new ApiFault(400, "Bad Request: BOT_COMMAND_INVALID");
      if (typeof c.description !== "string" || c.description.length < 1 || c.description.length > 256) {
        throw new ApiFault(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
      }
    }
    const scope = (p.scope as { type?: string } | undefined)?.type ?? "default";
    api.commands.set(`${scope}:${(p.language_code as string | undefined) ?? ""}`, p.commands);
    return true;
  },
  deleteMyCommands: () => true,
  sendMessage: (p, api) => {
    if (typeof p.text !== "string" || p.text.trim() === "") throw new ApiFault(400, "Bad Request: message text is empty");
    if (p.text.length > MAX_TEXT) throw new ApiFault(400, "Bad Request: message is too long");
    return sentMessage(api, p, { text: p.text } as Partial<Message>);
  },
  sendPhoto: sendMedia("photo"),
  sendDocument: sendMedia("document"),
  sendVoice: sendMedia("voice"),
  sendVideo: sendMedia("video"),
  sendAudio: sendMedia("audio"),
  sendSticker: sendMedia("sticker"),
  sendChatAction: (p) => {
    requireChat(p);
    return true;
  },
  editMessageText: (p, api) => {
    const message = findMessage(api, p);
    if (typeof p.text !== "string" || p.text.trim() === "") throw new ApiFault(400, "Bad Request: message text is empty");
    if (p.text.length > MAX_TEXT) throw new ApiFault(400, "Bad Request: message is too long");
    checkMarkup(p.reply_markup);
    const edited = { ...message, text: p.text, edit_date: Math.floor(Date.now() / 1000) } as Message;
    if (p.reply_markup?.inline_keyboard) (edited as { reply_markup?: unknown }).reply_markup = p.reply_markup;
    else delete (edited as { reply_markup?: unknown }).reply_markup;
    return api.keepMessage(edited);
  },
  editMessageReplyMarkup: (p, api) => {
    const message = findMessage(api, p);
    checkMarkup(p.reply_markup);
    const before = JSON.stringify((message as { reply_markup?: unknown }).reply_markup ?? null);
    const after = JSON.stringify(p.reply_markup?.inline_keyboard?.length ? p.reply_markup : null);
    if (before === after) {
      throw new ApiFault(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    const edited = { ...message, edit_date: Math.floor(Date.now() / 1000) } as Message;
    if (p.reply_markup?.inline_keyboard?.length) (edited as { reply_markup?: unknown }).reply_markup = p.reply_markup;
    else delete (edited as { reply_markup?: unknown }).reply_markup;
    return api.keepMessage(edited);
  },
  answerCallbackQuery: (p) => {
    if (typeof p.callback_query_id !== "string" || p.callback_query_id === "") throw new ApiFault(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
    if (typeof p.text === "string" && p.text.length > 200) throw new ApiFault(400, "Bad Request: MESSAGE_TOO_LONG");
    return true;
  },
  deleteMessage: (p, api) => {
    findMessage(api, p);
    return true;
  },
  leaveChat: () => true,
};
