import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { LANGS } from "../core/lang.ts";
import { audienceOf, type KnowledgeSearch } from "./search.ts";

/**
 * Scoring the free-text search on a question set: a YAML list of `{lang, q, expect}` (the format
 * of the shared development set). Used by `npm run eval:qa` and by the accuracy test.
 */

export const EvalQuestion = z.strictObject({ lang: z.enum(LANGS), q: z.string().min(1), expect: z.string() });
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export function readQuestions(path: string): EvalQuestion[] {
  const parsed = z.array(EvalQuestion).safeParse(parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: item ${issue?.path.join(".")}: ${issue?.message} (each item is {lang, q, expect})`);
  }
  return parsed.data;
}

export interface EvalMiss {
  question: EvalQuestion;
  /** The top three article ids found. */
  got: string[];
}

export interface EvalReport {
  total: number;
  top1: number;
  top3: number;
  misses: EvalMiss[];
}

/**
 * Rank every question as the bot would for a user of the question's language (see `audienceOf`);
 * a miss is a question whose expected article is not first.
 */
export function evaluate(search: KnowledgeSearch, questions: EvalQuestion[]): EvalReport {
  let top1 = 0;
  let top3 = 0;
  const misses: EvalMiss[] = [];
  for (const question of questions) {
    const got = search.rank(question.q, { audience: audienceOf(question.lang) }).slice(0, 3).map((h) => h.id);
    if (got[0] === question.expect) top1++;
    else misses.push({ question, got });
    if (got.includes(question.expect)) top3++;
  }
  const total = questions.length;
  return { total, top1: total ? top1 / total : 0, top3: total ? top3 / total : 0, misses };
}
