/**
 * Script folding for search: every word, whatever its script, is reduced to one loose Latin
 * spelling, so that Russian typed in Latin letters ("skolko dney"), Uzbek in Latin or Cyrillic,
 * and Kazakh, Kyrgyz and Tajik in Cyrillic all meet in one index.
 *
 * The folding is deliberately lossy (ж, zh and j become "j"; х, kh, x and h become "h"; й, y and
 * i become "i"; doubled letters collapse): it only has to be the same on both sides of the search.
 */

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "io", ж: "j", з: "z", и: "i", й: "i",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f",
  х: "h", ц: "c", ч: "ch", ш: "sh", щ: "sh", ъ: "", ы: "i", ь: "", э: "e", ю: "iu", я: "ia",
  // Kazakh, Kyrgyz
  ә: "a", ғ: "g", қ: "k", ң: "n", ө: "o", ұ: "u", ү: "u", һ: "h", і: "i",
  // Tajik, Uzbek Cyrillic
  ҳ: "h", ҷ: "j", ӣ: "i", ӯ: "u", ў: "o",
};

/** Latin letters of Turkic alphabets and diacritics that NFD would fold wrongly. */
const LATIN_SPECIAL: Record<string, string> = {
  ş: "sh", ç: "ch", ğ: "g", ı: "i", ə: "a", ä: "a", ñ: "n", ŋ: "n", ö: "o", ü: "u", ý: "i", ǵ: "g", ń: "n", ú: "u", ó: "o", á: "a",
};

const APOSTROPHES = /['ʻʼ’‘`´]/g;
const CYRILLIC = /[\u0400-\u04ff]/;

/** True if the word has any Cyrillic letter. */
export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

/** A word function with a bounded cache (folding is on the hot path of every search). */
function cached(make: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let value = cache.get(word);
    if (value === undefined) {
      value = make(word);
      if (cache.size > 50_000) cache.clear();
      cache.set(word, value);
    }
    return value;
  };
}

/** `fold` without collapsing doubled letters: "иин" stays "iin" (for stopwords: not the Tajik "ин"). */
export const foldLetters: (word: string) => string = cached(foldLettersUncached);

/**
 * Fold a lower-case word (either script) to the loose Latin spelling used in the index.
 *
 * @example
 * fold("дней") === fold("dney"); // "dnei"
 * fold("ro'yxat") === fold("рўйхат"); // "roihat"
 */
export const fold: (word: string) => string = cached((word) => foldLetters(word).replace(/(.)\1+/g, "$1"));

function foldLettersUncached(word: string): string {
  let out = "";
  for (const ch of word.toLowerCase()) {
    const cyr = CYRILLIC_TO_LATIN[ch];
    if (cyr !== undefined) out += cyr;
    else out += LATIN_SPECIAL[ch] ?? ch;
  }
  return (
    out
      // Uzbek oʻ and gʻ are letters of their own; other apostrophes (tutuq belgisi, a soft sign in translit) vanish.
      .replace(/([og])['ʻʼ’‘`´]/g, "$1")
      .replace(APOSTROPHES, "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/shch|sch/g, "sh")
      .replace(/zh/g, "j")
      .replace(/kh/g, "h")
      .replace(/x/g, "h")
      .replace(/q/g, "k")
      .replace(/ts|tz/g, "c")
      .replace(/w/g, "v")
      .replace(/ye/g, "e")
      .replace(/y/g, "i")
  );
}

const LATIN_TO_RUSSIAN: Array<[string, string]> = [
  ["shch", "щ"], ["sch", "щ"], ["zh", "ж"], ["kh", "х"], ["ch", "ч"], ["sh", "ш"], ["ts", "ц"], ["tz", "ц"],
  ["ya", "я"], ["ja", "я"], ["yu", "ю"], ["ju", "ю"], ["yo", "ё"], ["jo", "ё"], ["ye", "е"], ["je", "е"],
];
const SINGLE_LATIN_TO_RUSSIAN: Record<string, string> = {
  a: "а", b: "б", c: "ц", d: "д", e: "е", f: "ф", g: "г", h: "х", i: "и", j: "й", k: "к", l: "л", m: "м",
  n: "н", o: "о", p: "п", q: "к", r: "р", s: "с", t: "т", u: "у", v: "в", w: "в", x: "х", z: "з", "'": "ь",
};
const VOWELS = new Set([..."аеёиоуыэюя"]);

/**
 * Read a Latin word as Russian typed in Latin letters ("mozhno" → "можно"), so that the Russian
 * stemmer can treat it. Returns undefined for words with letters a Russian transliteration never uses.
 */
export function latinToRussian(word: string): string | undefined {
  const w = word.replace(APOSTROPHES, "'");
  if (!/^[a-z']+$/.test(w)) return undefined;
  let out = "";
  let i = 0;
  outer: while (i < w.length) {
    for (const [lat, cyr] of LATIN_TO_RUSSIAN) {
      if (w.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        continue outer;
      }
    }
    const ch = w[i]!;
    if (ch === "y") {
      // After a consonant "y" is ы (dobry), elsewhere й (dney, moy).
      const prev = out[out.length - 1];
      out += prev !== undefined && !VOWELS.has(prev) && prev !== "ь" ? "ы" : "й";
    } else {
      out += SINGLE_LATIN_TO_RUSSIAN[ch] ?? "";
    }
    i += 1;
  }
  return out;
}
