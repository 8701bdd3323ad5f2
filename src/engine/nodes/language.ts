import { z } from "zod";
import { defineKind, type ChoiceSpec, type NodeContext } from "../node-kind.ts";
import { Id, MessageRefSchema } from "../schema-parts.ts";
import { LANGS, isLang, type Lang } from "../../core/lang.ts";
import { matchLang } from "../../i18n/localizer.ts";

/**
 * The language question: every language in its own name (the message `language-name` of that
 * language), the platform's hint first. Sets the session's language.
 */
export const languageKind = defineKind({
  type: "language",
  schema: z.strictObject({ id: Id, type: z.literal("language"), text: MessageRefSchema, next: Id.optional() }),
  waits: true,
  enter(node, ctx) {
    ctx.say(node.text, choices(ctx));
    return { to: "wait" };
  },
  receive(node, ctx, input) {
    const picked = ctx.matchChoice(input, choices(ctx));
    if (!isLang(picked)) return { to: "miss", hint: "language-hint" };
    ctx.session.lang = picked;
    return node.next ? { to: "node", node: node.next } : { to: "end" };
  },
  refs: (node) => ({ nodes: node.next ? [node.next] : [], messages: [node.text, "language-name", "language-hint"] }),
});

function choices(ctx: NodeContext): ChoiceSpec[] {
  const first: Lang | undefined = matchLang(ctx.hint) ?? ctx.session.lang;
  const ordered = first ? [first, ...LANGS.filter((l) => l !== first)] : [...LANGS];
  return ordered.map((lang) => ({ id: lang, label: { text: ctx.tIn(lang, "language-name") } }));
}
