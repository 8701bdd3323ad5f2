import { LANGS, type Lang } from "../core/lang.ts";
import { fold } from "./translit.ts";
import { queryVariants, tokenize } from "./normalise.ts";
import { distance } from "../core/words.ts";

/**
 * Words that signal danger ("забрали паспорт", "бьют", "help", "SOS", ...), from the `danger`
 * lists of `flows/knowledge.yaml`. An entry matches a message when every one of its words is in
 * the message, in any order and any word form (the same readings as the search: stems, script
 * folding, one typo in long words), whatever language the message is typed in.
 *
 * A word written with a trailing `*` ("pasport*", "qol*") matches every word that begins with
 * it, in either script: the way to catch the many verb forms of Kazakh, Kyrgyz, Uzbek and Tajik
 * ("olib qoldi", "olib qo'yishdi") that a light suffix stripper does not bring together.
 *
 * An entry written with a leading `~` ("~help") is weak: it counts only where the bot is not
 * waiting for a typed answer (a pasted job ad may say "kitchen help").
 *
 * @example
 * const danger = new DangerWords({ ru: ["забрали паспорт"], uz: ["pasport* olib qol*"] });
 * danger.match("у меня работодатель забрал паспорт"); // ["забрали паспорт"]
 * danger.match("иш берувчи паспортимни олиб қолди"); // ["pasport* olib qol*"]
 */
export class DangerWords {
  private readonly entries: Array<{ phrase: string; words: EntryWord[]; weak: boolean }> = [];

  constructor(lists: Partial<Record<Lang, string[]>>) {
    const seen = new Set<string>();
    for (const lang of LANGS) {
      for (const written of lists[lang] ?? []) {
        const weak = written.startsWith("~");
        const phrase = weak ? written.slice(1).trim() : written;
        const words = entryWords(phrase);
        const key = words.map((w) => (w.prefix !== undefined ? `${w.prefix}*` : w.readings[0])).join(" ");
        if (!words.length || seen.has(key)) continue;
        seen.add(key);
        this.entries.push({ phrase, words, weak });
      }
    }
  }

  /**
   * The entries found in `text` (as written in the data without `~`, never the user's words).
   * `strongOnly` skips weak entries: where the bot waits for a typed answer.
   */
  match(text: string, strongOnly = false): string[] {
    const found = new Set<string>();
    for (const word of tokenize(text)) for (const reading of readings(word)) found.add(reading);
    const long = [...found].filter((r) => r.length >= 6);
    const has = (word: EntryWord) => {
      if (word.prefix !== undefined) return [...found].some((r) => r.startsWith(word.prefix!));
      return word.readings.some(
        (reading) => found.has(reading) || (reading.length >= 6 && long.some((r) => Math.abs(r.length - reading.length) <= 1 && distance(r, reading, 1) <= 1)),
      );
    };
    return this.entries.filter((e) => !(strongOnly && e.weak) && e.words.every(has)).map((e) => e.phrase);
  }
}

/** One word of an entry: its readings, or for `word*` the folded beginning any message word may have. */
interface EntryWord {
  readings: string[];
  prefix?: string;
}

function entryWords(phrase: string): EntryWord[] {
  return phrase
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((part): EntryWord[] => {
      if (part.endsWith("*")) {
        const prefix = fold(part.slice(0, -1).toLowerCase());
        return prefix ? [{ readings: [], prefix }] : [];
      }
      return tokenize(part).map((word) => ({ readings: readings(word) }));
    });
}

function readings(word: string): string[] {
  return [...new Set([fold(word), ...queryVariants(word)])];
}
