import { z } from "zod";

/**
 * Analyser rules as data (`flows/screening-rules-<lang>.yaml`), one file per language.
 *
 * A rule raises one catalogue flag when one of its `match` patterns is found, unless an `unless`
 * pattern is found in the same sentence (reassurance: "документы остаются у вас"), or — for
 * rules with `negate: true`, the default — a negation cue of the file's language stands within a
 * few words before or after the match in the same clause ("we never keep your passport",
 * "паспортыңызды алмаймыз"). Rules whose pattern is itself negative ("договор не нужен",
 * "viza kerak emas") set `negate: false`.
 *
 * Patterns are JavaScript regular expressions, matched on a lower-cased text (upper-case letters in
 * a pattern are lower-cased too),
 * with helpers that work for every script:
 * - `\b` is a word boundary for any alphabet (JavaScript's own only knows Latin),
 * - `\w` is any letter, digit, `_` or apostrophe (Uzbek o'/g'), `\W` the opposite,
 * - `{gap}` skips up to 40 characters inside one sentence, `{far}` up to 90, `{para}` up to 150
 *   across sentences of one paragraph,
 * - `{amount}` is a sum of money with its currency (400 евро, $1 000, 150 000 тг, 500 000 сўм).
 *
 * A rule may name contexts of the whole ad in `except` (defined under `contexts:` in any rule file):
 * when one holds, the rule does not apply ("договор на месте" is lawful for work in Russia).
 *
 * Every rule carries its own tests (`flag`: texts that must raise it, `clean`: texts that must not),
 * run by `test/screening/rules.test.ts`.
 */

const Pattern = z.string().min(1);

export const RuleSchema = z
  .object({
    flag: z.string(),
    match: z.array(Pattern).min(1),
    unless: z.array(Pattern).default([]),
    negate: z.boolean().default(true),
    /** Contexts of the whole ad (`contexts` of a rule file) in which this rule does not apply. */
    except: z.array(z.string()).default([]),
    tests: z.object({ flag: z.array(z.string()).min(1), clean: z.array(z.string()).default([]) }).strict(),
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;

/**
 * A named situation of the whole ad, such as work in a state of the Eurasian Economic Union,
 * where visa-free entry and a contract signed on arrival are the lawful way: it holds when one of
 * `any` is found anywhere in the ad and none of `none` is.
 */
export const ContextSchema = z
  .object({ any: z.array(Pattern).min(1), none: z.array(Pattern).default([]) })
  .strict();
export type Context = z.infer<typeof ContextSchema>;

export const RuleFileSchema = z
  .object({
    /** The language the patterns are written in; `any` for names, numbers and brands. */
    lang: z.enum(["ru", "kk", "uz", "ky", "tg", "en", "any"]),
    /** `latin`: match on a Latin view of the text (Uzbek Cyrillic is transliterated first). */
    view: z.enum(["as-is", "latin"]).default("as-is"),
    /** How many words before and after a match a negation cue may stand (verb-final languages need more after). */
    scope: z.object({ before: z.number().int().min(0).max(10), after: z.number().int().min(0).max(10) }).strict().default({ before: 4, after: 2 }),
    /** Words that negate a nearby match in this language. */
    negation: z.array(Pattern).default([]),
    /** Words typical of a job ad, used to recognise an ad pasted into the chat. */
    features: z.array(Pattern).default([]),
    /** First-person words ("я", "my", "menga"): a text with several is a person's story, not an ad. */
    personal: z.array(Pattern).default([]),
    /** Named contexts of the whole ad, which rules of any file may name in `except`. */
    contexts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), ContextSchema).default({}),
    rules: z.array(RuleSchema).default([]),
  })
  .strict();
export type RuleFile = z.infer<typeof RuleFileSchema>;

/**
 * Letters and digits of the scripts we read (Latin with its extensions, Cyrillic with the Kazakh,
 * Kyrgyz, Tajik and Uzbek letters). Explicit ranges rather than \p{L}: V8 compiles them far faster,
 * which matters with hundreds of patterns.
 */
const L = "0-9a-z\\u00b5\\u00c0-\\u024f\\u0400-\\u052f";
const WORD_BOUNDARY = `(?:(?<=[${L}])(?![${L}])|(?<![${L}])(?=[${L}]))`;
const AMOUNT =
  "(?:(?:[$€£]\\s?\\d[\\d\\s.,']*)|(?:\\d[\\d\\s.,']*\\s?(?:k\\b|к\\b|тыс\\w*\\s?|ming\\s?|мың\\s?|миң\\s?|ҳазор\\s?|mln\\s?|млн\\s?)?(?:\\$|€|£|usd|eur|gbp|доллар\\w*|dollar\\w*|евро|euro\\w*|yevro|руб\\w*|₽|тенге|теңге|тг\\b|₸|kzt|сом\\w*|so'm\\w*|сўм\\w*|сум\\b|somoni|сомонӣ|сомони|вон\\w*|won\\b|зл\\w*|zł|pln|фунт\\w*|pound\\w*|lari|лари)))";

/** Turn a rule pattern (with the helpers above) into a JavaScript `RegExp` source. */
export function expandPattern(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\" && i + 1 < source.length) {
      const next = source[i + 1];
      if ((next === "p" || next === "P") && source[i + 2] === "{") {
        // A Unicode property (\p{Script=Cyrillic}): copy it as written.
        const close = source.indexOf("}", i);
        out += source.slice(i, close + 1);
        i = close;
        continue;
      }
      if (next === "b" && !inClass) out += WORD_BOUNDARY;
      else if (next === "w") out += inClass ? `${L}_'` : `[${L}_']`;
      else if (next === "W" && !inClass) out += `[^${L}_']`;
      else out += ch + next;
      i++;
      continue;
    }
    if (ch === "[" && !inClass) inClass = true;
    else if (ch === "]" && inClass) inClass = false;
    // Texts are matched lower-cased, so patterns are too (no slow case-insensitive Unicode matching).
    out += (ch ?? "").toLowerCase();
  }
  return out.replaceAll("{gap}", "[^.!?\\n]{0,40}?").replaceAll("{far}", "[^.!?\\n]{0,90}?").replaceAll("{para}", "[^\\n]{0,150}?").replaceAll("{amount}", AMOUNT);
}

/** Compile one pattern, or throw an error that names the file, the pattern and the reason. */
export function compilePattern(source: string, where: string): RegExp {
  try {
    // Texts are matched with a plain ' (Uzbek ʻ, ’) and е for ё; patterns are read the same way.
    return new RegExp(expandPattern(source.replace(/[‘’ʻʼ´′]/g, "'").replace(/ё/g, "е")), "gu");
  } catch (error) {
    throw new Error(`${where}: the pattern ${JSON.stringify(source)} is not a valid regular expression (${(error as Error).message}); fix it in the rule file`);
  }
}
