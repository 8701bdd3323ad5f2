import type { Lang } from "../core/lang.ts";
import type { KnowledgeBase } from "./articles.ts";
import type { DangerWords } from "./danger.ts";
import type { AskContext } from "./search.ts";

/** What `jol ask --json` prints: exactly these keys. */
export interface AskResult {
  /** The best article, or null when nothing fits. */
  id: string | null;
  title: string | null;
  /** The text the bot would send (the short answer, after a close call with "Did you mean…" and the others; or "nothing found"). */
  text: string;
  /** The best article's relevance (only comparable within one question), or null. */
  score: number | null;
  /** The next best articles (up to two), so that id + alternatives are the top three. */
  alternatives: Array<{ id: string; score: number }>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Answer a question the way the bot does, as data (for `jol ask` and tests). Danger words,
 * when given, put the offer of human help before the answer in `text`; `id` stays the article.
 * `context` is what the conversation would know (the audience: see `audienceOf`).
 *
 * @example
 * ask(kb, "skolko dney mozhno", "uz").id; // "stay-rules"
 */
export function ask(kb: KnowledgeBase, question: string, lang: Lang, danger?: DangerWords, context: AskContext = {}): AskResult {
  const found = kb.search.answer(question, context);
  const [top, ...rest] = found.hits;
  const alternatives = rest.slice(0, 2).map((h) => ({ id: h.id, score: round(h.score) }));
  const warning = danger?.match(question).length ? kb.message(lang, "kb-danger") : "";
  const withWarning = (text: string) => (warning ? `${warning}\n\n${text}` : text);
  if (found.kind === "none" || !top) {
    return { id: null, title: null, text: withWarning(kb.message(lang, "kb-none")), score: null, alternatives: found.hits.slice(0, 3).map((h) => ({ id: h.id, score: round(h.score) })) };
  }
  let text = kb.shortText(lang, top.id);
  if (found.kind === "pick") {
    const titles = kb.search.closeTo(found.hits).map((id) => `• ${kb.title(lang, id)}`);
    text = [text, "", kb.message(lang, "kb-also"), ...titles].join("\n");
  }
  return { id: top.id, title: kb.title(lang, top.id), text: withWarning(text), score: round(top.score), alternatives };
}
