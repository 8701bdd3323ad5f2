import { z } from "zod";
import { defineKind, type NodeKind } from "../../engine/node-kind.ts";
import { pastedFields, takePasted } from "./pasted.ts";

/**
 * Look up the agency named in `var` (an `input` node filled it): the lookup needs the store, so
 * this node only emits `x-agency-lookup`; its handler (`agencyLookupHandler`) answers. The query
 * is removed from the session at once.
 *
 * ```yaml
 * - { id: agency-look, type: screening-agency, var: scr_agency, next: after-agency }
 * ```
 */
export const screeningAgencyKind = defineKind({
  type: "screening-agency",
  schema: z.strictObject({
    ...pastedFields,
    type: z.literal("screening-agency"),
  }),
  waits: false,
  enter(node, ctx) {
    const query = takePasted(ctx, node.var);
    if (query !== undefined) ctx.emit({ type: "x-agency-lookup", query: query.trim().slice(0, 200) });
    return { to: "node", node: node.next };
  },
  refs: (node) => ({ nodes: [node.next], messages: ["scr-paste-empty"] }),
}) as unknown as NodeKind;
