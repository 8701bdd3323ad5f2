import type { Lang } from "../core/lang.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Config } from "../config/schema.ts";
import { messageId, type ArticleMeta, type ArticlePart, type KnowledgeMeta } from "./metadata.ts";
import { KnowledgeSearch, type SearchTuning } from "./search.ts";

/**
 * The knowledge base as the bot and the CLI use it: metadata, texts (through the Localizer)
 * and the search index, built once.
 *
 * @example
 * const kb = new KnowledgeBase(meta, i18n, contactArgs(config));
 * kb.shortText("uz", "stay-rules");
 */

/** Fluent arguments the article texts use; the same names as the engine's global arguments. */
export type ContactArgs = { hotlinePhone: string; hotlineHours: string; emergency: string };

/** Contacts from the settings (never from the texts). */
export function contactArgs(config: Pick<Config, "HOTLINE_PHONE" | "HOTLINE_HOURS" | "EMERGENCY_CONTACTS">): ContactArgs {
  return { hotlinePhone: config.HOTLINE_PHONE, hotlineHours: config.HOTLINE_HOURS, emergency: config.EMERGENCY_CONTACTS };
}

/** "2026-11-26" → "26.11.2026" (the way dates are written in all six languages' everyday use). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export class KnowledgeBase {
  readonly search: KnowledgeSearch;
  private readonly byId: Map<string, ArticleMeta>;

  constructor(
    readonly meta: KnowledgeMeta,
    private readonly i18n: Localizer,
    private readonly contacts: ContactArgs,
    tuning: Partial<SearchTuning> = {},
  ) {
    this.byId = new Map(meta.articles.map((a) => [a.id, a]));
    // Index the texts without contacts: a phone number is not a topic.
    const blank = { hotlinePhone: "", hotlineHours: "", emergency: "" };
    this.search = new KnowledgeSearch(meta, (lang, id, part) => this.part(lang, id, part, blank), tuning);
  }

  article(id: string): ArticleMeta | undefined {
    return this.byId.get(id);
  }

  /** One part of an article in a language; an empty string if the text is missing. */
  part(lang: Lang, id: string, part: ArticlePart, args: Record<string, string> = this.contacts, errors?: Error[]): string {
    const key = messageId(id, part);
    if (!this.i18n.has(lang, key) && !this.i18n.has("ru", key)) return "";
    return this.i18n.t(lang, key, args, errors);
  }

  /** Any knowledge message (`kb-none`, `kb-danger`, ...) with the contacts as arguments. */
  message(lang: Lang, id: string, args: Record<string, string> = {}): string {
    return this.i18n.t(lang, id, { ...this.contacts, ...args });
  }

  title(lang: Lang, id: string): string {
    return this.part(lang, id, "title") || id;
  }

  /** "Checked on 26.11.2026. Rules change often: ..." */
  checked(lang: Lang, id: string): string {
    const reviewed = this.byId.get(id)?.reviewed;
    return reviewed ? this.i18n.t(lang, "kb-checked", { date: formatDate(reviewed) }) : "";
  }

  /** The first screen: title, short answer, checked date. */
  shortText(lang: Lang, id: string, errors?: Error[]): string {
    return [this.part(lang, id, "title", this.contacts, errors), this.part(lang, id, "short", this.contacts, errors), this.checked(lang, id)]
      .filter(Boolean)
      .join("\n\n");
  }

  /** The second screen: details, what to do next, sources. */
  detailsText(lang: Lang, id: string, errors?: Error[]): string {
    const sources = this.byId.get(id)?.sources ?? [];
    return [
      this.part(lang, id, "details", this.contacts, errors),
      this.part(lang, id, "next", this.contacts, errors),
      sources.length ? this.i18n.t(lang, "kb-sources", { list: sources.join("; ") }) : "",
    ]
      .filter(Boolean)
      .join("\n\n");
  }

  /** Related article ids that exist. */
  related(id: string): string[] {
    return (this.byId.get(id)?.related ?? []).filter((r) => this.byId.has(r));
  }
}
