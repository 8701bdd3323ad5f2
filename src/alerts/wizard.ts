import type { Api, Bot, Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { Config } from "../config/schema.ts";
import type { Clock } from "../core/clock.ts";
import { FixableError } from "../core/errors.ts";
import { isLang, LANGS, type Lang } from "../core/lang.ts";
import type { Logger } from "../core/log.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Store } from "../store/store.ts";
import { ALERT_CHANNELS, countRecipients, type AlertChannel, type Audience } from "./audience.ts";
import { CARD_BUTTON, parseCard, renderCard } from "./card.ts";
import { describeAudience, findAudience, parseAudience, prepareAlert, type PrepareDeps } from "./prepare.ts";
import type { AlertRecord, AlertStore } from "./store.ts";
import { alertMessage, resolveTexts, TEXT_LIMIT } from "./texts.ts";
import { parseSendTime } from "./time.ts";

/** The settings the wizard reads. */
export type WizardSettings = Pick<Config, "TELEGRAM_ADMIN_IDS" | "TELEGRAM_STAFF_CHAT_ID" | "HOTLINE_TIMEZONE" | "DEFAULT_LANG">;

export interface AlertWizardDeps {
  config: WizardSettings;
  store: Store;
  alerts: AlertStore;
  i18n: Localizer;
  log: Logger;
  clock: Clock;
  /** Every segment users can subscribe to. */
  segments: () => readonly string[];
}

/** Where the wizard is for one admin: the half-written alert, kept in the store between updates. */
interface Draft {
  step: "audience" | "texts" | "preview" | "when" | "confirm";
  /** The admin's language for the wizard's own texts. */
  ui: Lang;
  segments: string[];
  langs?: Lang[];
  channel?: AlertChannel;
  written: Partial<Record<Lang, string>>;
  use: Partial<Record<Lang, Lang>>;
  /** When to send (epoch ms), 0: now. */
  at: number;
}

/** A draft is dropped after a day without a step. */
const DRAFT_TTL_MS = 86_400_000;
/** The admin's language for cards edited by any worker. */
const UI_TTL_MS = 90 * 86_400_000;
const draftKey = (admin: number) => `al:wiz:${admin}`;
const uiKey = (chat: number) => `al:wiz:ui:${chat}`;
const seenKey = (update: number) => `al:wiz:u:${update}`;
/** How long an update the wizard handled is remembered (Telegram redelivers within minutes). */
const SEEN_TTL_MS = 3_600_000;
/** Callback data of the wizard's buttons: `alw:<action>[:<arg>[:<arg>]]`. */
const WIZARD_BUTTON = /^alw:([a-z]+)(?::([a-z0-9_-]{1,32}))?(?::([a-z]{2}))?$/;
/** `uz: text` — a text starting with one of the six language codes is for that language. */
const LANG_PREFIX = /^\s*([a-z]{2})\s*:\s*/;

type Keyboard = InlineKeyboardButton[][];

/**
 * The `/alert` wizard for NGO staff in a private chat with the bot (only `TELEGRAM_ADMIN_IDS`;
 * anyone else's updates pass on to the migrant chat). A small state machine whose state (the
 * draft) lives in the store, so a restart or another worker continues it: audience → texts per
 * language → preview and test send → now or at a time → confirm. The confirmed alert is stored
 * like the command line's (`prepareAlert`, `AlertStore.create`); its last wizard message becomes
 * the progress card that whichever worker sends the alert edits (`progress`), with Pause, Resume
 * and Cancel buttons that change the alert's state in the store.
 */
export class AlertWizard {
  private api: Api | undefined;

  constructor(private readonly d: AlertWizardDeps) {}

  private get prepareDeps(): PrepareDeps {
    return { store: this.d.store, i18n: this.d.i18n, defaultLang: this.d.config.DEFAULT_LANG, segments: this.d.segments() };
  }

  private isAdmin(id: number | undefined): id is number {
    return id !== undefined && this.d.config.TELEGRAM_ADMIN_IDS.includes(id);
  }

  /** Add the wizard's handlers (private chats of admins only; everything else goes on). */
  install(bot: Bot): void {
    this.api = bot.api;
    const admin = bot.chatType("private").filter((ctx) => this.isAdmin(ctx.from?.id));
    admin.command("alert", async (ctx) => (await this.first(ctx)) && this.begin(ctx));
    admin.callbackQuery(CARD_BUTTON, async (ctx) => (await this.first(ctx)) && this.onCardButton(ctx, ctx.match));
    admin.callbackQuery(WIZARD_BUTTON, async (ctx) => (await this.first(ctx)) && this.onButton(ctx, ctx.match));
    admin.on("message:text", async (ctx, next) => {
      const draft = await this.load(ctx.from.id);
      const text = ctx.message.text;
      const mine = draft && (/^\/cancel\b/.test(text) || draft.step === "texts" || draft.step === "when");
      if (!mine) return next();
      if (!(await this.first(ctx))) return;
      if (/^\/cancel\b/.test(text)) return this.cancel(ctx, draft);
      if (draft.step === "texts") return this.onText(ctx, draft, text);
      return this.onTime(ctx, draft, text);
    });
  }

  /**
   * Whether this update is new to the wizard: an update fetched again after a restart (polling
   * confirms only what was handled) or sent twice to the webhook is answered once.
   */
  private first(ctx: Context): Promise<boolean> {
    return this.d.store.setIfAbsent(seenKey(ctx.update.update_id), "1", SEEN_TTL_MS);
  }

  // --- state --------------------------------------------------------------------------------

  private async load(admin: number): Promise<Draft | null> {
    const raw = await this.d.store.get(draftKey(admin));
    return raw === null ? null : (JSON.parse(raw) as Draft);
  }

  private async save(admin: number, draft: Draft): Promise<void> {
    await this.d.store.set(draftKey(admin), JSON.stringify(draft), DRAFT_TTL_MS);
  }

  private audienceOf(draft: Draft): Audience {
    return parseAudience({ segments: draft.segments, ...(draft.langs ? { langs: draft.langs } : {}), channel: draft.channel }, this.d.segments());
  }

  private t(draft: Pick<Draft, "ui">, id: string, args?: Record<string, string | number>): string {
    return this.d.i18n.t(draft.ui, id, args);
  }

  private cancelRow(draft: Draft): InlineKeyboardButton[] {
    return [{ text: this.t(draft, "alw-cancel"), callback_data: "alw:cancel" }];
  }

  private async say(ctx: Context, draft: Draft, text: string, keyboard: Keyboard = []): Promise<void> {
    await ctx.reply(text, { reply_markup: { inline_keyboard: [...keyboard, this.cancelRow(draft)] } });
  }

  // --- steps --------------------------------------------------------------------------------

  private async begin(ctx: Context): Promise<void> {
    const admin = ctx.from!.id;
    const code = ctx.from?.language_code?.slice(0, 2);
    const draft: Draft = { step: "audience", ui: code && isLang(code) ? code : this.d.config.DEFAULT_LANG, segments: [], written: {}, use: {}, at: 0 };
    await this.save(admin, draft);
    await this.d.store.set(uiKey(ctx.chat!.id), draft.ui, UI_TTL_MS);
    await this.say(ctx, draft, this.t(draft, "alw-audience-choose"), [this.d.segments().map((s) => ({ text: s, callback_data: `alw:seg:${s}` }))]);
  }

  /** The audience step: the count per language and channel, and buttons to narrow it. */
  private async showAudience(ctx: Context, draft: Draft): Promise<void> {
    const { recipients } = await findAudience(this.prepareDeps, this.audienceOf(draft));
    const whole = await findAudience(this.prepareDeps, { segments: draft.segments });
    const counts = countRecipients(recipients);
    const lines = Object.entries(counts).map(([lang, byChannel]) => `${lang}: ${Object.entries(byChannel ?? {}).map(([c, n]) => `${c} ${n}`).join(", ")}`);
    const langRow: InlineKeyboardButton[] = [{ text: this.t(draft, "alw-all-langs"), callback_data: "alw:lang:all" }, ...whole.langs.map((l) => ({ text: l, callback_data: `alw:lang:${l}` }))];
    const channelRow: InlineKeyboardButton[] = [{ text: this.t(draft, "alw-all-channels"), callback_data: "alw:ch:all" }, ...ALERT_CHANNELS.map((c) => ({ text: c, callback_data: `alw:ch:${c}` }))];
    const next: InlineKeyboardButton[] = recipients.length > 0 ? [{ text: this.t(draft, "alw-next-texts"), callback_data: "alw:texts" }] : [];
    const text = this.t(draft, "alw-audience", { audience: describeAudience(this.audienceOf(draft)), count: recipients.length, breakdown: lines.join("\n") || "—" });
    await this.say(ctx, draft, text, [langRow, channelRow, ...(next.length ? [next] : [])]);
  }

  /** The texts step: which language has its own text, which another's, which none (with buttons to borrow one). */
  private async showTexts(ctx: Context, draft: Draft): Promise<void> {
    const { langs } = await findAudience(this.prepareDeps, this.audienceOf(draft));
    const lines = langs.map((lang) => {
      if (draft.written[lang]?.trim()) return this.t(draft, "alw-text-own", { lang });
      const from = draft.use[lang];
      if (from && draft.written[from]?.trim()) return this.t(draft, "alw-text-borrowed", { lang, from });
      return this.t(draft, "alw-text-missing", { lang });
    });
    const resolved = resolveTexts(langs, { written: draft.written, use: draft.use });
    const written = LANGS.filter((l) => draft.written[l]?.trim());
    if (resolved.ok) {
      await this.say(ctx, draft, `${lines.join("\n")}\n\n${this.t(draft, "alw-texts-ready")}`, [[{ text: this.t(draft, "alw-preview"), callback_data: "alw:preview" }]]);
      return;
    }
    const missing = resolved.missing[0]!;
    const ask = written.length > 0 ? this.t(draft, "alw-texts-missing", { lang: missing }) : this.t(draft, "alw-texts-ask", { langs: langs.join(", "), lang: missing });
    const borrow = written.map((from) => ({ text: this.t(draft, "alw-use", { lang: missing, from }), callback_data: `alw:use:${missing}:${from}` }));
    await this.say(ctx, draft, `${lines.join("\n")}\n\n${ask}`, borrow.length ? [borrow] : []);
  }

  private async onText(ctx: Context, draft: Draft, text: string): Promise<void> {
    const { langs } = await findAudience(this.prepareDeps, this.audienceOf(draft));
    const prefix = LANG_PREFIX.exec(text);
    const code = prefix?.[1];
    let lang: Lang | undefined;
    let body = text;
    if (code && isLang(code)) {
      lang = code;
      body = text.slice(prefix![0].length);
    } else {
      lang = resolveTexts(langs, { written: draft.written, use: draft.use }).ok ? langs[0] : langs.find((l) => !draft.written[l]?.trim() && !draft.use[l]);
    }
    if (!lang || body.trim() === "") return this.showTexts(ctx, draft);
    const length = alertMessage(this.d.i18n, lang, body).length;
    const limit = Math.min(...ALERT_CHANNELS.map((c) => TEXT_LIMIT[c]));
    if (length > limit) {
      await ctx.reply(this.t(draft, "alw-too-long", { lang, length, limit }));
      return;
    }
    draft.written[lang] = body.trim();
    delete draft.use[lang];
    await this.save(ctx.from!.id, draft);
    await this.showTexts(ctx, draft);
  }

  /** Exactly what each language group receives, then the test send and when. */
  private async showPreview(ctx: Context, draft: Draft): Promise<void> {
    const { recipients, langs } = await findAudience(this.prepareDeps, this.audienceOf(draft));
    const resolved = resolveTexts(langs, { written: draft.written, use: draft.use });
    if (!resolved.ok) return this.showTexts(ctx, draft);
    for (const lang of langs) {
      const count = recipients.filter((r) => r.lang === lang).length;
      await ctx.reply(`${this.t(draft, "alw-preview-head", { lang, count })}\n\n${alertMessage(this.d.i18n, lang, resolved.texts[lang]!)}`);
    }
    await this.say(ctx, draft, this.t(draft, "alw-preview-next"), [
      [{ text: this.t(draft, "alw-test"), callback_data: "alw:test" }],
      [
        { text: this.t(draft, "alw-now"), callback_data: "alw:now" },
        { text: this.t(draft, "alw-later"), callback_data: "alw:later" },
      ],
    ]);
  }

  private async onTime(ctx: Context, draft: Draft, text: string): Promise<void> {
    const tz = this.d.config.HOTLINE_TIMEZONE;
    const now = this.d.clock.now();
    const at = parseSendTime(text, now, tz);
    if (at === null) return void (await ctx.reply(this.t(draft, "alw-when-bad", { tz })));
    if (at <= now) return void (await ctx.reply(this.t(draft, "alw-when-past", { tz })));
    draft.at = at;
    draft.step = "confirm";
    await this.save(ctx.from!.id, draft);
    await this.showConfirm(ctx, draft);
  }

  private async showConfirm(ctx: Context, draft: Draft): Promise<void> {
    const { recipients } = await findAudience(this.prepareDeps, this.audienceOf(draft));
    const when = draft.at === 0 ? this.t(draft, "alw-when-now") : this.formatTime(draft.at);
    await this.say(ctx, draft, this.t(draft, "alw-confirm", { count: recipients.length, audience: describeAudience(this.audienceOf(draft)), when }), [
      [{ text: this.t(draft, "alw-send", { count: recipients.length }), callback_data: "alw:go" }],
    ]);
  }

  private formatTime(at: number): string {
    const f = new Intl.DateTimeFormat("sv-SE", { timeZone: this.d.config.HOTLINE_TIMEZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    return `${f.format(at)} (${this.d.config.HOTLINE_TIMEZONE})`;
  }

  private async cancel(ctx: Context, draft: Draft): Promise<void> {
    await this.d.store.delete(draftKey(ctx.from!.id));
    await ctx.reply(this.t(draft, "alw-cancelled"));
  }

  // --- buttons ------------------------------------------------------------------------------

  private async onButton(ctx: Context, match: RegExpMatchArray | string): Promise<void> {
    const admin = ctx.from!.id;
    const draft = await this.load(admin);
    const [, action, arg, arg2] = typeof match === "string" ? [] : match;
    await ctx.answerCallbackQuery().catch(() => undefined);
    if (!draft) return;
    switch (action) {
      case "cancel":
        return this.cancel(ctx, draft);
      case "seg":
        if (!arg || !this.d.segments().includes(arg)) return;
        draft.segments = [arg];
        delete draft.langs;
        delete draft.channel;
        break;
      case "lang":
        if (arg === "all") delete draft.langs;
        else if (arg && isLang(arg)) draft.langs = [arg];
        break;
      case "ch":
        if (arg === "all") delete draft.channel;
        else draft.channel = ALERT_CHANNELS.find((c) => c === arg);
        break;
      case "texts":
        draft.step = "texts";
        break;
      case "use":
        if (arg && isLang(arg) && arg2 && isLang(arg2)) draft.use[arg] = arg2;
        break;
      case "preview":
        draft.step = "preview";
        break;
      case "test":
        return this.testSend(ctx, draft);
      case "now":
        draft.at = 0;
        draft.step = "confirm";
        break;
      case "later":
        draft.step = "when";
        break;
      case "go":
        return draft.step === "confirm" ? this.confirm(ctx, draft) : undefined;
      default:
        return;
    }
    // An audience button (also one pressed again on an older message) goes back to the audience step.
    if (action === "seg" || action === "lang" || action === "ch") draft.step = "audience";
    await this.save(admin, draft);
    if (draft.step === "audience") return this.showAudience(ctx, draft);
    if (action === "texts" || action === "use") return this.showTexts(ctx, draft);
    if (action === "preview") return this.showPreview(ctx, draft);
    if (action === "later") return void (await this.say(ctx, draft, this.t(draft, "alw-when-ask", { tz: this.d.config.HOTLINE_TIMEZONE })));
    return this.showConfirm(ctx, draft);
  }

  /** Every language's message, exactly as its group gets it, to the admin. */
  private async testSend(ctx: Context, draft: Draft): Promise<void> {
    const { langs } = await findAudience(this.prepareDeps, this.audienceOf(draft));
    const resolved = resolveTexts(langs, { written: draft.written, use: draft.use });
    if (!resolved.ok) return this.showTexts(ctx, draft);
    for (const lang of langs) await ctx.reply(alertMessage(this.d.i18n, lang, resolved.texts[lang]!));
    await this.say(ctx, draft, this.t(draft, "alw-tested"), [
      [
        { text: this.t(draft, "alw-now"), callback_data: "alw:now" },
        { text: this.t(draft, "alw-later"), callback_data: "alw:later" },
      ],
    ]);
  }

  /** Store the alert as the command line does; the confirm message becomes its progress card. */
  private async confirm(ctx: Context, draft: Draft): Promise<void> {
    const admin = ctx.from!;
    const message = ctx.callbackQuery?.message;
    if (!message) return;
    const now = this.d.clock.now();
    let id: string;
    try {
      if (draft.at !== 0 && draft.at <= now) throw new FixableError(this.t(draft, "alw-when-past", { tz: this.d.config.HOTLINE_TIMEZONE }));
      const audience = this.audienceOf(draft);
      const prepared = await prepareAlert(this.prepareDeps, audience, { written: draft.written, use: draft.use });
      const card = `${message.chat.id}:${message.message_id}`;
      const by = `telegram:${admin.id} ${[admin.first_name, admin.last_name].filter(Boolean).join(" ")}`.trim();
      id = await this.d.alerts.create({ by, audience, texts: prepared.texts, recipients: prepared.recipients, at: draft.at, now, card });
    } catch (error) {
      if (!(error instanceof FixableError)) throw error;
      await ctx.reply(error.message);
      return;
    }
    await this.d.store.delete(draftKey(admin.id));
    this.d.log.info("alert: created in the wizard", { alert: id });
    const record = await this.d.alerts.get(id);
    if (record) await this.editCard(record, draft.ui);
  }

  private async onCardButton(ctx: Context, match: RegExpMatchArray | string): Promise<void> {
    const [, action, id] = typeof match === "string" ? [] : match;
    if ((action !== "pause" && action !== "resume" && action !== "cancel") || !id) return;
    const changed = await this.d.alerts[action](id);
    const record = await this.d.alerts.get(id);
    const ui = await this.uiOf(record);
    await ctx.answerCallbackQuery(changed === null ? { text: this.d.i18n.t(ui, "alc-not-now") } : {}).catch(() => undefined);
    if (record) await this.editCard(record, ui);
  }

  // --- progress -----------------------------------------------------------------------------

  private async uiOf(alert: AlertRecord | null): Promise<Lang> {
    const card = parseCard(alert?.card);
    const lang = card ? await this.d.store.get(uiKey(card.chat)) : null;
    return lang && isLang(lang) ? lang : this.d.config.DEFAULT_LANG;
  }

  private async editCard(alert: AlertRecord, ui: Lang): Promise<void> {
    const card = parseCard(alert.card);
    if (!card || !this.api) return;
    const { text, buttons } = renderCard(this.d.i18n, ui, alert, this.d.clock.now());
    try {
      await this.api.editMessageText(card.chat, card.message, text, { reply_markup: { inline_keyboard: buttons } });
    } catch (error) {
      // "message is not modified" (nothing changed since the last edit) and the like: the next report edits again.
      this.d.log.debug("alert: card not edited", { alert: alert.id, error: String(error) });
    }
  }

  /**
   * The sender's progress report (any worker that runs Telegram): edit the alert's card; when it
   * ended, the card becomes the report, also posted to the staff group's general topic.
   */
  async progress(alert: AlertRecord, ended: boolean): Promise<void> {
    if (!this.api || !alert.card) return;
    const ui = await this.uiOf(alert);
    await this.editCard(alert, ui);
    const staff = this.d.config.TELEGRAM_STAFF_CHAT_ID;
    if (ended && staff !== undefined) {
      try {
        await this.api.sendMessage(staff, renderCard(this.d.i18n, ui, alert, this.d.clock.now()).text);
      } catch (error) {
        this.d.log.warn("alert: report not posted to the staff group", { alert: alert.id, error: String(error) });
      }
    }
  }
}
