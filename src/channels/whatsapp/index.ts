import { rm } from "node:fs/promises";
import type { Config } from "../../config/schema.ts";
import type { Clock } from "../../core/clock.ts";
import type { Store } from "../../store/store.ts";
import type { Router } from "../../router/router.ts";
import { DeliveryError, type Channel } from "../channel.ts";
import { userKey, type Address } from "../../core/address.ts";
import { type Inbound, type Outbound } from "../../core/messages.ts";
import { hashId, type Logger } from "../../core/log.ts";
import type { WhatsAppClientLike } from "./client.ts";
import { buildWhatsAppClient } from "./build-client.ts";
import { showPairingCode, showQr } from "./pairing.ts";
import { PaceQueue, realTimer, type PaceTimer } from "./pace.ts";
import { renderOutbound } from "./render.ts";
import { editToInbound, toInbound } from "./to-inbound.ts";
import { parseOutboxEntry, WHATSAPP_OUTBOX_KEY } from "./outbox.ts";

export type { WhatsAppClientLike, WaMessageLike, WhatsAppEvents } from "./client.ts";
export { RedisAuthStore } from "./redis-auth-store.ts";
export { createWhatsAppOutbox, WHATSAPP_OUTBOX_KEY } from "./outbox.ts";

/** What the WhatsApp channel needs from the app (the running `App` has all of it). */
export interface WhatsAppChannelDeps {
  /** The WhatsApp settings (the client is built from them). */
  config: Config;
  log: Logger;
  clock: Clock;
  /** The shared outbox, and the paired session with WHATSAPP_AUTH=remote. */
  store: Store;
  /** Where every message goes. */
  router: Pick<Router, "handle">;
}

/** What tests (and unusual deployments) may replace. Everything has a production default. */
export interface WhatsAppChannelOptions {
  /** A client to use instead of building whatsapp-web.js' `Client` (tests inject a fake). */
  client?: WhatsAppClientLike;
  /** Removes the saved session after `auth_failure`; default: the one that goes with the built client. */
  clearAuth?: () => Promise<void>;
  /** Time for pacing and reconnect backoff. */
  timer?: PaceTimer;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Where the operator sees the pairing QR or code; default stdout. */
  print?: (text: string) => void;
  /** Show "typing…" while a reply is composed or a paced message waits. Default true. */
  typing?: boolean;
  /** Longest single message; longer texts are split at paragraphs. */
  maxChars?: number;
  /** How long a bot-initiated message waits for a disconnected client before it fails. Default 2 min. */
  readyTimeoutMs?: number;
  /** Reconnect backoff: first pause and cap. Default 5 s, doubling up to 5 min. */
  reconnect?: { baseMs?: number; maxMs?: number };
  /** How long `stop()` lets queued messages go out before closing the browser. Default 15 s. */
  stopGraceMs?: number;
  /**
   * How often the shared outbox (messages other processes left for WhatsApp users, see
   * `outbox.ts`) is checked while it is empty. Default 1 s; 0 turns the outbox off.
   */
  outboxPollMs?: number;
}

/**
 * The WhatsApp channel: whatsapp-web.js (WhatsApp Web in a headless Chromium, linked to the
 * NGO's phone like WhatsApp Desktop) wired to Jol's router.
 *
 * - Only private chats are conversations; groups, status updates and our own messages are ignored.
 * - Replies to a user's message go out at once; messages the bot starts (`send`: a consultant's
 *   reply, an alert) go through the pace queue, because WhatsApp bans numbers that send in bursts.
 * - Pairing: a QR code in the terminal and as a PNG (`WHATSAPP_QR_PNG`), or a phone-number code
 *   with `WHATSAPP_PAIR_PHONE`. Disconnects reconnect with capped exponential backoff.
 *
 * `jol start` calls this when `WHATSAPP_ENABLED=1`.
 *
 * @example
 * const channel = createWhatsAppChannel(app);
 * app.channels.add(channel);
 * await channel.start();
 */
export function createWhatsAppChannel(deps: WhatsAppChannelDeps, options: WhatsAppChannelOptions = {}): WhatsAppChannel {
  return new WhatsAppChannel(deps, options);
}

/** The channel `createWhatsAppChannel` returns: a `Channel`, plus `idle()` for tests and shutdown. */
export class WhatsAppChannel implements Channel {
  readonly name = "whatsapp" as const;
  private client: WhatsAppClientLike | undefined;
  private clearAuth: (() => Promise<void>) | undefined;
  private readonly log: Logger;
  private readonly timer: PaceTimer;
  private readonly pace: PaceQueue;
  private readonly print: (text: string) => void;
  private ready = false;
  private readyWaiters: Array<() => void> = [];
  private stopped = false;
  private stopping = false;
  /** Aborted by `stop()`: cuts short every pause (backoff, waiting for ready, the grace period). */
  private halt = new AbortController();
  private wasAuthenticated = false;
  private pairingRequested = false;
  private lastCode: string | undefined;
  private qrWritten = false;
  private reconnectAttempts = 0;
  private reconnecting = false;
  private outboxTimer: NodeJS.Timeout | undefined;
  private outboxRun: Promise<void> = Promise.resolve();
  /** Per chat, the handling of its latest message: the next one waits for it (order within a chat). */
  private readonly chats = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: WhatsAppChannelDeps,
    private readonly options: WhatsAppChannelOptions,
  ) {
    this.log = deps.log.child({ channel: "whatsapp" });
    this.timer = options.timer ?? realTimer;
    this.print = options.print ?? ((text) => process.stdout.write(text + "\n"));
    this.pace = new PaceQueue({
      paceMs: deps.config.WHATSAPP_PACE_MS,
      timer: this.timer,
      ...(options.random ? { random: options.random } : {}),
    });
    this.client = options.client;
    this.clearAuth = options.clearAuth;
  }

  async start(): Promise<void> {
    if (!this.client) {
      const built = await buildWhatsAppClient(this.deps.config, this.deps.store);
      this.client = built.client;
      this.clearAuth ??= built.clearAuth;
    }
    this.stopped = false;
    this.halt = new AbortController();
    this.pace.open();
    this.listen(this.client);
    this.log.info("whatsapp starting", { auth: this.deps.config.WHATSAPP_AUTH, pace_ms: this.deps.config.WHATSAPP_PACE_MS });
    try {
      await this.client.initialize();
    } catch (error) {
      await this.client.destroy().catch(() => undefined); // no browser left behind
      throw new Error(
        `WhatsApp did not start: ${(error as Error).message}. ` +
          "Check that Chromium runs (PUPPETEER_EXECUTABLE_PATH) and that this host reaches web.whatsapp.com; see docs/whatsapp.md.",
      );
    }
    this.scheduleOutbox();
  }

  /** The WhatsApp Web session is ready (paired and connected). */
  connected(): boolean {
    return this.ready;
  }

  async stop(): Promise<void> {
    if (this.stopped || this.stopping) return;
    this.stopping = true; // take nothing more from the outbox: it stays in Redis for the next start
    if (this.outboxTimer) clearTimeout(this.outboxTimer);
    const grace = this.options.stopGraceMs ?? 15_000;
    const inFlight = Promise.allSettled([this.outboxRun, this.pace.drain(), ...this.chats.values()]);
    const graceOver = new AbortController();
    const finished = await Promise.race([
      inFlight.then(() => true),
      this.timer.sleep(grace, graceOver.signal).then(() => false),
    ]);
    graceOver.abort();
    if (!finished) this.log.warn("whatsapp stopping with messages still queued; their senders get a delivery error", { pending: this.pace.pending });
    this.stopped = true;
    this.stopping = false;
    this.ready = false;
    if (this.outboxTimer) clearTimeout(this.outboxTimer);
    this.halt.abort();
    this.pace.close();
    this.wakeWaiters();
    await this.outboxRun;
    const client = this.client;
    if (!client) return;
    client.removeAllListeners();
    try {
      await client.destroy();
    } catch (error) {
      this.log.warn("whatsapp browser did not close cleanly", { error: (error as Error).message });
    }
    this.log.info("whatsapp stopped");
  }

  /** Resolves when every message received so far has been answered (tests; orderly shutdown). */
  async idle(): Promise<void> {
    while (this.chats.size > 0) await Promise.allSettled([...this.chats.values()]);
  }

  /**
   * Bot-initiated messages: paced, each chunk its own turn. The chunks of one call are queued
   * together, so they arrive together and in order; once one fails, the rest of that call is
   * not sent (it would make no sense alone) and the call rejects with the first error.
   */
  async send(address: Address, messages: Outbound[]): Promise<void> {
    const chunks = messages.flatMap((message) => this.render(message));
    let failed = false;
    const turns = chunks.map((chunk) =>
      this.pace.run(
        async () => {
          if (failed) return;
          try {
            if (this.stopped) throw new DeliveryError(address, "the WhatsApp channel is stopping");
            await this.waitReady(address);
            await this.sendMessage(address, chunk);
          } catch (error) {
            failed = true;
            throw error;
          }
        },
        () => this.typing(address.id),
      ),
    );
    const outcomes = await Promise.allSettled(turns);
    const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (rejected) throw rejected.reason;
  }

  private render(message: Outbound): string[] {
    return renderOutbound(message, this.options.maxChars === undefined ? {} : { maxChars: this.options.maxChars });
  }

  private listen(client: WhatsAppClientLike): void {
    client.on("qr", (qr) => void this.onQr(qr));
    client.on("code", (code) => this.onCode(code));
    client.on("authenticated", () => {
      this.wasAuthenticated = true;
      this.log.info("whatsapp authenticated");
    });
    client.on("auth_failure", (message) => void this.onAuthFailure(message));
    client.on("ready", () => this.onReady());
    client.on("disconnected", (reason) => this.onDisconnected(String(reason)));
    client.on("message", (msg) => this.enqueueInbound(toInbound(msg)));
    client.on("message_edit", (msg, newBody) => this.enqueueInbound(editToInbound(msg, newBody)));
  }

  private async onQr(qr: string): Promise<void> {
    if (this.wasAuthenticated) {
      this.wasAuthenticated = false;
      this.log.warn("whatsapp pairing needed again: the session ended (a new pairing code or QR follows)");
    }
    const phone = this.deps.config.WHATSAPP_PAIR_PHONE;
    if (phone) {
      if (this.pairingRequested || !this.client) return;
      this.pairingRequested = true;
      try {
        this.onCode(await this.client.requestPairingCode(phone, true));
      } catch (error) {
        this.pairingRequested = false;
        this.log.error("whatsapp pairing code request failed; unset WHATSAPP_PAIR_PHONE to pair by QR", { error: (error as Error).message });
      }
      return;
    }
    this.qrWritten = true;
    await showQr(qr, { pngPath: this.deps.config.WHATSAPP_QR_PNG, log: this.log, print: this.print });
  }

  private onCode(code: string): void {
    if (code === this.lastCode) return;
    this.lastCode = code;
    showPairingCode(code, this.print);
  }

  private onReady(): void {
    this.ready = true;
    this.wasAuthenticated = true;
    this.pairingRequested = false;
    this.reconnectAttempts = 0;
    this.log.info("whatsapp ready");
    this.wakeWaiters();
    if (this.qrWritten) {
      // A scanned QR is useless; do not leave it lying around.
      this.qrWritten = false;
      void rm(this.deps.config.WHATSAPP_QR_PNG, { force: true }).catch(() => undefined);
    }
  }

  private async onAuthFailure(message: string): Promise<void> {
    this.ready = false;
    this.log.error("whatsapp pairing needed again: WhatsApp rejected the saved session; it is removed and a new pairing code or QR follows", {
      reason: message,
    });
    try {
      await this.clearAuth?.();
    } catch (error) {
      this.log.error("whatsapp could not remove the rejected session; delete it by hand (see docs/whatsapp.md)", { error: (error as Error).message });
    }
    this.scheduleReconnect();
  }

  private onDisconnected(reason: string): void {
    this.ready = false;
    this.pairingRequested = false;
    if (this.stopped) return;
    if (reason === "LOGOUT") {
      // whatsapp-web.js reloads the page itself and shows a new QR: nothing to restart.
      this.wasAuthenticated = false;
      this.log.warn("whatsapp logged out from the phone: pairing needed again (a new pairing code or QR follows)");
      return;
    }
    this.log.warn("whatsapp disconnected; reconnecting", { reason });
    this.scheduleReconnect();
  }

  /** `initialize()` again after a pause that doubles on every failure, up to the cap. */
  private scheduleReconnect(): void {
    if (this.reconnecting || this.stopped) return;
    this.reconnecting = true;
    void (async () => {
      while (!this.stopped && !this.ready) {
        const base = this.options.reconnect?.baseMs ?? 5_000;
        const max = this.options.reconnect?.maxMs ?? 300_000;
        const delay = Math.min(max, base * 2 ** Math.min(this.reconnectAttempts, 20));
        this.reconnectAttempts++;
        await this.timer.sleep(delay, this.halt.signal);
        if (this.stopped || !this.client) break;
        this.log.info("whatsapp reconnecting", { attempt: this.reconnectAttempts, after_ms: delay });
        try {
          await this.client.destroy().catch(() => undefined);
          await this.client.initialize();
          break; // initialized: `ready` follows (or a QR, when pairing is needed)
        } catch (error) {
          this.log.warn("whatsapp reconnect failed", { attempt: this.reconnectAttempts, error: (error as Error).message });
        }
      }
      this.reconnecting = false;
    })();
  }

  /** Check the shared outbox again after the poll interval (real time: it is not pacing). */
  private scheduleOutbox(): void {
    const every = this.options.outboxPollMs ?? 1000;
    if (every <= 0 || this.stopped || this.stopping) return;
    this.outboxTimer = setTimeout(() => {
      this.outboxRun = this.drainOutbox().finally(() => this.scheduleOutbox());
    }, every);
  }

  /**
   * Send what other processes left in the outbox: one entry at a time and only while connected,
   * so undelivered messages wait in Redis (not in this process's memory) through disconnects.
   */
  private async drainOutbox(): Promise<void> {
    while (this.ready && !this.stopped && !this.stopping) {
      let raw: string | null;
      try {
        raw = await this.deps.store.lpop(WHATSAPP_OUTBOX_KEY);
      } catch (error) {
        this.log.warn("whatsapp outbox unreadable; retrying", { error: (error as Error).message });
        return;
      }
      if (raw === null) return;
      const entry = parseOutboxEntry(raw);
      if (!entry) {
        this.log.error("whatsapp outbox entry malformed; skipped", { bytes: raw.length });
        continue;
      }
      const user = hashId(userKey(entry.address));
      try {
        await this.send(entry.address, entry.messages);
        this.log.debug("whatsapp outbox message sent", { user, waited_ms: entry.at > 0 ? Math.max(0, this.deps.clock.now() - entry.at) : undefined });
      } catch (error) {
        if (this.stopped || this.stopping) {
          // Stopped while it waited: back to the outbox (at its end) for the next start.
          await this.deps.store.rpush(WHATSAPP_OUTBOX_KEY, raw).catch(() => undefined);
          this.log.info("whatsapp outbox message returned for the next start", { user });
          return;
        }
        this.log.error("whatsapp outbox message not delivered", { user, error: (error as Error).message });
      }
    }
  }

  /** Handle messages of one chat one after another, different chats concurrently. */
  private enqueueInbound(inbound: Inbound | null): void {
    if (!inbound || this.stopped) return;
    const chat = inbound.address.id;
    const previous = this.chats.get(chat) ?? Promise.resolve();
    const next = previous.then(() => this.handle(inbound));
    this.chats.set(chat, next);
    void next.then(() => {
      if (this.chats.get(chat) === next) this.chats.delete(chat);
    });
  }

  private async handle(inbound: Inbound): Promise<void> {
    const address = inbound.address;
    const user = hashId(userKey(address));
    this.typing(address.id);
    try {
      const result = await this.deps.router.handle(inbound, async (messages) => {
        for (const chunk of messages.flatMap((message) => this.render(message))) {
          await this.sendMessage(address, chunk);
          this.pace.markSent();
        }
      });
      if (result.duplicate) this.log.debug("whatsapp duplicate message ignored", { user });
    } catch (error) {
      // Never let one message break the event loop of the client (DESIGN.md invariant 4).
      this.log.error("whatsapp message handling failed", { user, kind: inbound.input.kind, error: (error as Error).message });
    }
  }

  private async sendMessage(address: Address, text: string): Promise<void> {
    const client = this.client;
    if (!client) throw new DeliveryError(address, "the WhatsApp channel is not started");
    try {
      await client.sendMessage(address.id, text, { linkPreview: false });
    } catch (error) {
      throw new DeliveryError(address, (error as Error).message);
    }
  }

  /** "typing…" in the chat; purely cosmetic, so failures are ignored. */
  private typing(chatId: string): void {
    if (this.options.typing === false || !this.client || !this.ready) return;
    this.client
      .getChatById(chatId)
      .then((chat) => chat.sendStateTyping())
      .catch(() => undefined);
  }

  private async waitReady(address: Address): Promise<void> {
    if (this.ready) return;
    const timeout = this.options.readyTimeoutMs ?? 120_000;
    let wake: () => void = () => undefined;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
      this.readyWaiters.push(resolve);
    });
    const gaveUp = new AbortController();
    const onHalt = (): void => gaveUp.abort();
    this.halt.signal.addEventListener("abort", onHalt, { once: true });
    await Promise.race([woken, this.timer.sleep(timeout, gaveUp.signal)]);
    gaveUp.abort();
    this.halt.signal.removeEventListener("abort", onHalt);
    this.readyWaiters = this.readyWaiters.filter((w) => w !== wake);
    if (!this.ready) throw new DeliveryError(address, "WhatsApp is not connected (pairing needed or reconnecting)");
  }

  private wakeWaiters(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const wake of waiters) wake();
  }
}
