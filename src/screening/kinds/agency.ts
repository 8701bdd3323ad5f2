import { z } from "zod";
import { defineKind } from "../../engine/node-kind.ts";
import { Id } from "../../engine/schema-parts.ts";

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
    id: Id,
    type: z.literal("screening-agency"),
    var: z.string().regex(/^[a-z][a-z0-9_]*$/, "a var name of lower-case letters, digits and _"),
    next: Id,
  }),
  waits: false,
  enter(node, ctx) {
    const query = ctx.get(node.var);
    ctx.set(node.var, null);
    if (typeof query === "string" && query.trim() !== "") ctx.emit({ type: "x-agency-lookup", query: query.trim().slice(0, 200) });
    else ctx.say("scr-paste-empty");
    return { to: "node", node: node.next };
  },
  refs: (node) => ({ nodes: [node.next], messages: ["scr-paste-empty"] }),
});
