import { z } from "zod";
import { defineKind } from "../node-kind.ts";
import { ConditionSchema, Id, test } from "../schema-parts.ts";

/** Go to the first case whose condition holds over the collected answers, else to `else`. */
export const branchKind = defineKind({
  type: "branch",
  schema: z.strictObject({
    id: Id,
    type: z.literal("branch"),
    cases: z.array(z.strictObject({ when: ConditionSchema, next: Id })).min(1, "a branch needs at least one case"),
    else: Id,
  }),
  waits: false,
  enter(node, ctx) {
    const vars = ctx.session.vars;
    const hit = node.cases.find((c) => test(c.when, vars));
    return { to: "node", node: hit ? hit.next : node.else };
  },
  refs: (node) => ({ nodes: [...node.cases.map((c) => c.next), node.else] }),
});
