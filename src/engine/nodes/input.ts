import { z } from "zod";
import { defineKind, type ChoiceSpec, type NodeContext, type NodeResult } from "../node-kind.ts";
import type { Input } from "../../core/messages.ts";
import { Id, MessageRefSchema } from "../schema-parts.ts";

/**
 * Ask for an answer and store it in `var`:
 * - `text`: free text up to `max` characters (default 1000);
 * - `yesno` / `yesnounsure`: buttons Yes / No (/ Not sure), also typed as words in any language
 *   or as numbers; stored as "yes", "no", "unsure";
 * - `number`: a number between `min` and `max`.
 * A wrong answer is asked again with `retry` (or a generic hint). `skippable` adds a Skip choice
 * (stores null).
 */
const InputNodeSchema = z
    .strictObject({
      id: Id,
      type: z.literal("input"),
      text: MessageRefSchema,
      var: z.string().regex(/^[a-z][a-z0-9_]*$/, "a var name of lower-case letters, digits and _"),
      validate: z.enum(["text", "yesno", "yesnounsure", "number"]).default("text"),
      min: z.number().optional(),
      max: z.number().optional(),
      retry: MessageRefSchema.optional(),
      skippable: z.boolean().optional(),
      next: Id.optional(),
    })
    .refine((n) => n.min === undefined || n.max === undefined || n.min <= n.max, { message: "min must not be greater than max" });
type InputNode = z.infer<typeof InputNodeSchema>;

export const inputKind = defineKind<InputNode>({
  type: "input",
  schema: InputNodeSchema,
  waits: true,
  enter(node, ctx) {
    ctx.say(node.text, choicesOf(node));
    return { to: "wait" };
  },
  receive(node, ctx, input): NodeResult {
    const next: NodeResult = node.next ? { to: "node", node: node.next } : { to: "end" };
    const choices = choicesOf(node);
    const picked = choices.length > 0 ? ctx.matchChoice(input, choices) : undefined;
    if (picked === "skip") {
      ctx.set(node.var, null);
      return next;
    }
    const value = parse(node, ctx, input, picked);
    if (value === undefined) return { to: "miss", hint: node.retry ?? defaultHint(node.validate, node.min, node.max) };
    ctx.set(node.var, value);
    return next;
  },
  freeText: (node) => node.validate === "text",
  refs: (node) => ({
    nodes: node.next ? [node.next] : [],
    messages: [node.text, ...(node.retry ? [node.retry] : []), ...choicesOf(node).map((c) => c.label as string)],
  }),
});

function choicesOf(node: InputNode): ChoiceSpec[] {
  const choices: ChoiceSpec[] = [];
  if (node.validate === "yesno" || node.validate === "yesnounsure") {
    choices.push({ id: "yes", label: "answer-yes" }, { id: "no", label: "answer-no" });
    if (node.validate === "yesnounsure") choices.push({ id: "unsure", label: "answer-unsure" });
  }
  if (node.skippable) choices.push({ id: "skip", label: "answer-skip" });
  return choices;
}

function parse(node: InputNode, ctx: NodeContext, input: Input, picked: string | undefined): string | number | undefined {
  const text = input.kind === "text" ? input.text.trim() : undefined;
  switch (node.validate) {
    case "yesno":
    case "yesnounsure": {
      const word = picked ?? (text !== undefined ? ctx.matchWord(text) : undefined);
      if (word === "yes" || word === "no") return word;
      if (word === "unsure" && node.validate === "yesnounsure") return word;
      return undefined;
    }
    case "number": {
      if (text === undefined) return undefined;
      const n = Number(text.replace(/\s/g, "").replace(",", "."));
      if (!Number.isFinite(n)) return undefined;
      if (node.min !== undefined && n < node.min) return undefined;
      if (node.max !== undefined && n > node.max) return undefined;
      return n;
    }
    case "text": {
      if (text === undefined || text.length === 0) return undefined;
      const max = node.max ?? 1000;
      return text.length > max ? text.slice(0, max) : text;
    }
  }
}

function defaultHint(validate: InputNode["validate"], min?: number, max?: number) {
  switch (validate) {
    case "yesno":
      return "hint-yesno";
    case "yesnounsure":
      return "hint-yesnounsure";
    case "number":
      return { id: "hint-number", args: { min: min ?? 0, max: max ?? 1_000_000 } };
    case "text":
      return "hint-text";
  }
}
