import type { NodeContext, NodeResult } from "../engine/node-kind.ts";
import type { StartLink, TextInterceptor } from "../engine/plugin.ts";
import type { KnowledgeBase } from "./articles.ts";
import type { DangerWords } from "./danger.ts";
import { queryWords } from "./normalise.ts";
import { audienceOf, type AskContext } from "./search.ts";
import { ANSWER_FLOW, ANSWER_MODES, CONSULTANT_FLOW, VARS, type AnswerMode } from "./flow-ids.ts";
import { statsEffect } from "../stats/events.ts"; // statistics (issue 16)

/** Node types of this module: text typed at one of them replaces the answer shown instead of stacking another. */
const OWN_TYPES = new Set(["article", "kb-danger"]);

/** Show an answer: call the answer flow (so "Back" returns here), or replace the answer on screen. */
function toAnswer(ctx: NodeContext, mode: AnswerMode, waitingType: string | undefined): NodeResult {
  ctx.set(VARS.mode, mode);
  return OWN_TYPES.has(waitingType ?? "") ? { to: "goto", flow: ANSWER_FLOW } : { to: "call", flow: ANSWER_FLOW };
}

/**
 * Danger words first (priority 100: also where the bot waits for a typed answer): sets the var
 * `danger` (the matched entries, so the case is marked urgent) and offers immediate human help.
 * Inside the `consultant` flow it only sets the var and lets the conversation go on. Where a typed
 * answer is expected, weak entries (`~help` in the data) do not count.
 */
export function dangerInterceptor(words: DangerWords, kb: KnowledgeBase): TextInterceptor {
  return {
    id: "knowledge-danger",
    priority: 100,
    handle(text, ctx, where) {
      const matched = words.match(text, where.waitingType === "input");
      if (!matched.length) return null;
      ctx.set(VARS.danger, matched.join(", "));
      if (ctx.flowId === CONSULTANT_FLOW) return null;
      const found = kb.search.answer(text, askContext(ctx));
      ctx.set(VARS.article, found.kind === "none" ? null : found.hits[0]!.id);
      ctx.set(VARS.also, null);
      return toAnswer(ctx, ANSWER_MODES.danger, where.waitingType);
    },
  };
}

/** Nodes of the `coming` menu itself (not the free-text answers at the end of the flow). */
const ANSWER_NODES = new Set(["entry", "to-view", "view", "to-none", "none", "to-danger", "danger"]);

/**
 * What the conversation tells about a question: a user inside the "Coming to Kazakhstan" menu,
 * or one who writes Uzbek, Kyrgyz or Tajik, asks about Kazakhstan (see `audienceOf`).
 */
export function askContext(ctx: NodeContext): AskContext {
  const coming = ctx.session.stack.some((frame) => frame.f === ANSWER_FLOW && !ANSWER_NODES.has(frame.n));
  return { audience: audienceOf(ctx.session.lang, coming) };
}

/**
 * The knowledge search for typed questions wherever the bot is not waiting for a typed answer
 * (priority 10: after danger words and pasted job ads). A clear best article is shown; a close
 * call shows the best and offers the others that came close ("Did you mean…"); a question that
 * matches nothing says so and offers the sections and a consultant. Text with no topic words ("99", "ok", "привет") is left to the engine's
 * "did not understand".
 */
export function searchInterceptor(kb: KnowledgeBase): TextInterceptor {
  return {
    id: "knowledge-search",
    priority: 10,
    handle(text, ctx, where) {
      if (where.waitingType === "input") return null;
      if (!/\p{L}/u.test(text) || !queryWords(text).some((w) => /\p{L}/u.test(w.word))) return null;
      const found = kb.search.answer(text, askContext(ctx));
      if (found.kind === "none") {
        // statistics (issue 16): the question's normalised words, only when nothing matched
        ctx.emit(statsEffect({ k: "miss", words: queryWords(text).map((w) => w.word), lang: ctx.lang }));
        return toAnswer(ctx, ANSWER_MODES.none, where.waitingType);
      }
      ctx.set(VARS.article, found.hits[0]!.id);
      ctx.set(VARS.also, found.kind === "pick" ? kb.search.closeTo(found.hits).join(",") : null);
      return toAnswer(ctx, ANSWER_MODES.view, where.waitingType);
    },
  };
}

/** The payload prefix of a deep link to an article: `t.me/<bot>?start=kb-stay-rules`. */
export const ARTICLE_LINK_PREFIX = "kb-";
/** What the session records as the source of an article deep link (the information portal makes them). */
export const ARTICLE_LINK_SOURCE = "portal";

/**
 * `/start kb-<id>` (a link on the information portal's article page) opens that article, as if
 * the user had found it by typing a question; "Back" leads to the main menu. An unknown id
 * opens nothing (the engine shows the main menu).
 */
export function articleStartLink(kb: KnowledgeBase): StartLink {
  return {
    prefix: ARTICLE_LINK_PREFIX,
    source: ARTICLE_LINK_SOURCE,
    open(id, ctx) {
      if (!kb.article(id)) return null;
      ctx.set(VARS.article, id);
      ctx.set(VARS.mode, ANSWER_MODES.view);
      return { to: "call", flow: ANSWER_FLOW };
    },
  };
}

/**
 * Danger words in a message that comes before the user chose a language (the very first
 * message, typically) whose language does not show: the engine answers it with the language
 * menu, so the hotline contacts are sent first, in the platform's language, and `danger` is
 * noted for the case. (When the language shows, the engine answers in it, danger words first.)
 */
export function dangerBeforeLanguage(words: DangerWords, contacts: Record<string, string>): TextInterceptor {
  return {
    id: "knowledge-danger-before-language",
    priority: 100,
    beforeLanguage: true,
    handle(text, ctx) {
      if (ctx.session.lang) return null;
      const matched = words.match(text);
      if (!matched.length) return null;
      ctx.set(VARS.danger, matched.join(", "));
      ctx.say("kb-danger", undefined, contacts);
      return "stay";
    },
  };
}
