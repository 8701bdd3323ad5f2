import type { Context } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import { isLang, LANGS, type Lang } from "../../core/lang.ts";
import type { Localizer } from "../../i18n/localizer.ts";
import { ALERT_CHANNELS, type AlertChannel, type Audience } from "../audience.ts";
import { describeAudience, parseAudience } from "../prepare.ts";
import { alertMessage, resolveTexts, TEXT_LIMIT } from "../texts.ts";
import { parseSendTime } from "../time.ts";

export type WizardContext = ConversationFlavor<Context>;
export type WizardConversation = Conversation<WizardContext, Context>;

/** The audience as the wizard shows it: small, so the replay log keeps it (never the recipient list). */
export interface AudienceSummary {
  count: number;
  /** The recipients' languages, in the order of LANGS, with their count (and how many on WhatsApp). */
  langs: { lang: Lang; count: number; whatsapp?: number }[];
  /** `ru: telegram 812, whatsapp 140` per language. */
  breakdown: string[];
}

/** The half-written alert (a local of the conversation: its state is the replay log). */
export interface Draft {
  segments: string[];
  langs?: Lang[];
  channel?: AlertChannel;
  source?: string;
  written: Partial<Record<Lang, string>>;
  use: Partial<Record<Lang, Lang>>;
  /** When to send (epoch ms), 0: now. */
  at: number;
}

/** What the conversation does outside itself (store reads and writes, the clock); each call runs in `conversation.external`. */
export interface WizardPorts {
  i18n: Localizer;
  timeZone: string;
  defaultLang: Lang;
  segments: () => readonly string[];
  now: () => number;
  /**
   * On WhatsApp's Cloud API: the alert template of a language (`WHATSAPP_ALERT_TEMPLATES`), or
   * null when it has none. Undefined on the linked-phone transport, which needs no template.
   */
  alertTemplate?: (lang: Lang) => string | null;
  /** Remember the admin's language for the progress card (edited by any worker). */
  rememberUi: (chat: number, ui: Lang) => Promise<void>;
  summarize: (audience: Audience) => Promise<AudienceSummary>;
  /** The languages and deep-link sources of a segment's whole audience (the narrowing buttons). */
  options: (segments: string[]) => Promise<{ langs: Lang[]; sources: string[] }>;
  /** Store the alert; its id, or the one-line reason it cannot be sent. `card`: the confirm message. */
  create: (draft: Draft, by: { id: number; name: string }, card: { chat: number; message: number }, ui: Lang) => Promise<{ id: string } | { error: string }>;
}

/** Callback data of the wizard's buttons: `alw:<action>[:<arg>[:<arg>]]`. */
export const WIZARD_BUTTON = /^alw:([a-z]+)(?::([a-zA-Z0-9_-]{1,64}))?(?::([a-z]{2}))?$/;
/** `uz: text` — a text starting with one of the six language codes is for that language. */
const LANG_PREFIX = /^\s*([a-z]{2})\s*:\s*/;
const AUDIENCE_ACTIONS = new Set(["seg", "lang", "ch", "src"]);

type Step = "audience" | "texts" | "preview" | "when" | "confirm";
type Keyboard = InlineKeyboardButton[][];
type Input = { button: true; action: string; arg?: string; arg2?: string } | { button: false; text: string };

/**
 * The `/alert` wizard as a conversation (@grammyjs/conversations 2.x): audience → texts per
 * language → preview and test send → now or at a time → confirm. The conversation's state is its
 * replay log in the store (`wizardStorage`), so a restart or another worker continues it; every
 * read of the store, the clock and the final write go through `conversation.external`, and the
 * plugin replays the Bot API calls of earlier steps instead of sending them again. An audience
 * button pressed at a later step (on an older message) goes back to the audience step.
 */
export function alertWizard(ports: WizardPorts) {
  return async function alert(conversation: WizardConversation, first: Context): Promise<void> {
    const code = first.from?.language_code?.slice(0, 2);
    const ui: Lang = code && isLang(code) ? code : ports.defaultLang;
    const t = (id: string, args?: Record<string, string | number>) => ports.i18n.t(ui, id, args);
    const say = async (ctx: Context, text: string, keyboard: Keyboard = []) => {
      await ctx.reply(text, { reply_markup: { inline_keyboard: [...keyboard, [{ text: t("alw-cancel"), callback_data: "alw:cancel" }]] } });
    };
    const draft: Draft = { segments: [], written: {}, use: {}, at: 0 };
    const audience = (): Audience => parseAudience({ segments: draft.segments, langs: draft.langs, channel: draft.channel, source: draft.source }, ports.segments());
    const summary = () => conversation.external(() => ports.summarize(audience()));
    const limit = Math.min(...ALERT_CHANNELS.map((c) => TEXT_LIMIT[c]));

    /** The next update for the wizard: Cancel ends it; what is not the wizard's goes on to the bot's ordinary chat. */
    const input = async (wantText: boolean): Promise<{ ctx: Context; in: Input }> => {
      for (;;) {
        const ctx = await conversation.wait();
        const text = ctx.message?.text;
        const data = ctx.callbackQuery?.data;
        if (/^\/alert\b/.test(text ?? "")) await conversation.skip({ next: true }); // a new /alert starts over (the command's handler)
        if (data === "alw:cancel" || /^\/cancel\b/.test(text ?? "")) {
          if (data) await ctx.answerCallbackQuery().catch(() => undefined);
          await ctx.reply(t("alw-cancelled"));
          return conversation.halt();
        }
        const m = data ? WIZARD_BUTTON.exec(data) : null;
        if (m) {
          await ctx.answerCallbackQuery().catch(() => undefined);
          return { ctx, in: { button: true, action: m[1]!, ...(m[2] ? { arg: m[2] } : {}), ...(m[3] ? { arg2: m[3] } : {}) } };
        }
        if (wantText && text !== undefined) return { ctx, in: { button: false, text } };
        await conversation.skip({ next: true });
      }
    };

    const applyAudience = (action: string, arg: string | undefined): boolean => {
      if (action === "seg") {
        if (!arg || !ports.segments().includes(arg)) return false;
        draft.segments = [arg];
        delete draft.langs;
        delete draft.channel;
        delete draft.source;
      } else if (draft.segments.length === 0) return false;
      else if (action === "lang") {
        if (arg === "all") delete draft.langs;
        else if (arg && isLang(arg)) draft.langs = [arg];
      } else if (action === "ch") {
        if (arg === "all") delete draft.channel;
        else draft.channel = ALERT_CHANNELS.find((c) => c === arg);
      } else if (action === "src") {
        if (arg === undefined || arg === "all") delete draft.source;
        else draft.source = arg;
      }
      return true;
    };

    const showAudience = async (ctx: Context) => {
      const s = await summary();
      const { langs, sources } = await conversation.external(() => ports.options(draft.segments));
      const rows: Keyboard = [
        [{ text: t("alw-all-langs"), callback_data: "alw:lang:all" }, ...langs.map((l) => ({ text: l, callback_data: `alw:lang:${l}` }))],
        [{ text: t("alw-all-channels"), callback_data: "alw:ch:all" }, ...ALERT_CHANNELS.map((c) => ({ text: c, callback_data: `alw:ch:${c}` }))],
      ];
      if (sources.length > 0) rows.push([{ text: t("alw-all-sources"), callback_data: "alw:src:all" }, ...sources.map((src) => ({ text: src, callback_data: `alw:src:${src}` }))]);
      if (s.count > 0) rows.push([{ text: t("alw-next-texts"), callback_data: "alw:texts" }]);
      await say(ctx, t("alw-audience", { audience: describeAudience(audience()), count: s.count, breakdown: s.breakdown.join("\n") || "—" }), rows);
    };

    /** Which language has its own text, which another's, which none (with buttons to borrow one); true when all have one. */
    const showTexts = async (ctx: Context): Promise<boolean> => {
      const langs = (await summary()).langs.map((l) => l.lang);
      const lines = langs.map((lang) => {
        if (draft.written[lang]?.trim()) return t("alw-text-own", { lang });
        const from = draft.use[lang];
        if (from && draft.written[from]?.trim()) return t("alw-text-borrowed", { lang, from });
        return t("alw-text-missing", { lang });
      });
      const resolved = resolveTexts(langs, draft);
      if (resolved.ok) {
        await say(ctx, `${lines.join("\n")}\n\n${t("alw-texts-ready")}`, [[{ text: t("alw-preview"), callback_data: "alw:preview" }]]);
        return true;
      }
      const written = LANGS.filter((l) => draft.written[l]?.trim());
      const missing = resolved.missing[0]!;
      const ask = written.length > 0 ? t("alw-texts-missing", { lang: missing }) : t("alw-texts-ask", { langs: langs.join(", "), lang: missing });
      const borrow = written.map((from) => ({ text: t("alw-use", { lang: missing, from }), callback_data: `alw:use:${missing}:${from}` }));
      await say(ctx, `${lines.join("\n")}\n\n${ask}`, borrow.length ? [borrow] : []);
      return false;
    };

    /** A message of the texts step: `uz: ...` for Uzbek, without a code the first language still missing. */
    const takeText = async (ctx: Context, text: string) => {
      const langs = (await summary()).langs.map((l) => l.lang);
      const prefix = LANG_PREFIX.exec(text);
      const code = prefix?.[1];
      let lang: Lang | undefined;
      let body = text;
      if (code && isLang(code)) {
        lang = code;
        body = text.slice(prefix[0].length);
      } else {
        lang = resolveTexts(langs, draft).ok ? langs[0] : langs.find((l) => !draft.written[l]?.trim() && !draft.use[l]);
      }
      if (lang && body.trim() !== "") {
        const length = alertMessage(ports.i18n, lang, body).length;
        if (length > limit) return void (await ctx.reply(t("alw-too-long", { lang, length, limit })));
        draft.written[lang] = body.trim();
        delete draft.use[lang];
      }
      await showTexts(ctx);
    };

    const whenButtons: Keyboard = [
      [
        { text: t("alw-now"), callback_data: "alw:now" },
        { text: t("alw-later"), callback_data: "alw:later" },
      ],
    ];

    /** Exactly what each language group receives (with the opt-out line). */
    const showPreview = async (ctx: Context): Promise<boolean> => {
      const s = await summary();
      const resolved = resolveTexts(s.langs.map((l) => l.lang), draft);
      if (!resolved.ok) return showTexts(ctx);
      for (const { lang, count, whatsapp } of s.langs) {
        // WhatsApp Cloud subscribers who have not written for 24 hours get the alert as a template (or, without one, a note to write).
        const template = whatsapp && ports.alertTemplate ? ports.alertTemplate(lang) : undefined;
        const note = template === undefined ? "" : `\n\n${template === null ? t("alw-preview-wa-no-template", { count: whatsapp ?? 0, lang }) : t("alw-preview-wa-template", { count: whatsapp ?? 0, name: template })}`;
        await ctx.reply(`${t("alw-preview-head", { lang, count })}\n\n${alertMessage(ports.i18n, lang, resolved.texts[lang]!)}${note}`);
      }
      await say(ctx, t("alw-preview-next"), [[{ text: t("alw-test"), callback_data: "alw:test" }], ...whenButtons]);
      return true;
    };

    const testSend = async (ctx: Context) => {
      const s = await summary();
      const resolved = resolveTexts(s.langs.map((l) => l.lang), draft);
      if (!resolved.ok) return void (await showTexts(ctx));
      for (const { lang } of s.langs) await ctx.reply(alertMessage(ports.i18n, lang, resolved.texts[lang]!));
      await say(ctx, t("alw-tested"), whenButtons);
    };

    const showConfirm = async (ctx: Context) => {
      const when = draft.at === 0 ? t("alw-when-now") : formatTime(draft.at, ports.timeZone);
      const { count } = await summary();
      await say(ctx, t("alw-confirm", { count, audience: describeAudience(audience()), when }), [[{ text: t("alw-send", { count }), callback_data: "alw:go" }]]);
    };

    await conversation.external(() => ports.rememberUi(first.chat!.id, ui));
    await say(first, t("alw-audience-choose"), [ports.segments().map((s) => ({ text: s, callback_data: `alw:seg:${s}` }))]);
    let step: Step = "audience";
    for (;;) {
      const { ctx, in: got } = await input(step === "texts" || step === "when");
      if (!got.button) {
        if (step === "texts") await takeText(ctx, got.text);
        else {
          const now = await conversation.external(() => ports.now());
          const at = parseSendTime(got.text, now, ports.timeZone);
          if (at === null) await ctx.reply(t("alw-when-bad", { tz: ports.timeZone }));
          else if (at <= now) await ctx.reply(t("alw-when-past", { tz: ports.timeZone }));
          else {
            draft.at = at;
            step = "confirm";
            await showConfirm(ctx);
          }
        }
        continue;
      }
      const { action, arg, arg2 } = got;
      if (AUDIENCE_ACTIONS.has(action)) {
        if (!applyAudience(action, arg)) continue;
        step = "audience";
        await showAudience(ctx);
      } else if (draft.segments.length === 0) {
        continue; // a button of an older wizard before a segment was chosen
      } else if (action === "texts") {
        step = "texts";
        await showTexts(ctx);
      } else if (action === "use" && arg && isLang(arg) && arg2 && isLang(arg2)) {
        draft.use[arg] = arg2;
        step = "texts";
        await showTexts(ctx);
      } else if (action === "preview") {
        step = (await showPreview(ctx)) ? "preview" : "texts";
      } else if (action === "test") {
        await testSend(ctx);
      } else if (action === "now") {
        draft.at = 0;
        step = "confirm";
        await showConfirm(ctx);
      } else if (action === "later") {
        step = "when";
        await say(ctx, t("alw-when-ask", { tz: ports.timeZone }));
      } else if (action === "go" && step === "confirm") {
        const message = ctx.callbackQuery?.message;
        const from = ctx.from;
        if (!message || !from) continue;
        const by = { id: from.id, name: [from.first_name, from.last_name].filter(Boolean).join(" ") };
        const made = await conversation.external(() => ports.create(draft, by, { chat: message.chat.id, message: message.message_id }, ui));
        if ("id" in made) return; // the confirm message is the alert's progress card now
        await ctx.reply(made.error);
      }
    }
  };
}

/** `2026-12-03 09:00 (Asia/Almaty)` */
export function formatTime(at: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  return `${f.format(at)} (${timeZone})`;
}
