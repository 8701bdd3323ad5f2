import { z } from "zod";
import { defineKind, type ChoiceSpec, type NodeContext, type NodeKind, type NodeResult } from "../../engine/node-kind.ts";
import { Id } from "../../engine/schema-parts.ts";
import type { KnowledgeBase } from "../articles.ts";
import { formatDate } from "../articles.ts";
import { messageId } from "../metadata.ts";
import { CONSULTANT_FLOW, MAIN_FLOW, VARS } from "../flow-ids.ts";
import { statsEffect } from "../../stats/events.ts"; // statistics (issue 16)

/**
 * `type: article` — shows one knowledge article: title, short answer and "checked on" date,
 * then on request the details, what to do next and the sources. Offers up to three related
 * articles (shown in place; "Back" returns through them), "Ask a consultant", "Back" and the
 * main menu. After a close call of the search (var `kb_also`, only for `$var` articles), the
 * other close articles take the place of the related ones, under "Did you mean…". Text the node
 * does not understand goes to the free-text search.
 *
 * ```yaml
 * - { id: stay-rules, type: article, article: stay-rules, back: g-stay }
 * - { id: view, type: article, article: $kb_article }   # the article a search found
 * ```
 */
export const ArticleNodeSchema = z.strictObject({
  id: Id,
  type: z.literal("article"),
  article: z
    .string()
    .regex(/^(\$[a-z][a-z0-9_]*|[a-z0-9][a-z0-9-]{0,19})$/, "an article id from flows/knowledge.yaml (like stay-rules), or $var for the article in a session var"),
  /** Where "Back" goes when no related article was opened here; default: end this flow (back to the caller). */
  back: Id.optional(),
});
export type ArticleNode = z.infer<typeof ArticleNodeSchema>;

const MAX_RELATED = 3;
const MAX_HISTORY = 5;

export function articleKind(kb: KnowledgeBase): NodeKind {
  const resolve = (node: ArticleNode, ctx: NodeContext): string | undefined => {
    const id = node.article.startsWith("$") ? ctx.get(node.article.slice(1)) : node.article;
    return typeof id === "string" && kb.article(id) ? id : undefined;
  };

  /** The "Did you mean…" articles of a close call, while the article the search found is shown. */
  const also = (ctx: NodeContext, id: string): string[] =>
    String(ctx.get(VARS.also) ?? "")
      .split(",")
      .filter((other) => other && other !== id && kb.article(other))
      .slice(0, 2);

  const choices = (id: string, screen: "short" | "details", others: string[] = []): ChoiceSpec[] => [
    ...(screen === "short" ? [{ id: "d", label: "kb-btn-details" }] : []),
    ...(screen === "short" && others.length
      ? others.map((other, i) => ({ id: `a${i + 1}`, label: messageId(other, "title") }))
      : kb
          .related(id)
          .slice(0, MAX_RELATED)
          .map((related, i) => ({ id: `r${i + 1}`, label: messageId(related, "title") }))),
    { id: "c", label: "kb-btn-consultant" },
    { id: "b", label: "choice-back" },
    // A "!" id is a command button: the engine goes to the main menu and clears the flow stack.
    { id: "!menu", label: "choice-main-menu" },
  ];

  const show = (ctx: NodeContext, id: string, screen: "short" | "details", others: string[] = []): void => {
    ctx.set(VARS.article, id);
    ctx.set(VARS.screen, screen);
    if (screen === "short") {
      const reviewed = kb.article(id)?.reviewed;
      ctx.emit(statsEffect({ k: "article", id, lang: ctx.lang })); // statistics (issue 16)
      ctx.say(
        [
          messageId(id, "title"),
          messageId(id, "short"),
          ...(reviewed ? [{ id: "kb-checked", args: { date: formatDate(reviewed) } }] : []),
          ...(others.length ? ["kb-also"] : []),
        ],
        choices(id, screen, others),
      );
    } else {
      const sources = kb.article(id)?.sources ?? [];
      ctx.say(
        [messageId(id, "details"), messageId(id, "next"), ...(sources.length ? [{ id: "kb-sources", args: { list: sources.join("; ") } }] : [])],
        choices(id, screen),
      );
    }
  };

  const kind = defineKind({
    type: "article",
    schema: ArticleNodeSchema,
    waits: true,
    enter(node, ctx): NodeResult {
      const id = resolve(node, ctx);
      if (!id) {
        // A search var that is gone (an old session) or an article removed from the metadata.
        ctx.say("kb-none");
        return { to: "end" };
      }
      ctx.set(VARS.history, "");
      if (!node.article.startsWith("$")) ctx.set(VARS.also, null);
      show(ctx, id, "short", also(ctx, id));
      return { to: "wait" };
    },
    receive(node, ctx, input): NodeResult {
      const current = typeof ctx.get(VARS.article) === "string" && kb.article(String(ctx.get(VARS.article))) ? String(ctx.get(VARS.article)) : resolve(node, ctx);
      if (!current) return { to: "end" };
      const screen = ctx.get(VARS.screen) === "details" ? "details" : "short";
      const others = also(ctx, current);
      // Buttons of either screen stay valid; numbers typed refer to the screen last shown.
      const picked =
        ctx.matchChoice(input, choices(current, screen, others)) ??
        (input.kind === "choice" ? (ctx.matchChoice(input, choices(current, "short", others)) ?? ctx.matchChoice(input, choices(current, "details"))) : undefined);
      if (picked === undefined) return input.kind === "choice" ? { to: "miss" } : { to: "pass" };
      if (picked === "d") {
        show(ctx, current, "details");
        return { to: "wait" };
      }
      if (picked.startsWith("r") || picked.startsWith("a")) {
        const next = picked.startsWith("r") ? kb.related(current)[Number(picked.slice(1)) - 1] : others[Number(picked.slice(1)) - 1];
        if (!next) return { to: "miss" };
        // The close call is answered once the user moves on from the article it was about.
        ctx.set(VARS.also, null);
        const history = String(ctx.get(VARS.history) ?? "").split(",").filter(Boolean);
        ctx.set(VARS.history, [...history, current].slice(-MAX_HISTORY).join(","));
        show(ctx, next, "short");
        return { to: "wait" };
      }
      if (picked === "c") {
        ctx.set(VARS.reason, "article");
        return { to: "goto", flow: CONSULTANT_FLOW };
      }
      if (picked === "!menu") return { to: "goto", flow: MAIN_FLOW }; // typed as its number
      // "b": back through the related articles opened here, then out of the node.
      const history = String(ctx.get(VARS.history) ?? "").split(",").filter(Boolean);
      const previous = history.pop();
      if (previous && kb.article(previous)) {
        ctx.set(VARS.history, history.join(","));
        ctx.set(VARS.also, null);
        show(ctx, previous, "short");
        return { to: "wait" };
      }
      return node.back ? { to: "node", node: node.back } : { to: "end" };
    },
    refs: (node) => ({
      nodes: node.back ? [node.back] : [],
      flows: [CONSULTANT_FLOW, MAIN_FLOW],
      messages: [
        "kb-btn-details",
        "kb-btn-consultant",
        "kb-checked",
        "kb-sources",
        "kb-also",
        "choice-back",
        "choice-main-menu",
        ...(node.article.startsWith("$") ? [] : (["title", "short", "details", "next"] as const).map((part) => messageId(node.article, part))),
      ],
    }),
  });
  // The registry holds kinds of every node shape; this one's node type is narrower.
  return kind;
}
