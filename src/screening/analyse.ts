import { compilePattern, RuleFileSchema, type RuleFile } from "./rules.ts";
import { flagDef, riskOf, scoreOf, type Catalogue, type FlagDef, type FoundFlag, type RiskLevel } from "./catalogue.ts";
import { lowerView, uzLatinView, hasCyrillic, type TextView } from "./normalise.ts";

/** What the analyser says about one ad: the JSON of `jol screen --json`. */
export interface Analysis {
  risk: RiskLevel;
  score: number;
  flags: FoundFlag[];
}

interface CompiledContext {
  any: RegExp[];
  none: RegExp[];
}

interface CompiledRule {
  /** `flows/screening-rules-ru.yaml#3` — for messages. */
  where: string;
  lang: RuleFile["lang"];
  latin: boolean;
  flag: FlagDef;
  match: RegExp[];
  unless: RegExp[];
  negate: boolean;
  /** Contexts of the whole ad in which the rule does not apply. */
  except: string[];
  negation: RegExp[];
  /** Negation words of the other Turkic languages and Tajik (for rules of those languages). */
  regional: RegExp[];
  scope: { before: number; after: number };
  tests: { flag: string[]; clean: string[] };
}

/** A rule file as loaded: its name (for messages) and its parsed content. */
export interface NamedRuleFile {
  file: string;
  value: unknown;
}

/** A failed rule test: which rule, which example, what happened. */
export interface RuleTestFailure {
  where: string;
  flag: string;
  text: string;
  expected: "flag" | "clean";
}

const SENTENCE_END = /[!?;\n]|\.(?!\d)/gu;
const CLAUSE_END = /[!?;\n,:()—–]|\.(?!\d)|\s-\s/gu;
const CLAUSE_SPLIT = /[!?;\n,:()—–]|\.(?!\d)|\s-\s/u;

/**
 * Finds red flags in the text of a job offer, using the catalogue and the per-language rule files.
 * Pure and synchronous: the same text always gives the same answer; nothing is stored.
 *
 * @example
 * const screener = new Screener(catalogue, ruleFiles);
 * screener.analyse("Паспорт хранится у работодателя").risk; // "high"
 */
export class Screener {
  private readonly rules: CompiledRule[] = [];
  private readonly features: RegExp[] = [];
  private readonly personal: RegExp[] = [];
  private readonly contexts = new Map<string, CompiledContext>();

  constructor(
    readonly catalogue: Catalogue,
    files: NamedRuleFile[],
  ) {
    const parsedFiles = files.map(({ file, value }) => {
      const parsed = RuleFileSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}; see the header of src/screening/rules.ts for the format`);
      }
      return { file, rf: parsed.data };
    });
    // The `any` file's negation words (Russian and English) count for every language's rules.
    const shared = parsedFiles
      .filter(({ rf }) => rf.lang === "any")
      .flatMap(({ file, rf }) => rf.negation.map((p, i) => compilePattern(p, `${file} negation[${i}]`)));
    const REGION = new Set(["kk", "ky", "uz", "tg"]);
    const regionalOf = (lang: string) =>
      parsedFiles
        .filter(({ rf }) => REGION.has(rf.lang) && rf.lang !== lang)
        .flatMap(({ file, rf }) => rf.negation.map((p, i) => compilePattern(p, `${file} negation[${i}]`)));
    for (const { file, rf } of parsedFiles) {
      for (const [name, ctx] of Object.entries(rf.contexts)) {
        const into = this.contexts.get(name) ?? { any: [], none: [] };
        into.any.push(...ctx.any.map((p, i) => compilePattern(p, `${file} contexts.${name}.any[${i}]`)));
        into.none.push(...ctx.none.map((p, i) => compilePattern(p, `${file} contexts.${name}.none[${i}]`)));
        this.contexts.set(name, into);
      }
    }
    for (const { file, rf } of parsedFiles) {
      const own = rf.negation.map((p, i) => compilePattern(p, `${file} negation[${i}]`));
      const negation = rf.lang === "any" ? own : [...own, ...shared];
      const regional = REGION.has(rf.lang) ? [...regionalOf(rf.lang), ...own, ...shared] : [];
      this.features.push(...rf.features.map((p, i) => compilePattern(p, `${file} features[${i}]`)));
      this.personal.push(...rf.personal.map((p, i) => compilePattern(p, `${file} personal[${i}]`)));
      rf.rules.forEach((rule, i) => {
        const where = `${file} rules[${i}] (${rule.flag})`;
        let flag: FlagDef;
        try {
          flag = flagDef(catalogue, rule.flag);
        } catch (error) {
          throw new Error(`${where}: ${(error as Error).message}`);
        }
        const unknown = rule.except.find((name) => !this.contexts.has(name));
        if (unknown !== undefined) {
          throw new Error(`${where}: except names the context "${unknown}", which no rule file defines; add it under "contexts:" (see flows/screening-rules-any.yaml) or remove it`);
        }
        this.rules.push({
          where,
          lang: rf.lang,
          latin: rf.view === "latin",
          flag,
          match: rule.match.map((p, j) => compilePattern(p, `${where} match[${j}]`)),
          unless: rule.unless.map((p, j) => compilePattern(p, `${where} unless[${j}]`)),
          negate: rule.negate,
          except: rule.except,
          negation,
          regional,
          scope: rf.scope,
          tests: rule.tests,
        });
      });
    }
  }

  /** The risk, score and flags of an ad, each flag with the words that raised it. */
  analyse(text: string): Analysis {
    const flags = this.find(text, this.rules);
    const score = scoreOf(this.catalogue, flags);
    return { risk: riskOf(this.catalogue, score), score, flags };
  }

  /**
   * Whether free text looks like a pasted or forwarded job ad: long enough and with at least two
   * kinds of job-ad words (work, pay, contact, travel...), or one and a red flag — unless it
   * speaks in the first person ("я", "my", "menga" two or more times): that is a person telling
   * their own story, which the knowledge search and the danger words answer better.
   */
  looksLikeAd(text: string, minLength = 80): boolean {
    if (text.trim().length < minLength) return false;
    const views = this.views(text);
    let personal = 0;
    for (const re of this.personal) {
      personal += (views.low.text.match(re) ?? []).length;
      if (views.lat !== views.low) personal += (views.lat.text.match(re) ?? []).length;
    }
    if (personal >= 2) return false;
    let hits = 0;
    for (const feature of this.features) {
      feature.lastIndex = 0;
      if (feature.test(views.low.text) || (views.lat !== views.low && ((feature.lastIndex = 0), feature.test(views.lat.text)))) hits++;
      if (hits >= 2) return true;
    }
    return hits >= 1 && this.find(text, this.rules).length > 0;
  }

  /** Run every rule's own examples; the list of those that fail (empty when all pass). */
  selfTest(): RuleTestFailure[] {
    const failures: RuleTestFailure[] = [];
    for (const rule of this.rules) {
      for (const text of rule.tests.flag) {
        if (this.find(text, [rule]).length === 0) failures.push({ where: rule.where, flag: rule.flag.id, text, expected: "flag" });
      }
      for (const text of rule.tests.clean) {
        if (this.find(text, [rule]).length > 0) failures.push({ where: rule.where, flag: rule.flag.id, text, expected: "clean" });
      }
    }
    return failures;
  }

  /** How many rules, per language file (for docs and `jol flows check`). */
  ruleCount(): number {
    return this.rules.length;
  }

  private views(text: string): { low: TextView; lat: TextView } {
    const low = lowerView(text);
    return { low, lat: hasCyrillic(text) ? uzLatinView(low) : low };
  }

  private find(text: string, rules: CompiledRule[]): FoundFlag[] {
    const { low, lat } = this.views(text);
    const found = new Map<string, { flag: FoundFlag; at: number }>();
    const holds = new Map<string, boolean>();
    const contextHolds = (name: string): boolean => {
      let yes = holds.get(name);
      if (yes === undefined) {
        const ctx = this.contexts.get(name);
        const seen = (re: RegExp) => test(re, low.text) || (lat !== low && test(re, lat.text));
        yes = ctx !== undefined && ctx.any.some(seen) && !ctx.none.some(seen);
        holds.set(name, yes);
      }
      return yes;
    };
    for (const rule of rules) {
      if (found.has(rule.flag.id)) continue;
      if (rule.except.some(contextHolds)) continue;
      const view = rule.latin ? lat : low;
      const hit = firstHit(rule, view, rule.latin ? low : lat);
      if (!hit) continue;
      const start = view.origin[hit.start] ?? 0;
      const end = view.origin[hit.end] ?? text.length;
      found.set(rule.flag.id, {
        at: start,
        flag: { id: rule.flag.id, indicator: rule.flag.indicator, strength: rule.flag.strength, evidence: quote(text, start, end) },
      });
    }
    const weight = this.catalogue.weights;
    return [...found.values()]
      .sort((a, b) => weight[b.flag.strength] - weight[a.flag.strength] || a.at - b.at)
      .map((f) => f.flag);
  }
}

function firstHit(rule: CompiledRule, view: TextView, other: TextView): { start: number; end: number } | undefined {
  const text = view.text;
  for (const re of rule.match) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      const sentence = span(text, start, end, SENTENCE_END);
      if (rule.unless.some((u) => test(u, sentence))) continue;
      if (rule.negate && (negated(rule, text, start, end) || negatedIn(rule, view, other, start, end))) continue;
      return { start, end };
    }
  }
  return undefined;
}

/** The text between the boundaries (by `ends`) around [start, end). */
function span(text: string, start: number, end: number, ends: RegExp): string {
  const [a, b] = bounds(text, start, end, ends);
  return text.slice(a, b);
}

function bounds(text: string, start: number, end: number, ends: RegExp): [number, number] {
  let a = 0;
  let b = text.length;
  ends.lastIndex = 0;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    if (m.index < start) a = m.index + m[0].length;
    else if (m.index >= end) {
      b = m.index;
      break;
    }
  }
  return [a, b];
}

/**
 * A negation cue within a few words before the match (`scope.before`, default 4), inside it, or in
 * the rest of its last word and the words after (`scope.after`, default 2) — all within the clause (Russian "не забираем", English "never keep",
 * Turkic verb endings "алмаймыз", "olinmaydi").
 */
function negated(rule: CompiledRule, text: string, start: number, end: number): boolean {
  return rule.negation.length > 0 && rule.negation.some((n) => test(n, negationWindow(rule, text, start, end)));
}

/**
 * The same window in the other view of the text (the Cyrillic original for a Latin-view rule and
 * the other way round), checked with the negation words of every language of the region: a
 * Kazakh rule may fire on a Kyrgyz or Uzbek ad, whose "болбойт" or "mumkin emas" it must read too.
 */
function negatedIn(rule: CompiledRule, view: TextView, other: TextView, start: number, end: number): boolean {
  if (rule.regional.length === 0) return false;
  const windows = [negationWindow(rule, view.text, start, end)];
  if (other !== view) {
    const oStart = toView(other, view.origin[start] ?? 0);
    const oEnd = Math.max(oStart, toView(other, view.origin[end] ?? 0));
    windows.push(negationWindow(rule, other.text, oStart, oEnd));
  }
  return windows.some((w) => rule.regional.some((n) => test(n, w)));
}

/** The first index of a view at or after an offset of the original text. */
function toView(view: TextView, original: number): number {
  let lo = 0;
  let hi = view.origin.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((view.origin[mid] ?? 0) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function negationWindow(rule: CompiledRule, text: string, start: number, end: number): string {
  const [a, b] = bounds(text, start, end, CLAUSE_END);
  const before = text.slice(a, start).split(/\s+/).filter(Boolean).slice(-rule.scope.before).join(" ");
  const after = text.slice(end, b);
  const afterWords = new RegExp(`^[\\p{L}\\p{N}'_-]*(?:\\s+[\\p{L}\\p{N}'_-]+){0,${rule.scope.after}}`, "u").exec(after)?.[0] ?? "";
  // A match that spans clauses ("девушек без опыта, … фото") is judged by its last clause only.
  const inside = text.slice(start, end);
  const lastClause = inside.split(CLAUSE_SPLIT).at(-1) ?? inside;
  return lastClause === inside ? `${before} ${inside}${afterWords}` : `${lastClause}${afterWords}`;
}

function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** The clause(s) of the original text around a match, trimmed, at most 120 characters. */
function quote(original: string, start: number, end: number): string {
  const [a, b] = bounds(original, start, end, CLAUSE_END);
  let q = original.slice(a, b).replace(/\s+/g, " ").trim();
  if (q.length < 12) q = original.slice(...bounds(original, start, end, SENTENCE_END)).replace(/\s+/g, " ").trim();
  if (q.length > 120) {
    const inner = original.slice(start, end).replace(/\s+/g, " ").trim();
    const pad = Math.max(0, Math.floor((120 - inner.length) / 2));
    const from = Math.max(a, start - pad);
    const to = Math.min(b, end + pad);
    q = `${from > a ? "…" : ""}${original.slice(from, to).replace(/\s+/g, " ").trim()}${to < b ? "…" : ""}`;
  }
  return q;
}
