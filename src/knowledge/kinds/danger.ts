import { z } from "zod";
import { defineKind, type ChoiceSpec, type NodeContext, type NodeKind, type NodeResult } from "../../engine/node-kind.ts";
import { Id } from "../../engine/schema-parts.ts";
import type { KnowledgeBase } from "../articles.ts";
import { messageId } from "../metadata.ts";
import { CONSULTANT_FLOW, MAIN_FLOW, VARS } from "../flow-ids.ts";

/**
 * `type: kb-danger` — the offer of immediate human help after danger words: the hotline
 * contacts (from the settings, through the engine's global Fluent arguments), "Talk to a
 * consultant now" (the `consultant` flow, marked urgent), and, when the search also found an
 * article for the message, a button to read it (shown by the node `view`).
 *
 * ```yaml
 * - { id: danger, type: kb-danger, view: view }
 * ```
 */
export function dangerKind(kb: KnowledgeBase): NodeKind {
  const article = (raw: unknown): string | undefined => (typeof raw === "string" && kb.article(raw) ? raw : undefined);
  const choices = (ctx: NodeContext, id: string | undefined): ChoiceSpec[] => [
    { id: "h", label: "kb-btn-danger-now" },
    ...(id ? [{ id: "r", label: { id: "kb-btn-danger-read", args: { title: ctx.t(messageId(id, "title")) } } }] : []),
    { id: "!menu", label: "choice-main-menu" },
  ];
  const kind = defineKind({
    type: "kb-danger",
    schema: z.strictObject({ id: Id, type: z.literal("kb-danger"), view: Id }),
    waits: true,
    enter(_node, ctx): NodeResult {
      const id = article(ctx.get(VARS.article));
      ctx.say("kb-danger", choices(ctx, id));
      return { to: "wait" };
    },
    receive(node, ctx, input): NodeResult {
      const id = article(ctx.get(VARS.article));
      const picked = ctx.matchChoice(input, choices(ctx, id));
      if (picked === undefined) return input.kind === "choice" ? { to: "miss" } : { to: "pass" };
      if (picked === "h") {
        ctx.set(VARS.reason, "danger");
        ctx.set(VARS.urgent, true);
        return { to: "goto", flow: CONSULTANT_FLOW };
      }
      if (picked === "!menu") return { to: "goto", flow: MAIN_FLOW };
      ctx.say("kb-danger-more");
      return { to: "node", node: node.view };
    },
    refs: (node) => ({
      nodes: [node.view],
      flows: [CONSULTANT_FLOW, MAIN_FLOW],
      messages: ["kb-danger", "kb-btn-danger-now", "kb-btn-danger-read", "kb-danger-more", "choice-main-menu"],
    }),
  });
  return kind;
}
