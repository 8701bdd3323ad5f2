import { Bot, GrammyError, HttpError, type Context } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { autoRetry } from "@grammyjs/auto-retry";
import type { Config } from "../../config/schema.ts";
import type { Localizer } from "../../i18n/localizer.ts";
import type { Logger } from "../../core/log.ts";
import type { Store } from "../../store/store.ts";
import type { Router } from "../../router/router.ts";
import type { Channel } from "../channel.ts";
import type { Address } from "../../core/address.ts";
import { type Lang } from "../../core/lang.ts";
import { type Outbound } from "../../core/messages.ts";
import { matchLang } from "../../i18n/localizer.ts";
import { hashId } from "../../core/log.ts";
import { toInbound } from "./to-inbound.ts";
import { decodeChoice } from "./callback-data.ts";
import { deliver } from "./deliver.ts";
import { render } from "./render.ts";
import { createPacer, type PaceOptions } from "./pacer.ts";
import { registerCommands } from "./commands.ts";
import { startWebhookServer, type WebhookServer } from "./webhook.ts";
import { Poller } from "./poller.ts";
import { FixableError } from "../../core/errors.ts";
import { errors, rateLimited } from "../../metrics/metrics.ts";
import { describeError } from "./describe-error.ts";

/** Tuning a caller may override; production uses the defaults. */
export interface TelegramChannelOptions {
  /**
   * An extra in-process pace for every API call (see `pacer.ts`). Off by default: messages to users
   * go through the outbox, whose limiter is shared by all processes in Redis.
   */
  pace?: PaceOptions | false;
  /** `@grammyjs/auto-retry` for 5xx: attempts (default 3). 429 is not retried here: the outbox pauses every process. */
  retry?: { maxRetryAttempts?: number };
  /** Listen here instead of TELEGRAM_WEBHOOK_PORT (0: any free port, for tests). */
  webhookPort?: number;
  /** Long-poll timeout in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** Pause before polling starts again after another process took over (409), ms (default 5000). */
  pollRestartMs?: number;
  /** Known bot info: skips `getMe` on start. */
  botInfo?: UserFromGetMe;
  /** Webhook mode: while this returns false (Redis away) updates are answered 503, so Telegram sends them again later. */
  ready?: () => boolean;
  /** Pause between attempts to reach Telegram at start and while polling fails, ms (default 5000). */
  retryMs?: number;
}

/** What the Telegram channel needs from the app (the running `App` has all of it). */
export interface TelegramChannelDeps {
  config: Pick<
    Config,
    | "TELEGRAM_BOT_TOKEN"
    | "TELEGRAM_API_ROOT"
    | "TELEGRAM_WEBHOOK_URL"
    | "TELEGRAM_WEBHOOK_SECRET"
    | "TELEGRAM_WEBHOOK_HOST"
    | "TELEGRAM_WEBHOOK_PORT"
    | "TELEGRAM_REORDER_MS"
    | "TELEGRAM_STAFF_CHAT_ID"
    | "SESSION_TTL_DAYS"
    | "DEFAULT_LANG"
  >;
  log: Logger;
  /** Button data and the one-time group notice. */
  store: Store;
  i18n: Localizer;
  /** Where every private-chat update goes. */
  router: Pick<Router, "intake" | "arrived">;
  /** The language a user chose, for short notes outside the dialogue (a rejected button); undefined when none. */
  userLang(address: Address): Promise<Lang | undefined>;
  /** Handlers added to the bot beyond the migrant chat (the consultants' staff-group desk). */
  telegramExtensions: ReadonlyArray<(bot: Bot) => void>;
}

/** A Telegram channel: the `Channel` contract plus the grammY `Bot` it drives. */
export interface TelegramChannel extends Channel {
  readonly name: "telegram";
  /** The grammY bot (extensions add handlers to it; tests inspect it). */
  readonly bot: Bot;
  /** "webhook" or "polling", from the configuration. */
  readonly mode: "webhook" | "polling";
  /** The webhook server's port once started in webhook mode. */
  readonly webhookPort: number | undefined;
}

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;
const DAY_MS = 86_400_000;
/** How long one attempt to reach Telegram at start may take. */
const CONNECT_TIMEOUT_MS = 15_000;

/**
 * Jol on Telegram. Every private-chat update becomes an `Inbound` for `app.router.handle`, whose
 * replies are rendered as messages with inline keyboards. Staff-group updates belong to
 * `app.telegramExtensions` (the consultants' desk); other groups are told once that the bot
 * works in private chats and otherwise ignored.
 *
 * Mode follows the configuration: `TELEGRAM_WEBHOOK_URL` set → an HTTP server checks the secret
 * header and `setWebhook` is called on start; unset → `deleteWebhook` and long polling with
 * our own loop (`poller.ts`) that confirms an update only once it is stored (chats concurrently, one chat in order).
 *
 * @example
 * const channel = createTelegramChannel(app);
 * app.channels.add(channel);
 * await channel.start();
 * process.once("SIGTERM", () => void channel.stop());
 */
export function createTelegramChannel(deps: TelegramChannelDeps, options: TelegramChannelOptions = {}): TelegramChannel {
  return new GrammyTelegramChannel(deps, options);
}

class GrammyTelegramChannel implements TelegramChannel {
  readonly name = "telegram" as const;
  readonly bot: Bot;
  readonly mode: "webhook" | "polling";
  private poller: Poller | undefined;
  private webhook: WebhookServer | undefined;
  private installed = false;
  /** Work started after an update was stored (button answers, keyboard removal), so `stop` can wait for it. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Telegram answered and updates arrive (for `/readyz`). */
  private up = false;
  private stopping = false;
  /** Aborted by `stop()`: ends the wait between attempts to reach Telegram. */
  private readonly stopSignal = new AbortController();

  constructor(
    private readonly deps: TelegramChannelDeps,
    private readonly options: TelegramChannelOptions,
  ) {
    const token = deps.config.TELEGRAM_BOT_TOKEN;
    if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather and put its token in TELEGRAM_BOT_TOKEN.");
    this.mode = deps.config.TELEGRAM_WEBHOOK_URL ? "webhook" : "polling";
    this.bot = new Bot(token, {
      client: { apiRoot: deps.config.TELEGRAM_API_ROOT.replace(/\/+$/, "") },
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    });
    this.countRateLimits();
    if (options.pace) this.bot.api.config.use(createPacer(options.pace));
    this.bot.api.config.use(
      autoRetry({
        maxRetryAttempts: options.retry?.maxRetryAttempts ?? 3,
        // Every 429 is rethrown: the outbox pauses the whole bot (all processes) for retry_after.
        maxDelaySeconds: 0,
        // A dead network would otherwise be retried forever.
        rethrowHttpErrors: true,
      }),
    );
    this.bot.catch((error) => this.logFailure(error.error, error.ctx.update));
  }

  get webhookPort(): number | undefined {
    return this.webhook?.port;
  }

  async start(): Promise<void> {
    await this.init();
    this.install();
    try {
      await registerCommands(this.bot.api, this.deps.i18n, this.deps.config.DEFAULT_LANG);
    } catch (error) {
      this.deps.log.warn("telegram: could not register the command menu", { error: describeError(error) });
    }
    if (this.mode === "webhook") await this.startWebhook();
    else await this.startPolling();
    this.up = true;
    this.deps.log.info("telegram channel started", { mode: this.mode, bot: this.bot.botInfo.username });
  }

  connected(): boolean {
    return this.up;
  }

  /** Stop receiving: polling stops (what was fetched is stored first); the webhook answers 503. Sending goes on. */
  async stopIntake(): Promise<void> {
    this.stopping = true;
    this.up = false;
    this.stopSignal.abort();
    const poller = this.poller;
    this.poller = undefined;
    await poller?.stop();
    const webhook = this.webhook;
    this.webhook = undefined;
    await webhook?.close();
  }

  async stop(): Promise<void> {
    await this.stopIntake();
    // Let the button answers in progress finish (bounded: a stuck one must not block shutdown).
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.inFlight]), new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
  }

  calls(messages: Outbound[]): number {
    return render(messages).calls.length;
  }

  async send(address: Address, messages: Outbound[]): Promise<void> {
    await this.deliverTo(address, messages);
  }

  // --- start-up --------------------------------------------------------------------------

  /**
   * `getMe`, until Telegram answers: a network failure or a 5xx is logged once ("Telegram
   * unreachable at …, retrying every 5 s") and retried every `retryMs`, and the recovery is logged;
   * a rejected token ends start-up with what to do.
   */
  private async init(): Promise<void> {
    const retryMs = this.options.retryMs ?? 5000;
    let failing = false;
    for (;;) {
      try {
        await this.withinConnectTimeout(this.bot.init());
        if (failing) this.deps.log.info(`Telegram reachable again at ${this.deps.config.TELEGRAM_API_ROOT}`);
        return;
      } catch (error) {
        if (error instanceof GrammyError && error.error_code === 401) {
          throw new FixableError("Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the token again from @BotFather (/mybots → API Token).");
        }
        const transient = error instanceof HttpError || (error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429));
        if (!transient) throw error;
        if (this.stopping) throw new FixableError("Stopped while waiting for Telegram to answer.");
        if (!failing) {
          failing = true;
          errors.inc({ kind: "channel" });
          this.deps.log.warn(
            `Telegram unreachable at ${this.deps.config.TELEGRAM_API_ROOT}, retrying every ${retryMs / 1000} s; check network/proxy/TELEGRAM_API_ROOT`,
            { error: describeError(error) },
          );
        }
        await this.pause(retryMs);
      }
    }
  }

  /**
   * A request that neither answers nor fails (a silently dropped connection) counts as a network
   * failure after CONNECT_TIMEOUT_MS, or at once when the channel stops.
   */
  private async withinConnectTimeout<T>(request: Promise<T>): Promise<T> {
    let fail = (): void => {};
    const giveUp = new Promise<never>((_, reject) => {
      fail = () => reject(new HttpError(`no answer within ${CONNECT_TIMEOUT_MS / 1000} s`, new Error("timeout")));
    });
    const timer = setTimeout(fail, CONNECT_TIMEOUT_MS);
    this.stopSignal.signal.addEventListener("abort", fail, { once: true });
    try {
      return await Promise.race([request, giveUp]);
    } finally {
      clearTimeout(timer);
      this.stopSignal.signal.removeEventListener("abort", fail);
    }
  }

  /** Wait `ms`, or less if the channel stops meanwhile. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.stopSignal.signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopSignal.signal.addEventListener("abort", done, { once: true });
    });
  }

  /** Count every 429 Telegram answers (each retry too): `jol_rate_limited_total{channel="telegram"}`. */
  private countRateLimits(): void {
    this.bot.api.config.use(async (prev, method, payload, signal) => {
      const result = await prev(method, payload, signal);
      if (!result.ok && result.error_code === 429) rateLimited.inc({ channel: "telegram" });
      return result;
    });
  }

  /**
   * Handlers of the updates that are not private chats (those go to the router's inbox, see
   * `receive`), in order: the extensions first (the staff desk), other groups, and a last answer
   * for any button nobody took.
   */
  private install(): void {
    if (this.installed) return;
    this.installed = true;
    for (const extend of this.deps.telegramExtensions) extend(this.bot);
    // A private update no extension took (the staff's /alert wizard takes admins' own) is the migrant chat's.
    this.bot.chatType("private").use((ctx) => this.onPrivate(ctx.update));
    this.bot.chatType(["group", "supergroup"]).on("message", (ctx) => this.onGroup(ctx));
    this.bot.on("callback_query", (ctx) => this.answer(ctx.callbackQuery.id));
  }

  private async startWebhook(): Promise<void> {
    const { TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: secret, TELEGRAM_WEBHOOK_HOST: host, TELEGRAM_WEBHOOK_PORT: port } = this.deps.config;
    if (!url || !secret) throw new Error("Webhook mode needs TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET.");
    this.webhook = await startWebhookServer({
      host,
      port: this.options.webhookPort ?? port,
      secret,
      log: this.deps.log,
      receive: (update) => this.receive(update),
      ready: () => (this.options.ready?.() ?? true) && (this.deps.store.available?.() ?? true),
    });
    try {
      await this.bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    } catch (error) {
      await this.webhook.close();
      this.webhook = undefined;
      if (error instanceof GrammyError) {
        throw new FixableError(
          `Telegram refused the webhook ${url} (${error.description}): TELEGRAM_WEBHOOK_URL must be a public https:// URL on port 443, 80, 88 or 8443.`,
        );
      }
      throw error;
    }
  }

  private async startPolling(): Promise<void> {
    // Keep updates that arrived while the bot was down: they are answered (once) on start.
    await this.bot.api.deleteWebhook({ drop_pending_updates: false });
    this.poller = new Poller({
      api: this.bot.api,
      timeoutSeconds: this.options.pollTimeoutSeconds ?? 30,
      allowedUpdates: ALLOWED_UPDATES,
      receive: (update) => this.receive(update),
      log: this.deps.log,
      restartMs: this.options.pollRestartMs ?? 5000,
      retryMs: this.options.retryMs ?? 5000,
      apiRoot: this.deps.config.TELEGRAM_API_ROOT,
      onState: (up) => {
        this.up = up;
        if (!up) errors.inc({ kind: "channel" });
      },
    });
    this.poller.start();
  }

  // --- updates ---------------------------------------------------------------------------

  /**
   * One update from Telegram (polling or webhook). A private chat's update is written to the
   * user's inbox and resolves once stored (a failure rejects: the update is not confirmed and
   * comes again); with extensions it passes them first (the staff's `/alert` wizard). Other
   * updates go to the grammY handlers (staff desk, groups); their failures are logged.
   */
  private async receive(update: Update): Promise<void> {
    const chat = update.message?.chat ?? update.edited_message?.chat ?? update.callback_query?.message?.chat;
    // Webhook mode with a reorder window: later updates wait for this one's arrival (polling gets them in order).
    const waitedFor = this.mode === "webhook" && this.deps.config.TELEGRAM_REORDER_MS > 0;
    const from = chat?.type === "private" ? { channel: "telegram" as const, id: String(chat.id) } : undefined;
    const arrived = (): Promise<void> => (waitedFor ? this.deps.router.arrived(this.numbering, update.update_id, from) : Promise.resolve());
    if (chat?.type === "private" && this.deps.telegramExtensions.length === 0) {
      await this.onPrivate(update);
      // Stored in the user's inbox: later updates need not wait for this one (`TELEGRAM_REORDER_MS`).
      await arrived();
      return;
    }
    // Not a user's message, or it goes through the extensions first: nothing later waits on its inbox entry.
    if (chat?.type !== "private") await arrived();
    await this.bot.handleUpdate(update);
    if (chat?.type === "private") await arrived();
  }

  /** Telegram numbers each bot's updates without gaps: the numbering a webhook update's order belongs to. */
  private get numbering(): string {
    return `tg:${this.deps.config.TELEGRAM_BOT_TOKEN?.split(":")[0] ?? "bot"}`;
  }

  private async onPrivate(update: Update): Promise<void> {
    const inbound = toInbound(update);
    if (!inbound) return;
    const query = update.callback_query;
    if (query) {
      const decoded = await decodeChoice(query.data, this.deps.store);
      if (!decoded.ok) {
        this.deps.log.info("telegram: button data rejected", { user: hashId(inbound.address.id), reason: decoded.reason });
        const id = decoded.reason === "expired" ? "tg-callback-expired" : "tg-callback-invalid";
        await this.answer(query.id, this.deps.i18n.t(await this.userLang(inbound.address, inbound.langHint), id));
        return;
      }
      inbound.input = { kind: "choice", data: decoded.token };
    }
    const settleMs = this.mode === "webhook" ? this.deps.config.TELEGRAM_REORDER_MS : 0;
    const { duplicate } = await this.deps.router.intake(inbound, { order: update.update_id, settleMs, numbering: this.numbering });
    if (query) {
      // Stop the button's spinner; the keyboard that was pressed goes away, so it cannot be pressed twice.
      this.track(this.answer(query.id));
      if (!duplicate && query.message) this.track(this.removeKeyboard(query.message));
    }
  }

  private track(task: Promise<void>): void {
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  private async removeKeyboard(pressed: Pick<Message, "chat" | "message_id">): Promise<void> {
    try {
      await this.bot.api.editMessageReplyMarkup(pressed.chat.id, pressed.message_id, { reply_markup: { inline_keyboard: [] } });
    } catch (error) {
      this.deps.log.debug("telegram: keyboard not removed", { error: describeError(error) });
    }
  }

  private async onGroup(ctx: Context): Promise<void> {
    const chat = ctx.chat;
    if (!chat || chat.id === this.deps.config.TELEGRAM_STAFF_CHAT_ID) return;
    const first = await this.deps.store.setIfAbsent(`tg:group:${chat.id}`, "1", 365 * DAY_MS);
    if (!first) return;
    const text = this.deps.i18n.t(this.langOf(ctx.from?.language_code), "tg-private-only", { bot: this.bot.botInfo.username });
    try {
      await this.bot.api.sendMessage(chat.id, text);
    } catch (error) {
      this.deps.log.debug("telegram: group notice not sent", { error: describeError(error) });
    }
  }

  // --- output ----------------------------------------------------------------------------

  private deliverTo(address: Address, messages: Outbound[]): Promise<void> {
    return deliver(this.bot.api, this.deps.store, address, messages, { choiceTtlMs: this.deps.config.SESSION_TTL_DAYS * DAY_MS });
  }

  /** Answer a button press; a failure (query too old, answered already) is not worth an error. */
  private async answer(queryId: string, text?: string): Promise<void> {
    try {
      await this.bot.api.answerCallbackQuery(queryId, text ? { text } : {});
    } catch (error) {
      this.deps.log.debug("telegram: callback query not answered", { error: describeError(error) });
    }
  }

  /** The language the user chose (read without the lock: only for a short note), else the hint's. */
  private async userLang(address: Address, hint: string | undefined): Promise<Lang> {
    try {
      const lang = await this.deps.userLang(address);
      if (lang) return lang;
    } catch (error) {
      this.deps.log.debug("telegram: session not readable for a button answer", { error: describeError(error) });
    }
    return this.langOf(hint);
  }

  private langOf(hint: string | undefined): Lang {
    return matchLang(hint) ?? this.deps.config.DEFAULT_LANG;
  }

  private logFailure(error: unknown, update: Update): void {
    errors.inc({ kind: "channel" });
    const chat = update.message?.chat ?? update.callback_query?.message?.chat;
    this.deps.log.error("telegram: update failed", {
      update: update.update_id,
      user: chat ? hashId(String(chat.id)) : undefined,
      error: describeError(error),
    });
  }
}
