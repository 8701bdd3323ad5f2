import { z } from "zod";
import { defineKind, type NodeContext, type NodeKind, type NodeResult } from "../engine/node-kind.ts";
import { Id } from "../engine/schema-parts.ts";
import type { Config } from "../config/schema.ts";
import { isOpen, nextOpening, parseHours, type Hours } from "./hours.ts";
import { HANDOFF, REASONS, type HandoffEffect } from "./types.ts";
import { caseChatKind } from "./chat-kind.ts";
import type { Input } from "../core/messages.ts";
import { parseCommandToken } from "../engine/choice-token.ts";

/**
 * The node kinds of the `consultant` flow. They only talk and set vars; the case is opened by the
 * `x-handoff` effect handler (it needs the store), which `case-open` emits.
 *
 * Vars they read (set by other modules before routing to `consultant`):
 * - `danger` — danger words the knowledge module matched: the case is urgent;
 * - `handoff_reason` — one of menu, command, job-check, danger, misunderstood, article;
 * - `handoff_urgent` — true marks the case urgent.
 * Vars they write: `case_desc` (the user's description, or null), `case_contact` (true/false).
 */

const VarName = z.string().regex(/^[a-z][a-z0-9_]*$/, "a var name of lower-case letters, digits and _");

/** Longest description kept (a consultant reads it on a phone). */
const MAX_DESC = 1000;

/** Says what will be shared and asks for a short description (skippable); outside working hours, says when to expect an answer. */
export function caseIntroKind(config: Config): NodeKind {
  const hours: Hours = parseHours(config.HOTLINE_HOURS, config.HOTLINE_DAYS, config.HOTLINE_TIMEZONE);
  const kind = defineKind({
    type: "case-intro",
    schema: z.strictObject({ id: Id, type: z.literal("case-intro"), next: Id }),
    waits: true,
    enter(_node, ctx) {
      noteReason(ctx);
      const now = ctx.clock.now();
      if (!isOpen(hours, now)) {
        const opening = nextOpening(hours, now);
        ctx.say("case-off-hours", undefined, { when: opening.when, time: opening.time, hours: config.HOTLINE_HOURS, contacts: config.EMERGENCY_CONTACTS });
      }
      ctx.say(["case-intro-shared", "case-describe-ask"], [{ id: "skip", label: "case-skip" }]);
      return { to: "wait" };
    },
    receive(node, ctx, input): NodeResult {
      const next: NodeResult = { to: "node", node: node.next };
      if (ctx.matchChoice(input, [{ id: "skip", label: "case-skip" }]) === "skip") {
        ctx.set("case_desc", null);
        return next;
      }
      if (input.kind === "media") {
        const caption = input.caption?.trim();
        if (caption) {
          ctx.set("case_desc", caption.slice(0, MAX_DESC));
          return next;
        }
        return { to: "miss", hint: "case-describe-text" };
      }
      if (input.kind !== "text" || input.text.trim() === "") return { to: "miss", hint: "case-describe-text" };
      ctx.set("case_desc", input.text.trim().slice(0, MAX_DESC));
      return next;
    },
    refs: (node) => ({ nodes: [node.next], messages: ["case-off-hours", "case-intro-shared", "case-describe-ask", "case-skip", "case-describe-text"] }),
  });
  return kind;
}

/** Asks whether the consultant may see the user's contact (phone number / account); default no. */
export const caseConsentKind = defineKind({
  type: "case-consent",
  schema: z.strictObject({ id: Id, type: z.literal("case-consent"), next: Id }),
  waits: true,
  enter(_node, ctx) {
    ctx.say("case-contact-ask", [
      { id: "yes", label: "case-contact-yes" },
      { id: "no", label: "case-contact-no" },
    ]);
    return { to: "wait" };
  },
  receive(node, ctx, input): NodeResult {
    let picked = ctx.matchChoice(input, [
      { id: "yes", label: "case-contact-yes" },
      { id: "no", label: "case-contact-no" },
    ]);
    if (!picked && input.kind === "text") {
      const word = ctx.matchWord(input.text);
      if (word === "yes" || word === "no") picked = word;
    }
    if (!picked) return input.kind === "choice" ? { to: "miss" } : { to: "miss", hint: "case-contact-hint" };
    ctx.set("case_contact", picked === "yes");
    return { to: "node", node: node.next };
  },
  refs: (node) => ({ nodes: [node.next], messages: ["case-contact-ask", "case-contact-yes", "case-contact-no", "case-contact-hint"] }),
});

/**
 * Emits the `handoff` effect with what the user said and the vars named in `summary`, then goes
 * to `next`, the `case-chat` node where the user talks to the consultant.
 */
export const caseOpenKind = defineKind({
  type: "case-open",
  schema: z.strictObject({
    id: Id,
    type: z.literal("case-open"),
    /** Session vars to show the consultant (job-check answers, the article read, danger words). */
    summary: z.array(VarName).default([]),
    /** The `case-chat` node. */
    next: Id,
  }),
  waits: false,
  enter(node, ctx) {
    ctx.emit(handoffEffect(ctx, node.summary));
    for (const name of ["case_desc", "case_contact", "handoff_reason", "handoff_urgent", "danger"]) ctx.set(name, null);
    return { to: "node", node: node.next };
  },
  // A session saved while waiting here (before `case-chat` existed): the chat is over, main menu.
  receive: (): NodeResult => ({ to: "end" }),
  refs: (node) => ({ nodes: [node.next], messages: [] }),
});

/**
 * The engine sends `/human`, the "consultant" word and the offer after repeated misunderstanding
 * to the `consultant` flow alike; remember which it was, for the case card (unless another
 * module already said why, e.g. a job check).
 */
function noteReason(ctx: NodeContext): void {
  const given = ctx.get("handoff_reason");
  if (given !== undefined && given !== null) return;
  const reason = reasonOf(ctx.input, ctx);
  if (reason) ctx.set("handoff_reason", reason);
}

function reasonOf(input: Input, ctx: NodeContext): string | undefined {
  if (input.kind === "command" && input.name === "human") return "command";
  if (input.kind === "text" && ctx.matchWord(input.text) === "human") return "command";
  if (input.kind === "choice" && parseCommandToken(input.data) === "human") return "misunderstood";
  return undefined;
}

/** The `handoff` effect for the current session. `via: flow` tells the handler the intro was shown. */
export function handoffEffect(ctx: NodeContext, summaryVars: string[]): HandoffEffect {
  const danger = ctx.get("danger");
  const given = ctx.get("handoff_reason");
  const reason = REASONS.find((r) => r === given) ?? (danger ? "danger" : "menu");
  const urgent = Boolean(danger) || ctx.get("handoff_urgent") === true || reason === "danger";
  const summary: Record<string, string> = {};
  for (const name of new Set(["danger", ...summaryVars])) {
    const value = ctx.get(name);
    if (value !== undefined && value !== null && value !== "") summary[name] = String(value);
  }
  const desc = ctx.get("case_desc");
  if (typeof desc === "string" && desc !== "") summary[DESC_KEY] = desc;
  if (ctx.get("case_contact") === true) summary[CONTACT_KEY] = "yes";
  summary[VIA_KEY] = "flow";
  return { type: HANDOFF, reason, urgent, summary };
}

/** Reserved summary keys the flow uses to pass the description and consent to the handler. */
export const DESC_KEY = "_desc";
export const CONTACT_KEY = "_contact";
export const VIA_KEY = "_via";

export function caseKinds(config: Config): NodeKind[] {
  return [caseIntroKind(config), caseConsentKind, caseOpenKind, caseChatKind];
}
