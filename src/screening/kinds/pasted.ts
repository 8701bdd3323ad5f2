import { z } from "zod";
import type { NodeContext } from "../../engine/node-kind.ts";
import { Id } from "../../engine/schema-parts.ts";

/** A session variable's name. */
export const VarName = z.string().regex(/^[a-z][a-z0-9_]*$/, "a var name of lower-case letters, digits and _");

/**
 * The fields of a node that acts on the text an `input` node stored in `var` in the same step,
 * then goes on to `next` (`screening-ad`, `screening-agency`).
 */
export const pastedFields = { id: Id, var: VarName, next: Id };

/**
 * The pasted text in `name`, removed from the session at once (we keep no ad or query text).
 * Nothing but blanks: says `scr-paste-empty` and gives undefined.
 */
export function takePasted(ctx: NodeContext, name: string): string | undefined {
  const text = ctx.get(name);
  ctx.set(name, null);
  if (typeof text === "string" && text.trim() !== "") return text;
  ctx.say("scr-paste-empty");
  return undefined;
}
