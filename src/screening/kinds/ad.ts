import { z } from "zod";
import { defineKind, type NodeContext, type NodeKind } from "../../engine/node-kind.ts";
import type { Screener } from "../analyse.ts";
import { renderAdAnalysis } from "../render.ts";
import { pastedFields, takePasted } from "./pasted.ts";

/**
 * Analyse the ad the user pasted (read from `var`, which an `input` node filled in the same
 * step) and answer with the flags found. The ad text is removed from the session at once: only
 * the level and the flag ids stay (`scr_risk`, `scr_flags`), for a consultant if the user asks.
 *
 * ```yaml
 * - { id: analyse, type: screening-ad, var: scr_ad, next: after-ad }
 * ```
 */
export function screeningAdKind(screener: Screener): NodeKind {
  return defineKind({
    type: "screening-ad",
    schema: z.strictObject({
      ...pastedFields,
      type: z.literal("screening-ad"),
    }),
    waits: false,
    enter(node, ctx) {
      const text = takePasted(ctx, node.var);
      if (text !== undefined) answerAd(ctx, screener, text);
      return { to: "node", node: node.next };
    },
    refs: (node) => ({ nodes: [node.next], messages: ["scr-paste-empty"] }),
  }) as unknown as NodeKind;
}

/** Analyse, reply, and remember only the level and flag ids (never the text). */
export function answerAd(ctx: NodeContext, screener: Screener, text: string): void {
  const analysis = screener.analyse(text);
  const { text: reply, keys } = renderAdAnalysis(ctx, analysis);
  ctx.sayText(reply, undefined, keys);
  ctx.set("scr_risk", analysis.risk);
  ctx.set("scr_flags", analysis.flags.map((f) => f.id).join(",") || null);
  ctx.set("scr_result", null);
}
