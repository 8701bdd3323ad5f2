import { z } from "zod";
import { defineKind } from "../node-kind.ts";
import { Id } from "../schema-parts.ts";

/** The engine's marker for "end the calling flow when the called one returns". */
export const END_ON_RETURN = "__end__";

/** Run another flow (at its start or a given node); when it ends, continue at `next` (or end this flow). */
export const callKind = defineKind({
  type: "call",
  schema: z.strictObject({ id: Id, type: z.literal("call"), flow: Id, node: Id.optional(), next: Id.optional() }),
  waits: false,
  enter: (node) => ({ to: "call", flow: node.flow, node: node.node, then: node.next ?? END_ON_RETURN }),
  refs: (node) => ({ nodes: node.next ? [node.next] : [], flows: [node.flow] }),
});
