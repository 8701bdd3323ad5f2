import MiniSearch from "minisearch";
import { LANGS, type Lang } from "../engine/types.ts";
import { indexTerms, queryVariants, queryWords, tokenize, type QueryWord } from "./normalise.ts";
import { keywordsOf, type ArticlePart, type KnowledgeMeta } from "./metadata.ts";

/**
 * Free-text search over the knowledge base: one MiniSearch index over the articles' texts in all
 * six languages plus their keywords, built once at start (pure, synchronous, a few milliseconds
 * per hundred documents) and queried in well under a millisecond.
 *
 * Each (article, language) pair is one document; an article's score is its best language's
 * score, so a question matches in whatever language it was typed. The answer is then given in
 * the user's own language by the caller.
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
}

export type SearchAnswer =
  /** One article is clearly the best: show it. */
  | { kind: "answer"; hits: SearchHit[] }
  /** Several articles are close: offer the top three. */
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
  /** Below this share of matched topic words the best article is not an answer. */
  minCoverage: number;
  /** Below this score the best article is not an answer. */
  minScore: number;
  /** The best article answers directly when its score is at least this many times the second's. */
  confidentRatio: number;
}

export const DEFAULT_TUNING: SearchTuning = {
  boost: { title: 2, keywords: 2, short: 1.2, body: 1 },
  weights: { fuzzy: 0.4, prefix: 0.3 },
  synonymWeight: 0.4,
  minCoverage: 0.3,
  minScore: 2,
  confidentRatio: 1.35,
};

interface Doc {
  id: string;
  article: string;
  lang: Lang;
  title: string;
  keywords: string;
  short: string;
  body: string;
}

const splitSpaces = (text: string): string[] => text.split(" ").filter(Boolean);

export class KnowledgeSearch {
  private readonly mini: MiniSearch<Doc>;
  private readonly synonyms = new Map<string, Set<string>>();
  private readonly tuning: SearchTuning;
  /** Article ids in metadata order. */
  readonly articles: string[];

  constructor(meta: KnowledgeMeta, text: ArticleTextSource, tuning: Partial<SearchTuning> = {}) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.articles = meta.articles.map((a) => a.id);
    this.mini = new MiniSearch<Doc>({
      fields: ["title", "keywords", "short", "body"],
      storeFields: ["article"],
      tokenize: splitSpaces,
      processTerm: (term) => term,
    });
    const docs: Doc[] = [];
    for (const article of meta.articles) {
      for (const lang of LANGS) {
        const terms = (s: string) => indexTerms(s, lang).join(" ");
        docs.push({
          id: `${article.id}:${lang}`,
          article: article.id,
          lang,
          title: terms(text(lang, article.id, "title")),
          keywords: terms(keywordsOf(article, lang).join(" ; ")),
          short: terms(text(lang, article.id, "short")),
          body: terms(`${text(lang, article.id, "details")}\n${text(lang, article.id, "next")}`),
        });
      }
    }
    this.mini.addAll(docs);
    for (const group of meta.synonyms) this.addSynonyms(group);
  }

  /** Words of one group expand each other (each word's every reading). */
  private addSynonyms(group: string[]): void {
    const readings = group.map((phrase) => tokenize(phrase).flatMap((w) => queryVariants(w)));
    for (const [i, own] of readings.entries()) {
      const others = readings.filter((_, j) => j !== i).flat();
      for (const term of own) {
        const set = this.synonyms.get(term) ?? new Set<string>();
        for (const other of others) if (other !== term) set.add(other);
        this.synonyms.set(term, set);
      }
    }
  }

  /** Articles ranked for a question, best first, each with its score and coverage. */
  rank(question: string): SearchHit[] {
    const words = queryWords(question);
    if (!words.length) return [];
    const { weight, owner } = this.expand(words);
    const terms = [...weight.keys()];
    const results = this.mini.search(terms.join(" "), {
      tokenize: splitSpaces,
      processTerm: (term) => term,
      boost: this.tuning.boost,
      weights: this.tuning.weights,
      boostTerm: (term) => weight.get(term) ?? 1,
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : false),
      combineWith: "OR",
    });
    const best = new Map<string, SearchHit>();
    for (const result of results) {
      const article = result.article as string;
      const matched = new Set<number>();
      for (const term of result.queryTerms) for (const w of owner.get(term) ?? []) matched.add(w);
      const coverage = matched.size / words.length;
      const previous = best.get(article);
      if (!previous || result.score > previous.score) {
        best.set(article, { id: article, score: result.score, coverage: Math.max(coverage, previous?.coverage ?? 0) });
      } else if (coverage > previous.coverage) {
        previous.coverage = coverage;
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  /** Decide what to do with a question: answer, offer three, or say nothing fits. */
  answer(question: string): SearchAnswer {
    const hits = this.rank(question);
    const [top, second] = hits;
    if (!top || top.coverage < this.tuning.minCoverage || top.score < this.tuning.minScore) return { kind: "none", hits };
    if (!second || top.score >= this.tuning.confidentRatio * second.score) return { kind: "answer", hits };
    return { kind: "pick", hits };
  }

  /** Query terms with their weights, and for each term the question words it stands for. */
  private expand(words: QueryWord[]): { weight: Map<string, number>; owner: Map<string, Set<number>> } {
    const weight = new Map<string, number>();
    const owner = new Map<string, Set<number>>();
    const add = (term: string, w: number, index: number) => {
      weight.set(term, Math.max(weight.get(term) ?? 0, w));
      const set = owner.get(term) ?? new Set<number>();
      set.add(index);
      owner.set(term, set);
    };
    words.forEach((word, index) => {
      const share = 1 / Math.sqrt(word.variants.length);
      for (const variant of word.variants) {
        add(variant, share, index);
        for (const synonym of this.synonyms.get(variant) ?? []) add(synonym, share * this.tuning.synonymWeight, index);
      }
    });
    return { weight, owner };
  }
}
