import type { Localizer } from "../i18n/localizer.ts";
import type { Lang } from "../core/lang.ts";
import type { AlertChannel } from "./audience.ts";

/** The longest message each platform takes (Telegram: 4,096 characters; we keep WhatsApp to the same). */
export const TEXT_LIMIT: Record<AlertChannel, number> = { telegram: 4096, whatsapp: 4096 };

/** What the staff wrote (by language) and, for languages without a text, which language's text they get. */
export interface TextPlan {
  written: Partial<Record<Lang, string>>;
  use?: Partial<Record<Lang, Lang>>;
}

/** The message a user of `lang` receives: the text and the opt-out line every alert ends with. */
export function alertMessage(i18n: Localizer, lang: Lang, text: string): string {
  return `${text.trim()}\n\n${i18n.t(lang, "alert-optout")}`;
}

/**
 * The text of each audience language, or the languages that have none (neither written nor
 * pointed at a written one): never silently nothing.
 */
export function resolveTexts(langs: readonly Lang[], plan: TextPlan): { ok: true; texts: Partial<Record<Lang, string>> } | { ok: false; missing: Lang[] } {
  const texts: Partial<Record<Lang, string>> = {};
  const missing: Lang[] = [];
  for (const lang of langs) {
    const own = plan.written[lang]?.trim();
    const other = plan.use?.[lang];
    const borrowed = other === undefined ? undefined : plan.written[other]?.trim();
    const text = own || borrowed;
    if (text) texts[lang] = text;
    else missing.push(lang);
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, texts };
}

/** The first message over its platform's limit (with the opt-out line), or null. */
export function overLength(
  i18n: Localizer,
  texts: Partial<Record<Lang, string>>,
  channels: readonly AlertChannel[],
): { lang: Lang; length: number; limit: number } | null {
  for (const [lang, text] of Object.entries(texts) as [Lang, string][]) {
    const length = alertMessage(i18n, lang, text).length;
    for (const channel of channels) if (length > TEXT_LIMIT[channel]) return { lang, length, limit: TEXT_LIMIT[channel] };
  }
  return null;
}
