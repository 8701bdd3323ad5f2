import { z } from "zod";
import { defineKind } from "../node-kind.ts";
import { Id } from "../schema-parts.ts";

/** Continue in another flow (at its start or a given node) without coming back. */
export const gotoKind = defineKind({
  type: "goto",
  schema: z.strictObject({ id: Id, type: z.literal("goto"), flow: Id, node: Id.optional() }),
  waits: false,
  enter: (node) => ({ to: "goto", flow: node.flow, node: node.node }),
  refs: (node) => ({ flows: [node.flow] }),
});
