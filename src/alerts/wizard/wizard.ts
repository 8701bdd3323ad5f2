import { Composer, type Api, type Bot, type Context } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import type { Config } from "../../config/schema.ts";
import type { Clock } from "../../core/clock.ts";
import { FixableError } from "../../core/errors.ts";
import { sessionKey } from "../../core/keys.ts";
import { isLang, type Lang } from "../../core/lang.ts";
import type { Logger } from "../../core/log.ts";
import { readSession } from "../../engine/session.ts";
import type { Localizer } from "../../i18n/localizer.ts";
import type { Store } from "../../store/store.ts";
import { countRecipients, segmentKey, type Audience } from "../audience.ts";
import { CARD_BUTTON, parseCard, renderCard } from "../card.ts";
import { findAudience, parseAudience, prepareAlert, type PrepareDeps } from "../prepare.ts";
import type { AlertRecord, AlertStore } from "../store.ts";
import { alertWizard, WIZARD_BUTTON, type AudienceSummary, type Draft, type WizardContext } from "./conversation.ts";
import { draftKey, firstDelivery, oneAtATime, uiKey, wizardStorage } from "./storage.ts";

/** The settings the wizard reads. */
export type WizardSettings = Pick<Config, "TELEGRAM_ADMIN_IDS" | "TELEGRAM_STAFF_CHAT_ID" | "HOTLINE_TIMEZONE" | "DEFAULT_LANG" | "WHATSAPP_TRANSPORT" | "WHATSAPP_ALERT_TEMPLATES">;

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

/** The admin's language for cards is kept long after the wizard (alerts may be scheduled weeks ahead). */
const UI_TTL_MS = 90 * 86_400_000;

/**
 * The staff's `/alert` wizard in a private chat with the bot (only `TELEGRAM_ADMIN_IDS`; anyone
 * else's updates pass on to the migrant chat): the conversation `alert` (./conversation.ts) with
 * its state in the store, and the progress card of a confirmed alert, whose Pause, Resume and
 * Cancel buttons are plain callback handlers (outside the conversation), so they work from any
 * worker. Every update the wizard takes is applied once (`firstDelivery`) and one admin's updates
 * one at a time over all workers (`oneAtATime`).
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
    admin.callbackQuery(CARD_BUTTON, async (ctx) => (await firstDelivery(this.d.store, ctx.update.update_id)) && this.onCardButton(ctx, ctx.match));
    const wizard = new Composer<WizardContext>();
    wizard.use(conversations<WizardContext, Context>({ storage: wizardStorage(this.d.store) }));
    wizard.use(createConversation<WizardContext, Context>(alertWizard(this.ports()), "alert"));
    // A wizard button of a wizard that ended (sent, cancelled, expired): answered, nothing else.
    wizard.callbackQuery(WIZARD_BUTTON, (ctx) => ctx.answerCallbackQuery().catch(() => undefined));
    wizard.command("alert", async (ctx) => {
      await ctx.conversation.exitAll();
      await ctx.conversation.enter("alert");
    });
    admin.use(async (ctx, next) => {
      if (!(await this.wants(ctx))) return next();
      if (!(await firstDelivery(this.d.store, ctx.update.update_id))) return;
      // The conversations plugin adds `ctx.conversation` to the context it is given.
      await oneAtATime(this.d.store, ctx.from.id, async () => {
        await wizard.middleware()(ctx as WizardContext, next);
      });
    });
  }

  /** Whether the update is the wizard's: `/alert`, a wizard button, or anything while the admin is in the wizard. */
  private async wants(ctx: Context & { from: { id: number } }): Promise<boolean> {
    if (/^\/alert\b/.test(ctx.message?.text ?? "")) return true;
    if (WIZARD_BUTTON.test(ctx.callbackQuery?.data ?? "")) return true;
    return (await this.d.store.get(draftKey(ctx.from.id))) !== null;
  }

  private ports() {
    const { config, i18n, store, clock } = this.d;
    return {
      i18n,
      timeZone: config.HOTLINE_TIMEZONE,
      defaultLang: config.DEFAULT_LANG,
      ...(config.WHATSAPP_TRANSPORT === "cloud" ? { alertTemplate: (lang: Lang) => config.WHATSAPP_ALERT_TEMPLATES?.[lang]?.name ?? null } : {}),
      segments: this.d.segments,
      now: () => clock.now(),
      rememberUi: (chat: number, ui: Lang) => store.set(uiKey(chat), ui, UI_TTL_MS),
      summarize: (audience: Audience) => this.summarize(audience),
      options: (segments: string[]) => this.options(segments),
      create: (draft: Draft, by: { id: number; name: string }, card: { chat: number; message: number }, ui: Lang) => this.create(draft, by, card, ui),
    };
  }

  private async summarize(audience: Audience): Promise<AudienceSummary> {
    const { recipients, langs } = await findAudience(this.prepareDeps, audience);
    const counts = countRecipients(recipients);
    return {
      count: recipients.length,
      langs: langs.map((lang) => ({ lang, count: recipients.filter((r) => r.lang === lang).length, whatsapp: counts[lang]?.whatsapp ?? 0 })),
      breakdown: Object.entries(counts).map(([lang, byChannel]) => `${lang}: ${Object.entries(byChannel ?? {}).map(([c, n]) => `${c} ${n}`).join(", ")}`),
    };
  }

  /** The languages of a segment's whole audience, and the deep-link sources its subscribers came from. */
  private async options(segments: string[]): Promise<{ langs: Lang[]; sources: string[] }> {
    const { langs } = await findAudience(this.prepareDeps, { segments });
    const users = new Set<string>();
    for (const segment of segments) for (const user of await this.d.store.smembers(segmentKey(segment))) users.add(user);
    const sources = new Set<string>();
    const now = this.d.clock.now();
    for (const raw of await Promise.all([...users].map((user) => this.d.store.get(sessionKey(user))))) {
      const src = readSession(raw, now).session.src;
      if (src && /^[a-zA-Z0-9_-]{1,64}$/.test(src)) sources.add(src); // what fits a button's data
    }
    return { langs, sources: [...sources].sort() };
  }

  /** Store the alert as the command line does; the confirm message becomes its progress card. */
  private async create(draft: Draft, by: { id: number; name: string }, card: { chat: number; message: number }, ui: Lang): Promise<{ id: string } | { error: string }> {
    const now = this.d.clock.now();
    let id: string;
    try {
      if (draft.at !== 0 && draft.at <= now) throw new FixableError(this.d.i18n.t(ui, "alw-when-past", { tz: this.d.config.HOTLINE_TIMEZONE }));
      const audience = parseAudience({ segments: draft.segments, langs: draft.langs, channel: draft.channel, source: draft.source }, this.d.segments());
      const prepared = await prepareAlert(this.prepareDeps, audience, { written: draft.written, use: draft.use });
      id = await this.d.alerts.create({ by: `telegram:${by.id} ${by.name}`.trim(), audience, texts: prepared.texts, recipients: prepared.recipients, at: draft.at, now, card: `${card.chat}:${card.message}` });
    } catch (error) {
      if (!(error instanceof FixableError)) throw error;
      return { error: error.message };
    }
    this.d.log.info("alert: created in the wizard", { alert: id });
    const record = await this.d.alerts.get(id);
    if (record) await this.editCard(record, ui);
    return { id };
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
