import { z } from "zod";
import { defineKind, type NodeResult } from "../node-kind.ts";
import { Id, MessageRefSchema } from "../schema-parts.ts";

/**
 * A question with choices. Each choice goes to a node of this flow (`next`), replaces the flow
 * (`goto`), runs another flow and comes back here (`call`), or ends this flow (`end: true`,
 * "back"). The user presses a button, types its number ("2", "2.") or its label.
 */
const ChoiceSchema = z
  .strictObject({
    id: Id,
    label: MessageRefSchema,
    next: Id.optional(),
    goto: Id.optional(),
    call: Id.optional(),
    end: z.literal(true).optional(),
  })
  .refine((c) => [c.next, c.goto, c.call, c.end].filter((x) => x !== undefined).length === 1, {
    message: "a choice needs exactly one of next (a node), goto (a flow), call (a flow) or end: true",
  });

export const menuKind = defineKind({
  type: "menu",
  schema: z.strictObject({
    id: Id,
    type: z.literal("menu"),
    text: MessageRefSchema,
    choices: z.array(ChoiceSchema).min(1, "a menu needs at least one choice"),
  }),
  waits: true,
  enter(node, ctx) {
    ctx.say(node.text, node.choices);
    return { to: "wait" };
  },
  receive(node, ctx, input): NodeResult {
    const picked = ctx.matchChoice(input, node.choices);
    const choice = node.choices.find((c) => c.id === picked);
    if (!choice) return input.kind === "choice" ? { to: "miss" } : { to: "pass" };
    if (choice.next) return { to: "node", node: choice.next };
    if (choice.goto) return { to: "goto", flow: choice.goto };
    if (choice.call) return { to: "call", flow: choice.call };
    return { to: "end" };
  },
  refs: (node) => ({
    nodes: node.choices.flatMap((c) => (c.next ? [c.next] : [])),
    flows: node.choices.flatMap((c) => [c.goto, c.call].filter((x): x is string => x !== undefined)),
    messages: [node.text, ...node.choices.map((c) => c.label)],
  }),
});
