import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { negotiateLanguages } from "@fluent/langneg";
import { LANGS, type Lang } from "../core/lang.ts";

/**
 * Renders Fluent messages in the six languages. Built from the `.ftl` files under `locales/`
 * (see `loadLocales`); `useIsolating: false` because messengers show the isolation marks as
 * boxes on cheap phones.
 *
 * A missing message falls back to Russian, then English, then the id itself — `jol flows check`
 * makes sure that never happens in a release.
 *
 * @example
 * i18n.t("uz", "main-menu-title", { name: "Aziz" });
 */
export class Localizer {
  private readonly bundles = new Map<Lang, FluentBundle>();
  /** Message ids per language, as the resources define them (FluentBundle does not list its own). */
  private readonly messageIds = new Map<Lang, string[]>();

  constructor(sources: Map<Lang, string[]>) {
    for (const lang of LANGS) {
      const bundle = new FluentBundle(lang, { useIsolating: false });
      const ids = new Set<string>();
      for (const source of sources.get(lang) ?? []) {
        const resource = new FluentResource(source);
        for (const entry of resource.body) if (!entry.id.startsWith("-")) ids.add(entry.id); // "-name" is a term, not a message
        bundle.addResource(resource, { allowOverrides: true });
      }
      this.bundles.set(lang, bundle);
      this.messageIds.set(lang, [...ids]);
    }
  }

  has(lang: Lang, id: string): boolean {
    return this.bundles.get(lang)?.hasMessage(id) ?? false;
  }

  /** Message ids defined in a language. */
  ids(lang: Lang): string[] {
    return [...(this.messageIds.get(lang) ?? [])];
  }

  /** Render `id` in `lang`; `errors` collects Fluent's complaints (missing variables, ...). */
  t(lang: Lang, id: string, args?: Record<string, FluentVariable>, errors?: Error[]): string {
    for (const candidate of [lang, "ru", "en"] as const) {
      const bundle = this.bundles.get(candidate);
      const message = bundle?.getMessage(id);
      if (bundle && message?.value) return bundle.formatPattern(message.value, args ?? null, errors ?? []);
    }
    errors?.push(new Error(`missing message ${id}`));
    return id;
  }

  /** Render an attribute (`id.attr`) of a message, or undefined. */
  attr(lang: Lang, id: string, attribute: string, args?: Record<string, FluentVariable>): string | undefined {
    const bundle = this.bundles.get(lang);
    const pattern = bundle?.getMessage(id)?.attributes[attribute];
    return bundle && pattern ? bundle.formatPattern(pattern, args ?? null, []) : undefined;
  }
}

/**
 * The best of our languages for a platform hint (`"uz-UZ"`, `"ru"`, `"kk"`), or undefined.
 */
export function matchLang(hint: string | undefined): Lang | undefined {
  if (!hint) return undefined;
  if (hintCache.has(hint)) return hintCache.get(hint);
  const [best] = negotiateLanguages([hint.replace("_", "-")], [...LANGS], { strategy: "lookup", defaultLocale: "__none" });
  const lang = best && best !== "__none" ? (best as Lang) : undefined;
  if (hintCache.size < 1000) hintCache.set(hint, lang);
  return lang;
}

/** Platforms send a handful of distinct hints; negotiating each once is enough. */
const hintCache = new Map<string, Lang | undefined>();
