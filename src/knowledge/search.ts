import MiniSearch, { type AsPlainObject } from "minisearch";
import { IndexCache } from "./index-cache.ts";
import { LANGS, type Lang } from "../core/lang.ts";
import { indexTerms, queryVariants, queryWords, tokenize, type QueryWord } from "./normalise.ts";
import { keywordsOf, type ArticlePart, type KnowledgeMeta } from "./metadata.ts";
import { distance } from "../core/words.ts";

/**
 * Free-text search over the knowledge base: one MiniSearch index over the articles' texts in all
 * six languages plus their keywords, built once (about 1.5 s of stemming on a slow machine) and
 * kept on disk for the next start (`index-cache.ts`; read back in a few tens of ms), queried in
 * well under a millisecond.
 *
 * One document per article holds the texts of all six languages (each treated as its language
 * needs, see `normalise.ts`), so a question matches in whatever language it was typed; the
 * caller answers in the user's own language. Prefix, typo, coarse-form and synonym matches are
 * expanded here into known terms, so MiniSearch only looks up exact terms.
 *
 * @example
 * const search = new KnowledgeSearch(meta, (lang, id, part) => i18n.t(lang, `kb-${id}-${part}`));
 * search.answer("skolko dney mozhno byt v Kazakhstane"); // { kind: "answer", hits: [{ id: "stay-rules", ... }] }
 */

/** Renders one part of an article in a language (for indexing; variables may render empty). */
export type ArticleTextSource = (lang: Lang, article: string, part: ArticlePart) => string;

export interface SearchHit {
  /** Article id. */
  id: string;
  /** Relevance (BM25+ with boosts): only comparable within one question. */
  score: number;
  /** Share of the question's topic words that this article matched, 0..1. */
  coverage: number;
  /** The score before weighting by coverage (what the thresholds of `answer` compare). */
  raw: number;
}

export type SearchAnswer =
  /** One article is clearly the best: show it. */
  | { kind: "answer"; hits: SearchHit[] }
  /** Several articles are close: show the best, offer the others that are close (`closeTo`). */
  | { kind: "pick"; hits: SearchHit[] }
  /** Nothing fits well enough. `hits` may still list weak candidates. */
  | { kind: "none"; hits: SearchHit[] };

/** Tuning of the search. The defaults were set with `npm run eval:qa` (see docs/knowledge.md). */
export interface SearchTuning {
  boost: { title: number; keywords: number; short: number; body: number };
  /** Weight of a fuzzy (typo) match and of a prefix match, relative to an exact one. */
  weights: { fuzzy: number; prefix: number };
  /** Weight of words added from a synonym group. */
  synonymWeight: number;
  /** Weight of a question word from the metadata's `common` list (the country's name). */
  commonWeight: number;
  /** Scores are multiplied by coverage to this power. */
  coveragePower: number;
  /** Weight of a match on the coarse form of a word (see `coarse`). */
  coarseWeight: number;
  /** Split a word's weight among its known readings (true) or among all its readings (false). */
  shareKnown: boolean;
  /** Below this share of matched topic words the best article is not an answer. */
  minCoverage: number;
  /** Below this score the best article is not an answer. */
  minScore: number;
  /** The best article answers directly when its score is at least this many times the second's. */
  confidentRatio: number;
  /** Weight of an article tied to a place (`places`) when the question names none of its places. */
  placeMissing: number;
  /** Weight of an article tied to a place (`places`) when the question names one of them. */
  placeNamed: number;
  /** Weight of an `abroad` article for a user asking about Kazakhstan who names no other country. */
  otherAudience: number;
}

/**
 * Who is asking, when the conversation tells: `kz` is someone in or coming to Kazakhstan (chose
 * "Coming to Kazakhstan", or writes Uzbek, Kyrgyz or Tajik): unless the question names another
 * country or "abroad", it is about Kazakhstan.
 */
export type Audience = "kz";

/** Languages whose speakers here are, nearly all, migrants in Kazakhstan. */
const KZ_AUDIENCE_LANGS: ReadonlySet<Lang> = new Set(["uz", "ky", "tg"]);

/**
 * The audience of a question: `kz` for a user who chose "Coming to Kazakhstan" or writes in
 * Uzbek, Kyrgyz or Tajik; otherwise unknown.
 */
export function audienceOf(lang: Lang | undefined, comingChosen = false): Audience | undefined {
  return comingChosen || (lang !== undefined && KZ_AUDIENCE_LANGS.has(lang)) ? "kz" : undefined;
}

/** What the conversation knows about a question besides its words. */
export interface AskContext {
  audience?: Audience;
}

export const DEFAULT_TUNING: SearchTuning = {
  boost: { title: 3, keywords: 3, short: 1.5, body: 0.5 },
  weights: { fuzzy: 0.4, prefix: 0.3 },
  synonymWeight: 0.4,
  commonWeight: 0.25,
  coveragePower: 1,
  coarseWeight: 0.3,
  shareKnown: true,
  minCoverage: 0.3,
  minScore: 5,
  confidentRatio: 1.35,
  placeMissing: 0.5,
  placeNamed: 1.5,
  otherAudience: 0.6,
};

interface Doc {
  id: string;
  article: string;
  title: string;
  keywords: string;
  short: string;
  body: string;
}

const splitSpaces = (text: string): string[] => text.split(" ").filter(Boolean);

const MINI_OPTIONS = {
  fields: ["title", "keywords", "short", "body"],
  storeFields: ["article"],
  tokenize: splitSpaces,
  processTerm: (term: string) => term,
};

/** One article's texts in each language, as the indexer reads them. */
interface ArticleSource {
  id: string;
  langs: Array<{ lang: Lang; title: string; keywords: string; short: string; body: string }>;
}

/** A search index as the cache keeps it (`KnowledgeSearch.snapshot`). */
interface SavedIndex {
  mini: AsPlainObject;
  vocabulary: string[];
  synonyms: Array<[string, string[]]>;
  common: string[];
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");

function isSavedIndex(x: unknown): x is SavedIndex {
  if (typeof x !== "object" || x === null) return false;
  const v = x as Partial<Record<keyof SavedIndex, unknown>>;
  return (
    typeof v.mini === "object" &&
    v.mini !== null &&
    isStrings(v.vocabulary) &&
    isStrings(v.common) &&
    Array.isArray(v.synonyms) &&
    v.synonyms.every((e) => Array.isArray(e) && typeof e[0] === "string" && isStrings(e[1]))
  );
}

const defaultIndexCache = new IndexCache();

export class KnowledgeSearch {
  private readonly mini: MiniSearch<Doc>;
  private readonly synonyms = new Map<string, Set<string>>();
  /** Readings of the metadata's `common` words (the country's name): they count little in a question. */
  private readonly common = new Set<string>();
  /** Every term in the index: a question word with a known reading needs no (slow) typo search. */
  private readonly vocabulary = new Set<string>();
  private readonly tuning: SearchTuning;
  /** Places of each article tied to one (`places` in the metadata). */
  private readonly places = new Map<string, PhraseSet>();
  /** Every place and "abroad" word: a question with one is not about Kazakhstan by default. */
  private readonly elsewhere: PhraseSet;
  private readonly abroadArticles: Set<string>;
  /** Article ids in metadata order. */
  readonly articles: string[];

  /**
   * @param cache where the built index is kept between runs (see `index-cache.ts`); the index is
   * read from it when the texts, keywords, synonyms and code are those it was built from.
   */
  constructor(meta: KnowledgeMeta, text: ArticleTextSource, tuning: Partial<SearchTuning> = {}, cache: IndexCache = defaultIndexCache) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.articles = meta.articles.map((a) => a.id);
    // The texts as the indexer sees them: rendering them is cheap, turning them into terms is not.
    const sources = meta.articles.map((article) => ({
      id: article.id,
      langs: LANGS.map((lang) => ({
        lang,
        title: text(lang, article.id, "title"),
        keywords: keywordsOf(article, lang).join(" ; "),
        short: text(lang, article.id, "short"),
        body: `${text(lang, article.id, "details")}\n${text(lang, article.id, "next")}`,
      })),
    }));
    const key = cache.key({ sources, synonyms: meta.synonyms, common: meta.common });
    const saved = this.restore(cache.read(key));
    if (saved) {
      this.mini = saved;
    } else {
      this.mini = this.build(sources, meta);
      cache.write(key, this.snapshot());
    }
    for (const article of meta.articles) if (article.places?.length) this.places.set(article.id, new PhraseSet(article.places));
    this.elsewhere = new PhraseSet([...meta.articles.flatMap((a) => a.places ?? []), ...(meta.abroad ?? [])]);
    this.abroadArticles = new Set(meta.articles.filter((a) => a.section === "abroad").map((a) => a.id));
  }

  /** Index the articles' terms; fills the vocabulary, synonyms and common words. */
  private build(sources: ArticleSource[], meta: KnowledgeMeta): MiniSearch<Doc> {
    const mini = new MiniSearch<Doc>(MINI_OPTIONS);
    // One document per article with the texts of all six languages: a question matches in the
    // language it was typed in, and few documents keep each lookup fast.
    const docs: Doc[] = sources.map(({ id, langs }) => {
      const fields = { title: [] as string[], keywords: [] as string[], short: [] as string[], body: [] as string[] };
      for (const source of langs) {
        const terms = (s: string) => {
          const list = indexTerms(s, source.lang);
          for (const term of list) this.vocabulary.add(term);
          const rough = list.map(coarse).filter((t): t is string => t !== undefined);
          return [...list, ...rough].join(" ");
        };
        fields.title.push(terms(source.title));
        fields.keywords.push(terms(source.keywords));
        fields.short.push(terms(source.short));
        fields.body.push(terms(source.body));
      }
      return { id, article: id, title: fields.title.join(" "), keywords: fields.keywords.join(" "), short: fields.short.join(" "), body: fields.body.join(" ") };
    });
    mini.addAll(docs);
    for (const group of meta.synonyms) this.addSynonyms(group);
    for (const word of meta.common.flatMap((phrase) => tokenize(phrase))) for (const reading of queryVariants(word)) this.common.add(reading);
    return mini;
  }

  /** What the cache keeps: the MiniSearch index and the sets built with it. */
  private snapshot(): SavedIndex {
    return {
      mini: this.mini.toJSON(),
      vocabulary: [...this.vocabulary],
      synonyms: [...this.synonyms].map(([term, others]) => [term, [...others]]),
      common: [...this.common],
    };
  }

  /** The index from a cache file, or undefined when the file is not a readable index. */
  private restore(value: unknown): MiniSearch<Doc> | undefined {
    if (!isSavedIndex(value)) return undefined;
    let mini: MiniSearch<Doc>;
    try {
      mini = MiniSearch.loadJS<Doc>(value.mini, MINI_OPTIONS);
    } catch {
      return undefined;
    }
    for (const term of value.vocabulary) this.vocabulary.add(term);
    for (const [term, others] of value.synonyms) this.synonyms.set(term, new Set(others));
    for (const reading of value.common) this.common.add(reading);
    return mini;
  }

  private isCommon(word: QueryWord): boolean {
    return word.variants.some((v) => this.common.has(v));
  }

  /** Words of one group expand each other (each word's every reading). */
  private addSynonyms(group: string[]): void {
    const readings = group.map((phrase) => tokenize(phrase).flatMap((w) => queryVariants(w)));
    for (const [i, own] of readings.entries()) {
      // A phrase of several words ("выгнали из страны") is added for the others, but its single
      // words ("страны") do not call the group up.
      if (tokenize(group[i]!).length > 1) continue;
      const others = readings.filter((_, j) => j !== i).flat();
      for (const term of own) {
        const set = this.synonyms.get(term) ?? new Set<string>();
        for (const other of others) if (other !== term) set.add(other);
        this.synonyms.set(term, set);
      }
    }
  }

  /**
   * Articles ranked for a question, best first, each with its score and coverage. An article
   * tied to a place the question does not name counts less; so does an article about going
   * abroad for a user asking about Kazakhstan (`context.audience`) who names no other place.
   */
  rank(question: string, context: AskContext = {}): SearchHit[] {
    const words = queryWords(question);
    if (!words.length) return [];
    const { weight, owner } = this.expand(words);
    if (!weight.size) return [];
    // Prefix and typo matches are already expanded into known terms, so MiniSearch only looks up exact terms.
    const results = this.mini.search([...weight.keys()].join(" "), {
      tokenize: splitSpaces,
      processTerm: (term) => term,
      boost: this.tuning.boost,
      boostTerm: (term) => weight.get(term) ?? 1,
      prefix: false,
      fuzzy: false,
      combineWith: "OR",
    });
    // Coverage counts the topic words; common words only when the question has nothing else.
    const counted = words.map((w) => !this.isCommon(w));
    if (!counted.some(Boolean)) counted.fill(true);
    const total = counted.filter(Boolean).length;
    const best = new Map<string, SearchHit>();
    for (const result of results) {
      const article = result.article as string;
      const matched = new Set<number>();
      for (const term of result.queryTerms) for (const w of owner.get(term) ?? []) if (counted[w]) matched.add(w);
      const coverage = matched.size / total;
      const previous = best.get(article);
      if (!previous || result.score > previous.score) {
        best.set(article, { id: article, score: result.score, raw: result.score, coverage: Math.max(coverage, previous?.coverage ?? 0) });
      } else if (coverage > previous.coverage) {
        previous.coverage = coverage;
      }
    }
    // An article that answers more of the question's words beats one that repeats a few of them.
    const alpha = this.tuning.coveragePower;
    for (const hit of best.values()) hit.score *= Math.pow(Math.max(hit.coverage, 0.05), alpha);
    const readings = new Set(words.flatMap((w) => w.variants));
    const elsewhere = this.elsewhere.matches(readings);
    for (const hit of best.values()) {
      const places = this.places.get(hit.id);
      if (places) hit.score *= places.matches(readings) ? this.tuning.placeNamed : this.tuning.placeMissing;
      if (context.audience === "kz" && !elsewhere && this.abroadArticles.has(hit.id)) hit.score *= this.tuning.otherAudience;
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  /** Decide what to do with a question: answer, offer the close ones, or say nothing fits. */
  answer(question: string, context: AskContext = {}): SearchAnswer {
    const hits = this.rank(question, context);
    const [top, second] = hits;
    if (!top || top.raw < this.tuning.minScore) return { kind: "none", hits };
    // Few of the question's words matched: an answer only if that article stands far above the rest.
    if (top.coverage < this.tuning.minCoverage && (second ? top.raw < 3 * second.raw : top.raw < 2 * this.tuning.minScore)) return { kind: "none", hits };
    if (!second || top.score >= this.tuning.confidentRatio * second.score) return { kind: "answer", hits };
    return { kind: "pick", hits };
  }

  /**
   * The articles after the best one that come close to it (one or two, for "Did you mean…"):
   * the second always, the third when it too is within `confidentRatio` of the best.
   */
  closeTo(hits: SearchHit[]): string[] {
    const [top, ...rest] = hits;
    if (!top) return [];
    return rest
      .slice(0, 2)
      .filter((hit, i) => i === 0 || hit.score * this.tuning.confidentRatio >= top.score)
      .map((hit) => hit.id);
  }

  /**
   * Query terms with their weights, and for each term the question words it stands for. Each
   * reading of a word adds itself, the known terms it begins (prefix: "registr" → "registrac"),
   * and, when no reading of the word is a known term, the known terms one or two typos away.
   */
  private expand(words: QueryWord[]): { weight: Map<string, number>; owner: Map<string, Set<number>> } {
    const weight = new Map<string, number>();
    const owner = new Map<string, Set<number>>();
    const add = (term: string, w: number, index: number) => {
      weight.set(term, Math.max(weight.get(term) ?? 0, w));
      const set = owner.get(term) ?? new Set<number>();
      set.add(index);
      owner.set(term, set);
    };
    const { fuzzy, prefix } = this.tuning.weights;
    words.forEach((word, index) => {
      // A word weighs 1 however many of its readings are known terms (they share it).
      const knownCount = word.variants.filter((v) => this.vocabulary.has(v)).length;
      const known = knownCount > 0;
      const share = (this.isCommon(word) ? this.tuning.commonWeight : 1) / (this.tuning.shareKnown ? Math.max(1, knownCount) : Math.sqrt(word.variants.length));
      for (const variant of word.variants) {
        if (this.vocabulary.has(variant)) add(variant, share, index);
        const rough = coarse(variant);
        if (rough) add(rough, share * this.tuning.coarseWeight, index);
        if (variant.length >= 4 && !known) {
          for (const term of this.completions(variant)) add(term, (share * prefix * variant.length) / (variant.length + 0.3 * (term.length - variant.length)), index);
        }
        if (!known && variant.length >= 6) {
          const max = variant.length >= 9 ? 2 : 1;
          for (const [term, distance] of this.near(variant, max)) add(term, (share * fuzzy * variant.length) / (variant.length + distance), index);
        }
        for (const synonym of this.synonyms.get(variant) ?? []) {
          if (this.vocabulary.has(synonym)) add(synonym, share * this.tuning.synonymWeight, index);
        }
      }
    });
    return { weight, owner };
  }

  /** Known terms that start with `term` (not `term` itself), at most 20, shortest first. */
  private completions(term: string): string[] {
    const sorted = this.sorted();
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(term); i++) if (sorted[i] !== term) out.push(sorted[i]!);
    return out.length > 20 ? out.sort((a, b) => a.length - b.length).slice(0, 20) : out;
  }

  /** Known terms within `max` edits of `term` (same first letter: typos rarely hit it), with their distance. */
  private near(term: string, max: number): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (const candidate of this.byFirstLetter().get(term[0]!) ?? []) {
      if (Math.abs(candidate.length - term.length) > max || candidate === term) continue;
      const edits = distance(term, candidate, max);
      if (edits <= max) out.push([candidate, edits]);
    }
    return out;
  }

  private sortedCache?: string[];
  private sorted(): string[] {
    return (this.sortedCache ??= [...this.vocabulary].sort());
  }

  private firstLetterCache?: Map<string, string[]>;
  private byFirstLetter(): Map<string, string[]> {
    if (!this.firstLetterCache) {
      this.firstLetterCache = new Map();
      for (const term of this.vocabulary) {
        const list = this.firstLetterCache.get(term[0]!) ?? [];
        list.push(term);
        this.firstLetterCache.set(term[0]!, list);
      }
    }
    return this.firstLetterCache;
  }
}

/**
 * Phrases matched against a question's readings: a phrase is there when each of its topic words
 * is (any reading, or a reading that begins with one of the word's: "Кореяга" has "koreia").
 */
class PhraseSet {
  private readonly phrases: string[][][];

  constructor(phrases: string[]) {
    this.phrases = phrases.map((p) => queryWords(p).map((w) => w.variants)).filter((p) => p.length > 0);
  }

  matches(readings: Set<string>): boolean {
    const has = (reading: string) => readings.has(reading) || (reading.length >= 4 && [...readings].some((r) => r.startsWith(reading)));
    return this.phrases.some((phrase) => phrase.every((word) => word.some(has)));
  }
}

const RUSSIAN_PREFIXES = ["pere", "nedo", "raz", "ras", "pri", "pro", "pod", "za", "po", "vi", "ot", "na", "ob", "do"];

/**
 * The coarse form of a term: its first six letters after a Russian verb prefix, marked with "_"
 * so that it never meets an ordinary term. Words of one family meet there when their stems do
 * not ("регистрация" / "зарегистрироваться", "registration" / "register").
 */
export function coarse(term: string): string | undefined {
  if (term.length < 6 || /^\d/.test(term)) return undefined;
  const prefix = RUSSIAN_PREFIXES.find((p) => term.startsWith(p) && term.length - p.length >= 7);
  const base = prefix ? term.slice(prefix.length) : term;
  return `_${base.slice(0, 6)}`;
}
