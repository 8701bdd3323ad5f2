import { z } from "zod";
import { defineKind } from "../node-kind.ts";
import { Id, MessageRefSchema } from "../schema-parts.ts";

/** Say one or more messages and move on without waiting. Without `next`, the flow ends. */
export const messageKind = defineKind({
  type: "message",
  schema: z.strictObject({
    id: Id,
    type: z.literal("message"),
    text: z.union([MessageRefSchema, z.array(MessageRefSchema).min(1)]),
    next: Id.optional(),
  }),
  waits: false,
  enter(node, ctx) {
    ctx.say(node.text);
    return node.next ? { to: "node", node: node.next } : { to: "end" };
  },
  refs: (node) => ({ nodes: node.next ? [node.next] : [], messages: Array.isArray(node.text) ? node.text : [node.text] }),
});
