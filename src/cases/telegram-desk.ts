import { GrammyError, type Api, type Bot, type Context, type RawApi } from "grammy";
import type { InlineKeyboardButton, Message, MessageEntity } from "grammy/types";
import type { Config } from "../config/schema.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Logger } from "../core/log.ts";
import type { Clock } from "../core/clock.ts";
import type { MediaKind, Outbound } from "../core/messages.ts";
import type { CaseService } from "./service.ts";
import { PermanentError, QueueDrainer, RetryAfterError, type StaffJob, type Timers } from "./queue.ts";
import { SlaScheduler } from "./sla.ts";
import { caseLine } from "./case-line.ts";
import { OUTCOMES, type Actor, type Case, type Outcome } from "./types.ts";
import { splitText } from "../core/text.ts";
import { createSendLimiter, limitsFor, type SendLimiter } from "../outbox/limiter.ts";

/**
 * The Bot API method and field that send each kind of media. The Telegram channel's renderer owns
 * the table (`MEDIA_METHODS`); the app passes it in, so a user's media reaches a topic the way the
 * channel sends media (same bot: file ids work).
 */
export type TelegramMediaMethods = Partial<Record<MediaKind, { method: Extract<keyof RawApi, `send${string}`>; field: string; caption: boolean }>>;

/** What the desk needs besides the case service. */
export interface TelegramDeskDeps {
  config: Config;
  i18n: Localizer;
  log: Logger;
  clock: Clock;
  telegramMedia: TelegramMediaMethods;
}

export interface TelegramDeskOptions {
  /** Time for the staff queue's pacing (tests: a fake clock whose `sleep` moves time). */
  timers?: Timers;
  /** How often the SLA reminders are checked (default 15 s). */
  slaIntervalMs?: number;
  /** How often the staff queue is polled when idle (default 1 s; new jobs wake it at once). */
  pollMs?: number;
}

/** Callback data of the desk's buttons: `case:<action>:<id>[:<outcome>]`, well under 64 bytes. */
const BUTTON = /^case:(take|over|close|out):(\d{1,9})(?::([a-z-]{1,12}))?$/;

/** Media a staff member can send to a user, by the Telegram message field. */
const STAFF_MEDIA: Array<[keyof Message, MediaKind]> = [
  ["photo", "photo"],
  ["document", "document"],
  ["voice", "voice"],
  ["video", "video"],
  ["audio", "audio"],
  ["sticker", "sticker"],
];

/** Telegram's limit for one message: a longer relay is split at paragraph, line or word breaks. */
const STAFF_MESSAGE_CHARS = 4096;

/**
 * The consultants' desk in the Telegram staff supergroup (`TELEGRAM_STAFF_CHAT_ID`, topics on):
 * one forum topic per case with a summary card and buttons (Take, Take over, Close), the
 * assignee's messages relayed to the user, `/note`, `/tpl`, `/close`, `/reopen`, `/transfer`, and
 * SLA reminders in the general topic. Every press and command checks the allow-list again
 * (`TELEGRAM_OPERATOR_IDS`, `TELEGRAM_ADMIN_IDS`).
 *
 * Everything the bot posts in the group goes through the staff queue (`StaffQueue`, in the store)
 * at the group's pace, so a burst of user messages arrives complete and in order. The desk is
 * thin: the decisions are the `CaseService`'s.
 *
 * @example
 * const desk = new TelegramDesk(cases, app);
 * app.telegramExtensions.push((bot) => desk.install(bot));
 * // after the channel started:
 * desk.start(); // ... desk.stop()
 */
export class TelegramDesk {
  private api: Api | undefined;
  private drainer: QueueDrainer | undefined;
  readonly sla: SlaScheduler;
  private readonly staffChat: number;

  /** The bot's send rate, shared in Redis with the outbox's replies and the alerts. */
  private readonly limiter: SendLimiter;

  constructor(
    readonly cases: CaseService,
    private readonly deps: TelegramDeskDeps,
    private readonly options: TelegramDeskOptions = {},
  ) {
    const chat = deps.config.TELEGRAM_STAFF_CHAT_ID;
    if (chat === undefined) throw new Error("The staff desk needs TELEGRAM_STAFF_CHAT_ID: the id of the staff supergroup (with topics), like -1001234567890.");
    this.staffChat = chat;
    this.sla = new SlaScheduler(cases, deps.clock, deps.log);
    this.limiter = createSendLimiter(cases.cases.store, limitsFor(deps.config));
  }

  /** Add the desk's handlers to the bot (before the migrant chat's). Staff-group updates stop here. */
  install(bot: Bot): void {
    if (this.api) return;
    this.api = bot.api;
    this.drainer = new QueueDrainer(this.cases.cases.store, this.cases.queue, (job) => this.render(job), {
      limit: this.deps.config.HOTLINE_STAFF_RATE,
      windowMs: 60_000,
      timers: this.options.timers,
      log: this.deps.log,
      cost: (job) => (job.t === "open" ? 2 : 1),
      shared: { take: (signal) => this.limiter.takeBot("telegram", signal), pause: (ms) => this.limiter.pause("telegram", ms) },
    });
    this.cases.onQueued = () => this.drainer?.kick();
    const staff = bot.filter((ctx) => ctx.chat?.id === this.staffChat);
    staff.on("callback_query:data", (ctx) => this.onButton(ctx));
    staff.on("message", (ctx) => this.onMessage(ctx));
  }

  /** Start delivering the staff queue and checking the SLA. */
  start(): void {
    if (!this.drainer) throw new Error("TelegramDesk.start(): install(bot) first (through app.telegramExtensions)");
    this.drainer.start(this.options.pollMs ?? 1000);
    this.sla.start(this.options.slaIntervalMs ?? 15_000);
  }

  async stop(): Promise<void> {
    await this.sla.stop();
    await this.drainer?.stop();
  }

  /** Deliver what is queued now (tests drive the desk with this and a fake clock). */
  async drain(max?: number): Promise<number> {
    if (!this.drainer) throw new Error("TelegramDesk.drain(): install(bot) first");
    return this.drainer.drain(max);
  }

  // ---- staff actions ----

  private actor(ctx: Context): Actor | undefined {
    const from = ctx.from;
    if (!from || from.is_bot) return undefined;
    const name = [from.first_name, from.last_name].filter(Boolean).join(" ") || from.username || String(from.id);
    return { kind: "telegram", id: String(from.id), name };
  }

  private t(id: string, args?: Record<string, string | number>): string {
    return this.deps.i18n.t(this.deps.config.HOTLINE_STAFF_LANG, id, args);
  }

  private async answer(ctx: Context, text?: string, alert = false): Promise<void> {
    try {
      await ctx.answerCallbackQuery(text ? { text, show_alert: alert } : {});
    } catch (error) {
      this.deps.log.debug("desk: callback not answered", { error: (error as Error).message });
    }
  }

  private async onButton(ctx: Context): Promise<void> {
    const m = BUTTON.exec(ctx.callbackQuery?.data ?? "");
    const actor = this.actor(ctx);
    if (!m || !actor) return this.answer(ctx);
    if (!this.cases.role(actor)) {
      this.deps.log.info("desk: refused a button of someone not on the allow-list", { action: m[1] });
      return this.answer(ctx, this.t("case-staff-not-allowed"), true);
    }
    const action = m[1]!;
    const id = Number(m[2]);
    if (action === "take" || action === "over") {
      const result = await this.cases.take(id, actor, { over: action === "over" });
      if (result.ok) return this.answer(ctx, this.t("case-staff-taken", { name: actor.name }));
      if (result.reason === "taken") return this.answer(ctx, this.t("case-staff-has-it", { name: result.holder.name }), true);
      if (result.reason === "yours") return this.answer(ctx, this.t("case-staff-yours"));
      return this.answer(ctx, this.t("case-staff-is-closed"));
    }
    if (action === "close") {
      await this.answer(ctx);
      await this.cases.push({ t: "event", id, key: "case-staff-close-ask", args: { id }, ask: "outcome" });
      return;
    }
    const outcome = m[3] as Outcome | undefined;
    if (!outcome || !(OUTCOMES as readonly string[]).includes(outcome)) return this.answer(ctx);
    const closed = await this.cases.close(id, actor, outcome);
    await this.answer(ctx, closed.ok ? this.t("case-staff-closed", { name: actor.name, outcome }) : this.t("case-staff-is-closed"));
    const pressed = ctx.callbackQuery?.message;
    if (pressed && this.api) {
      await this.api.editMessageReplyMarkup(this.staffChat, pressed.message_id, { reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    }
  }

  private async onMessage(ctx: Context): Promise<void> {
    const message = ctx.message;
    const actor = this.actor(ctx);
    if (!message || !actor) return;
    const thread = message.is_topic_message ? message.message_thread_id : undefined;
    if (thread === undefined) {
      // The general topic: staff talk among themselves; /cases lists the open cases.
      if (/^\/cases(?:@\w+)?\s*$/i.test(message.text ?? "") && this.cases.role(actor)) await this.listOpen(actor);
      return;
    }
    const id = await this.cases.cases.byTopic(thread);
    if (id === null) return;
    const allowed = this.cases.role(actor) !== null;
    const text = message.text ?? message.caption;
    const command = message.text ? /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(message.text) : null;
    if (command) {
      if (!allowed) return this.reply(id, "case-staff-not-allowed");
      return this.onCommand(id, actor, command[1]!.toLowerCase(), (command[2] ?? "").trim());
    }
    if (!allowed) return; // someone else in the group: their words stay in the group
    const media = staffMedia(message);
    const c = await this.cases.cases.get(id);
    if (!c) return;
    if (media && c.user.channel !== "telegram") {
      // Telegram file ids mean nothing to another messenger: send the caption, tell the staff.
      const assignee = c.assignee && c.assignee.kind === actor.kind && c.assignee.id === actor.id;
      if (assignee) {
        if (text) await this.cases.say(id, actor, { text });
        await this.reply(id, "case-staff-media-not-sent");
        return;
      }
    }
    const result = await this.cases.say(id, actor, { text: text ?? "", media });
    // Only the last assignee may think they are still talking to the user; others just chat.
    if (result === "closed" && c.assignee?.id === actor.id) await this.reply(id, "case-staff-is-closed");
  }

  private async onCommand(id: number, actor: Actor, name: string, arg: string): Promise<void> {
    switch (name) {
      case "note":
        if (!arg) return this.reply(id, "case-staff-note-empty");
        await this.cases.note(id, actor, arg);
        return;
      case "tpl": {
        const names = this.cases.templates().join(", ");
        if (!arg) return this.reply(id, "case-staff-tpl-list", { names });
        const result = await this.cases.template(id, actor, arg.split(/\s+/)[0]!.toLowerCase());
        if (result === "unknown") return this.reply(id, "case-staff-tpl-unknown", { name: arg, names });
        if (result === "not-assignee") return this.reply(id, "case-staff-not-assignee");
        if (result === "closed") return this.reply(id, "case-staff-is-closed");
        return;
      }
      case "transfer": {
        const result = await this.cases.take(id, actor, { over: true });
        if (!result.ok && result.reason === "yours") return this.reply(id, "case-staff-yours");
        if (!result.ok && result.reason === "closed") return this.reply(id, "case-staff-is-closed");
        return;
      }
      case "close": {
        this.cases.authorize(actor);
        const outcome = arg.split(/\s+/)[0]?.toLowerCase();
        if (outcome && (OUTCOMES as readonly string[]).includes(outcome)) {
          const closed = await this.cases.close(id, actor, outcome as Outcome);
          if (!closed.ok) return this.reply(id, "case-staff-is-closed");
          return;
        }
        await this.cases.push({ t: "event", id, key: "case-staff-close-ask", args: { id }, ask: "outcome" });
        return;
      }
      case "reopen": {
        const result = await this.cases.reopen(id, actor);
        if (!result.ok) return this.reply(id, result.reason === "busy" ? "case-staff-reopen-busy" : "case-staff-reopen-open");
        return;
      }
      default:
        return this.reply(id, "case-staff-help");
    }
  }

  /** Post the open cases, oldest first, in the general topic. */
  private async listOpen(actor: Actor): Promise<void> {
    const open = await this.cases.list(actor);
    if (open.length === 0) return this.cases.push({ t: "general", key: "case-desk-empty" });
    const now = this.deps.clock.now();
    const lines = open.map((c) => caseLine(c, (id, args) => this.t(id, args), now));
    await this.cases.push({ t: "general", key: "case-staff-list", args: { lines: lines.join("\n") } });
  }

  private reply(id: number, key: string, args?: Record<string, string | number>): Promise<void> {
    return this.cases.push({ t: "event", id, key, args });
  }

  // ---- rendering the staff queue ----

  /** Deliver one staff job to the group. Throws `RetryAfterError` / `PermanentError` for the drainer. */
  async render(job: StaffJob): Promise<void> {
    const api = this.api;
    if (!api) throw new Error("the desk is not installed on a bot");
    try {
      await this.renderWith(api, job);
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 400 && /thread|topic/i.test(error.description) && job.t !== "general") {
        // The topic was deleted or closed by hand: say it in the general topic instead of losing it.
        try {
          await api.sendMessage(this.staffChat, `#${job.id} · ${this.plainText(job)}`.slice(0, 4096), { link_preview_options: { is_disabled: true } });
          return;
        } catch (fallback) {
          throw classify(fallback);
        }
      }
      throw classify(error);
    }
  }

  /** A job as one line of text, for the general topic when its own topic is gone. */
  private plainText(job: Exclude<StaffJob, { t: "general" }>): string {
    if (job.t === "user") {
      const e = job.e;
      return e.kind === "text" ? this.t("case-staff-user-says", { text: e.text ?? "" }) : this.t("case-staff-user-media", { kind: e.kind, text: e.text ?? "" });
    }
    if (job.t === "event") return this.t(job.key, job.args);
    return this.t("case-staff-topic-missing");
  }

  private async renderWith(api: Api, job: StaffJob): Promise<void> {
    const chat = this.staffChat;
    if (job.t === "general") {
      const text = this.t(job.key, { ...job.args, mentions: job.admins ? this.deps.config.TELEGRAM_ADMIN_IDS.map(() => "👤").join(" ") : "" });
      await api.sendMessage(chat, text, { entities: job.admins ? this.mentions(text) : undefined, link_preview_options: { is_disabled: true } });
      return;
    }
    const c = await this.cases.cases.get(job.id);
    if (!c) {
      // Deleted (`/forget`) or expired: only a line for a topic named in the job still makes sense.
      if (job.t === "event" && job.topic !== undefined) await api.sendMessage(chat, this.t(job.key, job.args), { message_thread_id: job.topic });
      return;
    }
    if (job.t === "open") {
      await this.openTopic(api, c);
      return;
    }
    const topic = c.topic ?? (await this.openTopic(api, c));
    if (job.t === "card") {
      const name = this.topicName(c).slice(0, 128);
      if (c.tname !== undefined && c.tname !== name) {
        await api.editForumTopic(chat, topic, { name }).catch((error: unknown) => {
          if (error instanceof GrammyError && /not modified/i.test(error.description)) return;
          throw error;
        });
        await this.cases.cases.update(c.id, (x) => ({ ...x, tname: name }));
      }
      if (c.card !== undefined) {
        await api
          .editMessageText(chat, c.card, this.cardText(c), { reply_markup: { inline_keyboard: this.cardButtons(c) } })
          .catch((error: unknown) => {
            if (error instanceof GrammyError && /not modified/i.test(error.description)) return;
            throw error;
          });
      }
      return;
    }
    if (job.t === "user") {
      const e = job.e;
      const forward = e.kind !== "text" ? this.deps.telegramMedia[e.kind as MediaKind] : undefined;
      if (forward && e.fileId && c.user.channel === "telegram") {
        const caption = this.t("case-staff-user-says", { text: e.text ?? "" }).slice(0, 1024);
        const payload: Record<string, unknown> = { chat_id: chat, message_thread_id: topic, [forward.field]: e.fileId };
        if (forward.caption) payload.caption = caption;
        await api.raw[forward.method](payload as never);
        return;
      }
      const text = e.kind === "text" ? this.t("case-staff-user-says", { text: e.text ?? "" }) : this.t("case-staff-user-media", { kind: e.kind, text: e.text ?? "" });
      for (const part of splitText(text, STAFF_MESSAGE_CHARS)) await api.sendMessage(chat, part, { message_thread_id: topic, link_preview_options: { is_disabled: true } });
      return;
    }
    // event
    const ask = job.ask === "outcome";
    const text = this.t(job.key, job.args);
    await api.sendMessage(chat, text, {
      message_thread_id: topic,
      ...(ask
        ? { reply_markup: { inline_keyboard: OUTCOMES.map((o) => [{ text: this.t("case-staff-outcome", { outcome: o }), callback_data: `case:out:${c.id}:${o}` }]) } }
        : {}),
    });
  }

  /** Create the case's topic and card once (a retry after a crash finds them in the record). */
  private async openTopic(api: Api, c: Case): Promise<number> {
    let topic = c.topic;
    if (topic === undefined) {
      const name = this.topicName(c).slice(0, 128);
      const created = await api.createForumTopic(this.staffChat, name);
      topic = created.message_thread_id;
      const thread = topic;
      await this.cases.cases.update(c.id, (x) => ({ ...x, topic: thread, tname: name }));
      await this.cases.cases.setTopic(c.id, thread);
    }
    if (c.card === undefined) {
      const fresh = (await this.cases.cases.get(c.id)) ?? c;
      const card = await api.sendMessage(this.staffChat, this.cardText(fresh), {
        message_thread_id: topic,
        reply_markup: { inline_keyboard: this.cardButtons(fresh) },
        link_preview_options: { is_disabled: true },
      });
      await this.cases.cases.update(c.id, (x) => ({ ...x, card: card.message_id }));
    }
    return topic;
  }

  /** `#123 · рус. · срочно · job check`, with ✅ in front once closed. */
  topicName(c: Case): string {
    return (c.status === "closed" ? "✅ " : "") + this.t("case-staff-topic", {
      id: c.id,
      lang: this.t("case-staff-lang", { lang: c.lang }),
      urgent: c.priority === "urgent" ? "yes" : "no",
      reason: this.t("case-staff-reason", { reason: c.reason }),
    });
  }

  cardText(c: Case): string {
    const lines = [
      this.t("case-staff-card", {
        id: c.id,
        lang: this.t("case-staff-lang", { lang: c.lang }),
        channel: c.user.channel,
        priority: c.priority,
        reason: this.t("case-staff-reason", { reason: c.reason }),
        status: c.status,
        assignee: c.assignee?.name ?? "",
        outcome: c.outcome ? this.t("case-staff-outcome", { outcome: c.outcome }) : "",
        contact: contactOf(c) ?? this.t("case-staff-contact-hidden"),
      }),
    ];
    const summary = Object.entries(c.summary);
    if (summary.length > 0) lines.push("", this.t("case-staff-summary"), ...summary.map(([k, v]) => `• ${this.t("case-staff-var", { name: k })}: ${v}`));
    if (c.desc) lines.push("", this.t("case-staff-desc"), c.desc);
    return lines.join("\n").slice(0, 4096);
  }

  cardButtons(c: Case): InlineKeyboardButton[][] {
    if (c.status === "closed") return [];
    const first = c.status === "waiting" ? { key: "case-staff-btn-take", action: "take" } : { key: "case-staff-btn-over", action: "over" };
    return [
      [
        { text: this.t(first.key), callback_data: `case:${first.action}:${c.id}` },
        { text: this.t("case-staff-btn-close"), callback_data: `case:close:${c.id}` },
      ],
    ];
  }

  /** Mention entities on the 👤 placeholders, one per admin id, so admins get notified. */
  private mentions(text: string): MessageEntity[] {
    const out: MessageEntity[] = [];
    let from = 0;
    for (const id of this.deps.config.TELEGRAM_ADMIN_IDS) {
      const at = text.indexOf("👤", from);
      if (at < 0) break;
      out.push({ type: "text_mention", offset: at, length: 2, user: { id, is_bot: false, first_name: "admin" } });
      from = at + 2;
    }
    return out;
  }
}

/** Contact details the user agreed to show; never without consent. */
function contactOf(c: Case): string | undefined {
  if (!c.contact) return undefined;
  if (c.user.channel === "whatsapp") return `+${c.user.id.split("@")[0]}`;
  if (c.user.channel === "telegram") return `tg://user?id=${c.user.id}${c.name ? ` (${c.name})` : ""}`;
  return c.user.id;
}

function staffMedia(message: Message): Outbound["media"] | undefined {
  for (const [field, kind] of STAFF_MEDIA) {
    const value = message[field] as unknown;
    if (!value) continue;
    const fileId = Array.isArray(value) ? (value.at(-1) as { file_id: string }).file_id : (value as { file_id: string }).file_id;
    return { kind, fileId };
  }
  return undefined;
}

/** Map a Bot API failure to what the drainer does with it. */
function classify(error: unknown): Error {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return new RetryAfterError((error.parameters.retry_after ?? 5) * 1000);
    if (error.error_code === 400 || error.error_code === 403) return new PermanentError(`${error.method}: ${error.error_code} ${error.description}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
