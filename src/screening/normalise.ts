/**
 * Text preparation for the screening analyser and the agency lookup.
 *
 * Ads arrive in six languages and two scripts for Uzbek, with every kind of apostrophe. The
 * analyser matches on a lower-cased copy; Uzbek rules are written once, in Latin, and run on a
 * Latin view of the text. `TextView` keeps, for every character of the view, its position in the
 * original so that quotes come from what the person actually wrote.
 */

/** A transformed copy of a text with a map back to the original's offsets. */
export interface TextView {
  text: string;
  /** `origin[i]` is the index in the original text of the view's character `i`; one extra entry for the end. */
  origin: number[];
}

const APOSTROPHES = /[‘’ʻʼ`´′]/g;

/** Lower-case, unify apostrophes and spaces; offsets unchanged (one character in, one out). */
export function lowerView(text: string): TextView {
  let out = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    let lower = ch.replace(APOSTROPHES, "'").toLowerCase();
    if (/\s/u.test(lower)) lower = ch === "\n" ? "\n" : " ";
    if (lower === "ё") lower = "е";
    // Some letters lower-case to two code units (İ → i̇); keep only the first so offsets stay 1:1.
    out += lower[0] ?? "";
    origin.push(i);
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** Uzbek Cyrillic → Uzbek Latin (the 1995 alphabet), applied to an already lower-cased view. */
const UZ_CYR: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "j", з: "z", и: "i", й: "y", к: "k",
  л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "x", ц: "ts",
  ч: "ch", ш: "sh", щ: "sh", ъ: "'", ь: "", ы: "i", э: "e", ю: "yu", я: "ya", ў: "o'", қ: "q", ғ: "g'",
  ҳ: "h",
};

/**
 * A Latin view of a lower-cased view for the Uzbek rules: Uzbek Cyrillic is transliterated, Latin
 * is left alone. Word-initial `е` becomes `ye` as in the official alphabet.
 */
export function uzLatinView(view: TextView): TextView {
  let out = "";
  const origin: number[] = [];
  const src = view.text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] ?? "";
    let rep = UZ_CYR[ch];
    if (rep === undefined) rep = ch;
    else if (ch === "е" && (i === 0 || !/\p{L}/u.test(src[i - 1] ?? ""))) rep = "ye";
    for (const c of rep) {
      out += c;
      origin.push(view.origin[i] ?? 0);
    }
  }
  origin.push(view.origin[src.length] ?? 0);
  return { text: out, origin };
}

/** Whether a text contains Cyrillic letters. */
export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}

const CYR_LATIN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "j", з: "z", и: "i", й: "i", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "h", ц: "c", ч: "ch", ш: "sh",
  щ: "sh", ъ: "", ы: "i", ь: "", э: "e", ю: "iu", я: "ia", ә: "a", ғ: "g", қ: "k", ң: "n", ө: "o", ұ: "u",
  ү: "u", һ: "h", і: "i", ў: "o", ҳ: "h", ӣ: "i", ҷ: "j", ӯ: "u",
};

/**
 * A script-independent key for names: "ТОО «Жол Сервис»", "Jol Servis LLP" and "Жол-сервис"
 * come out alike. Cyrillic is transliterated, sounds written differently in the Latin spellings
 * (kh/x/h, q/k, j/zh/dzh, w/v, y/i) are merged, legal-form words and punctuation are dropped.
 */
export function nameKey(name: string): string {
  let s = name.toLowerCase().replace(APOSTROPHES, "'").replace(/'/g, "").replace(/ё/g, "е");
  s = [...s].map((ch) => CYR_LATIN[ch] ?? ch).join("");
  s = s
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((w) => w && !LEGAL_FORMS.has(w))
    .join(" ");
  s = s
    .replace(/dzh|zh|dj/g, "j")
    .replace(/kh|x/g, "h")
    .replace(/q|ck|c(?![h])/g, "k")
    .replace(/w/g, "v")
    .replace(/ph/g, "f")
    .replace(/y/g, "i")
    .replace(/ia/g, "a")
    .replace(/iu/g, "u")
    .replace(/(.)\1+/g, "$1");
  return s.trim();
}

/** Legal-form and filler words, in their transliterated spelling, ignored when comparing names. */
const LEGAL_FORMS = new Set([
  "too", "oo", "ooo", "ip", "ao", "zao", "oao", "pao", "llp", "llc", "ltd", "inc", "gmbh", "sp", "z", "o",
  "mchj", "mchi", "xk", "aj", "ajo", "jshs", "jchj", "the", "kompania", "kompaniia", "company", "agency",
  "agentstvo", "agenstvo", "agentligi", "agenttigi", "group", "grupp", "grupa", "kz", "uz",
]);
