import snowball from "snowball-stemmers";
import type { Lang } from "../core/lang.ts";
import { fold, foldLetters, isCyrillic, latinToRussian } from "./translit.ts";
import { STOPWORDS, isStopwordLoose } from "./stopwords.ts";

/**
 * Turning text into search terms, the same way for the index and for questions.
 *
 * Every term lives in one loose Latin spelling (see `fold`), so scripts do not matter. Words are
 * stemmed where Snowball has a stemmer (Russian, English); the Turkic languages (kk, ky, uz) and
 * Tajik get a light suffix stripper (`stripSuffixes`), because Snowball has none for them.
 *
 * The index knows each text's language and uses that language's treatment. A question's
 * language is unknown (an Uzbek user may type Russian, in Latin letters), so each question word
 * yields every plausible reading (`queryVariants`); the wrong readings simply match nothing.
 */

const russian = snowball.newStemmer("russian");
const english = snowball.newStemmer("english");

const cache = new Map<string, string>();
function memo(key: string, make: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    if (cache.size > 50_000) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** Russian word (Cyrillic, lower case) → its Snowball stem, folded. */
export function russianTerm(word: string): string {
  return memo(`r:${word}`, () => fold(russian.stem(word.toLowerCase().replace(/ё/g, "е"))));
}

/** English word → its Snowball stem, folded. */
export function englishTerm(word: string): string {
  return memo(`e:${word}`, () => fold(english.stem(word.toLowerCase().replace(/['’]/g, ""))));
}

/** A Latin word read as transliterated Russian → the Russian term, or undefined. */
export function translitRussianTerm(word: string): string | undefined {
  const cyr = latinToRussian(word.toLowerCase());
  return cyr ? russianTerm(cyr) : undefined;
}

/**
 * Suffixes of Kazakh, Kyrgyz, Uzbek (plural, possessive, case, common verb forms) and Tajik
 * (plural -ho, object -ro, ezafe -i), in folded spelling. Longest first.
 */
const SUFFIXES = [
  // plural
  "lari", "leri", "lar", "ler", "dar", "der", "tar", "ter", "lor", "dor", "tor", "hoi", "ho",
  // possessive, person
  "imiz", "iniz", "ingiz", "ngiz", "miz", "niz", "siz", "man", "men", "min", "mun", "mon", "mis", "am", "em", "im", "in", "ing", "um", "un",
  // case (genitive, ablative, locative, dative, accusative, instrumental), Tajik object -ro
  "ning", "nin", "din", "tin", "nun", "dun", "tun", "ndan", "nden", "dan", "den", "tan", "ten", "nan", "nen", "don", "ton",
  "nda", "nde", "da", "de", "ta", "te", "do", "to", "ga", "ge", "ka", "ke", "go", "ko", "na", "ne", "ni", "nu", "si", "su",
  "menen", "bilan", "ben", "pen", "ro",
  // verb forms (infinitive, participles, tenses, wishes, conditions, questions)
  "mokchi", "mokda", "iapti", "mok", "mak", "mek", "uv", "iv", "ish", "ush", "uu", "gan", "gen", "kan", "ken", "gon", "kon",
  "atin", "etin", "adi", "edi", "idi", "di", "ti", "du", "tu", "ip", "ib", "ub", "up", "sa", "se", "so", "bi", "pi", "mi",
  "and", "ad", "ed", "ai",
  // nouns of quality or agent
  "lik", "luk", "dik", "tik", "chi",
  // Tajik person endings and ezafe
  "ashon", "amon", "aton", "ash", "at", "i", "u",
].sort((a, b) => b.length - a.length);

/**
 * Light stemming for the languages without a Snowball stemmer: strip up to three suffixes, never
 * leaving fewer than four letters (five after a one-letter suffix: "vizasida" → "viza").
 *
 * @example
 * stripSuffixes(fold("ro'yxatdan")) === stripSuffixes(fold("ro'yxat")); // "roihat"
 */
export function stripSuffixes(word: string): string {
  return memo(`g:${word}`, () => {
    let stem = word;
    for (let round = 0; round < 3; round++) {
      const suffix = SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= (s.length >= 2 ? 4 : 5));
      if (!suffix) break;
      stem = stem.slice(0, -suffix.length);
    }
    return stem;
  });
}

/** Folded and suffix-stripped: the treatment of kk, ky, uz, tg words and of names in any text. */
export function genericTerm(word: string): string {
  return stripSuffixes(fold(word));
}

const WORD = /[\p{L}\p{N}'ʻʼ’‘`-]+/gu;

/**
 * Split text into lower-case words. Hyphenated words give their parts, and also the joined word
 * when a part is short ("K-ETA" → "keta", "k", "eta"; "E-9" → "e9").
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.toLowerCase().normalize("NFC").matchAll(WORD)) {
    const raw = match[0].replace(/^['ʻʼ’‘`-]+|['ʻʼ’‘`-]+$/g, "");
    if (!raw) continue;
    if (raw.includes("-")) {
      const parts = raw.split("-").filter(Boolean);
      if (parts.some((p) => p.length <= 3)) out.push(parts.join(""));
      for (const part of parts) if (part.length >= 2 || /\d/.test(part)) out.push(part);
    } else if (raw.length >= 2 || /\d/.test(raw)) {
      out.push(raw);
    }
  }
  return out;
}

/** Whether a word carries no topic (question words, pronouns, particles) in any of the languages. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(foldLetters(word));
}

/** The index term(s) of one word of a text in `lang`. */
export function indexTerm(word: string, lang: Lang): string {
  if (/^\d+$/.test(word)) return word;
  const cyr = isCyrillic(word);
  if (lang === "ru" && cyr) return russianTerm(word);
  if (lang === "en" && !cyr) return englishTerm(word);
  return genericTerm(word);
}

/** Index terms of a text in `lang`, stopwords dropped, in order. */
export function indexTerms(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const word of tokenize(text)) {
    if (isStopword(word)) continue;
    const term = indexTerm(word, lang);
    if (term.length >= 2 || /\d/.test(term)) out.push(term);
  }
  return out;
}

/**
 * Every plausible term for one question word: Cyrillic words are read as Russian and as a
 * Turkic/Tajik word; Latin words as English, as transliterated Russian and as Uzbek.
 */
export function queryVariants(word: string): string[] {
  if (/^\d+$/.test(word)) return [word];
  const variants = new Set<string>();
  if (isCyrillic(word)) {
    variants.add(russianTerm(word));
    variants.add(genericTerm(word));
  } else {
    variants.add(englishTerm(word));
    const ru = translitRussianTerm(word);
    if (ru) variants.add(ru);
    variants.add(genericTerm(word));
  }
  return [...variants].filter((v) => v.length >= 2);
}

/** One question word with its readings. */
export interface QueryWord {
  word: string;
  variants: string[];
}

/** Topic words of a question that are searched: a long story is searched by its beginning. */
export const MAX_QUERY_WORDS = 30;

/** The topic words of a question and their readings (stopwords dropped, at most `MAX_QUERY_WORDS`). */
export function queryWords(text: string): QueryWord[] {
  const out: QueryWord[] = [];
  const seen = new Set<string>();
  for (const word of tokenize(text.slice(0, 2000))) {
    if (out.length >= MAX_QUERY_WORDS) break;
    if (seen.has(word) || isStopwordLoose(foldLetters(word))) continue;
    seen.add(word);
    const variants = queryVariants(word);
    if (variants.length) out.push({ word, variants });
  }
  return out;
}
