import { z } from "zod";
import { defineKind } from "../node-kind.ts";
import { Id, Value } from "../schema-parts.ts";

/** Store values in the session's vars (`set: { track: abroad }`) and move on. */
export const setKind = defineKind({
  type: "set",
  schema: z.strictObject({ id: Id, type: z.literal("set"), set: z.record(z.string(), Value), next: Id.optional() }),
  waits: false,
  enter(node, ctx) {
    for (const [name, value] of Object.entries(node.set)) ctx.set(name, value);
    return node.next ? { to: "node", node: node.next } : { to: "end" };
  },
  refs: (node) => ({ nodes: node.next ? [node.next] : [] }),
});
