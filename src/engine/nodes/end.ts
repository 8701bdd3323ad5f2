import { z } from "zod";
import { defineKind } from "../node-kind.ts";
import { Id, MessageRefSchema } from "../schema-parts.ts";

/** End this flow, optionally saying something first: back to the caller, or to the main menu. */
export const endKind = defineKind({
  type: "end",
  schema: z.strictObject({ id: Id, type: z.literal("end"), text: MessageRefSchema.optional() }),
  waits: false,
  enter(node, ctx) {
    if (node.text) ctx.say(node.text);
    return { to: "end" };
  },
  refs: (node) => ({ messages: node.text ? [node.text] : [] }),
});
