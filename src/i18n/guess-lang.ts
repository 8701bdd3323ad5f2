import { z } from "zod";
import { LANGS, type Lang } from "../core/lang.ts";
import { normalize } from "../core/words.ts";

/**
 * The six languages in a user's own words, from the data file `flows/languages.yaml`
 * (`data: languages`): which language a typed name chooses ("uz", "ўзбек", "қазақша"), whether
 * a message is only a greeting, and which language a first message is written in (by its letters
 * and its common words), so that a question typed before a language was chosen is answered in
 * its own language instead of being dropped.
 *
 * @example
 * const langs = new LanguageWords(flows.data.get("languages")?.value);
 * langs.named("ўзбекча");               // "uz"
 * langs.greeting("Assalomu alaykum!");  // ["uz"]
 * langs.guess("Можно ли работать?");    // "ru"
 */

const Words = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);
export const LanguageDataSchema = z.strictObject({
  /** Words that may follow a greeting ("всем", "aka"): the message is still only a greeting. */
  address: Words,
  langs: z.partialRecord(z.enum(LANGS), z.strictObject({ names: Words, greetings: Words, common: Words })).default({}),
});
export type LanguageData = z.infer<typeof LanguageDataSchema>;

/** Letters only one or two of the languages use, and how much each tells. */
const LETTERS: Array<{ pattern: RegExp; langs: Partial<Record<Lang, number>> }> = [
  { pattern: /[ҷӣӯ]/u, langs: { tg: 3 } },
  { pattern: /[әіұһ]/u, langs: { kk: 3 } },
  { pattern: /ў/u, langs: { uz: 3 } },
  { pattern: /[үөң]/u, langs: { ky: 1, kk: 1 } },
  { pattern: /ҳ/u, langs: { tg: 1, uz: 1 } },
  { pattern: /[a-z](?:o'|g')|\b(?:o'|g')/u, langs: { uz: 2 } },
];

/** Longest phrase of a word list, in words: phrases are looked up by their first word. */
const MAX_PHRASE = 4;

export class LanguageWords {
  private readonly names = new Map<string, Lang>();
  private readonly greetings = new Map<string, Set<Lang>>();
  private readonly common = new Map<string, Set<Lang>>();
  private readonly address: Set<string>;

  /** `value` is the data file's value; anything unreadable gives an empty set of words (see `parse`). */
  constructor(value: unknown) {
    const data = LanguageWords.parse(value) ?? { address: [], langs: {} };
    this.address = new Set(data.address.map(normalize));
    for (const lang of LANGS) {
      const words = data.langs[lang];
      if (!words) continue;
      for (const name of words.names) this.names.set(normalize(name), lang);
      for (const greeting of words.greetings) add(this.greetings, normalize(greeting), lang);
      for (const word of [...words.common, ...words.greetings]) add(this.common, normalize(word), lang);
    }
  }

  /** The data, or undefined with the reason when it does not have the expected shape. */
  static parse(value: unknown): LanguageData | undefined {
    const parsed = LanguageDataSchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }

  /** The language a message names as a whole ("uz", "ўзбек", "на русском"), if any. */
  named(text: string): Lang | undefined {
    return this.names.get(normalize(text));
  }

  /**
   * If the message is only a greeting (one or more greetings, perhaps with words like "всем"):
   * the languages its greetings belong to. Otherwise undefined.
   */
  greeting(text: string): Lang[] | undefined {
    const words = normalize(text).split(" ").filter(Boolean);
    const langs = new Set<Lang>();
    let i = 0;
    while (i < words.length) {
      const phrase = longest(words, i, this.greetings);
      if (phrase) {
        for (const lang of phrase.value) langs.add(lang);
        i += phrase.length;
      } else if (this.address.has(words[i]!) && langs.size) {
        i += 1;
      } else return undefined;
    }
    return langs.size ? [...langs] : undefined;
  }

  /**
   * The language of a message by its letters and common words, when one language stands out;
   * undefined when nothing or a tie tells (then the user is asked).
   */
  guess(text: string): Lang | undefined {
    const norm = normalize(text);
    const score = new Map<Lang, number>();
    const give = (lang: Lang, points: number) => score.set(lang, (score.get(lang) ?? 0) + points);
    for (const { pattern, langs } of LETTERS) {
      if (pattern.test(norm)) for (const [lang, points] of Object.entries(langs) as Array<[Lang, number]>) give(lang, points);
    }
    const words = norm.split(" ").filter(Boolean);
    let i = 0;
    while (i < words.length) {
      const phrase = longest(words, i, this.common);
      if (phrase) {
        for (const lang of phrase.value) give(lang, 1);
        i += phrase.length;
      } else i += 1;
    }
    const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (!best || best[1] < 1 || (second && second[1] === best[1])) return undefined;
    return best[0];
  }
}

function add(map: Map<string, Set<Lang>>, key: string, lang: Lang): void {
  if (!key) return;
  const set = map.get(key) ?? new Set<Lang>();
  set.add(lang);
  map.set(key, set);
}

/** The longest phrase of `map` that starts at word `i`, with its length in words. */
function longest<T>(words: string[], i: number, map: Map<string, T>): { value: T; length: number } | undefined {
  for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1; n--) {
    const value = map.get(words.slice(i, i + n).join(" "));
    if (value !== undefined) return { value, length: n };
  }
  return undefined;
}
