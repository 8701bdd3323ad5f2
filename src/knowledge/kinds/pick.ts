import { z } from "zod";
import { defineKind, type ChoiceSpec, type NodeKind, type NodeResult } from "../../engine/node-kind.ts";
import { Id } from "../../engine/schema-parts.ts";
import type { KnowledgeBase } from "../articles.ts";
import { messageId } from "../metadata.ts";
import { CONSULTANT_FLOW, MAIN_FLOW, VARS } from "../flow-ids.ts";

/**
 * `type: kb-pick` — a close call of the search: offers the three candidates (in the var
 * `kb_pick`) by title, plus a consultant and the main menu. The chosen article is shown by the
 * node `view` (an `article` node reading `$kb_article`).
 *
 * ```yaml
 * - { id: pick, type: kb-pick, view: view }
 * ```
 */
export function pickKind(kb: KnowledgeBase): NodeKind {
  const candidates = (raw: unknown): string[] =>
    String(raw ?? "")
      .split(",")
      .filter((id) => kb.article(id))
      .slice(0, 3);
  const choices = (ids: string[]): ChoiceSpec[] => [
    ...ids.map((id, i) => ({ id: `p${i + 1}`, label: messageId(id, "title") })),
    { id: "c", label: "kb-btn-consultant" },
    { id: "!menu", label: "choice-main-menu" },
  ];
  const kind = defineKind({
    type: "kb-pick",
    schema: z.strictObject({ id: Id, type: z.literal("kb-pick"), view: Id }),
    waits: true,
    enter(_node, ctx): NodeResult {
      const ids = candidates(ctx.get(VARS.pick));
      if (!ids.length) {
        ctx.say("kb-none");
        return { to: "end" };
      }
      ctx.say("kb-pick", choices(ids));
      return { to: "wait" };
    },
    receive(node, ctx, input): NodeResult {
      const ids = candidates(ctx.get(VARS.pick));
      const picked = ctx.matchChoice(input, choices(ids));
      if (picked === undefined) return input.kind === "choice" ? { to: "miss" } : { to: "pass" };
      if (picked === "c") {
        ctx.set(VARS.reason, "article");
        return { to: "goto", flow: CONSULTANT_FLOW };
      }
      if (picked === "!menu") return { to: "goto", flow: MAIN_FLOW };
      const id = ids[Number(picked.slice(1)) - 1];
      if (!id) return { to: "miss" };
      ctx.set(VARS.article, id);
      return { to: "node", node: node.view };
    },
    refs: (node) => ({ nodes: [node.view], flows: [CONSULTANT_FLOW, MAIN_FLOW], messages: ["kb-pick", "kb-none", "kb-btn-consultant", "choice-main-menu"] }),
  });
  return kind as unknown as NodeKind;
}
