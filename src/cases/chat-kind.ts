import { z } from "zod";
import { defineKind, type NodeContext, type NodeResult } from "../engine/node-kind.ts";
import { Id } from "../engine/schema-parts.ts";
import type { Plugin } from "../engine/plugin.ts";
import { LANGS } from "../core/lang.ts";
import { userKey } from "../core/address.ts";
import type { Input } from "../core/messages.ts";
import { normalize } from "../core/words.ts";
import { caseKeys } from "./store.ts";
import { CASE_LEFT, RELAY, openCaseSlot, type RelayEffect } from "./types.ts";

/** Commands that end the chat with the consultant and then go to the bot as usual. */
const LEAVING_COMMANDS = new Set(["menu", "start", "stop", "forget", "language", "lang", "end"]);

/**
 * Where the user sits while their case is open (after `case-open`): it takes every input
 * (`takesAll`). Text and media become the `x-relay` effect (the handler hands them to the
 * consultant); `/help` and buttons remind the user they are in a chat, `/human` that they
 * already are. `/menu` and the other leaving commands, and an "end chat" phrase in any language,
 * leave the chat (`x-case-left`: the consultant sees it). Whether the case is still open is read
 * from the step's prefetched `case:user:{…}` key; once a consultant closed it, the next message
 * leaves the node and the bot handles it as usual.
 */
export const caseChatKind = defineKind({
  type: "case-chat",
  schema: z.strictObject({ id: Id, type: z.literal("case-chat") }),
  waits: true,
  takesAll: true,
  enter(): NodeResult {
    // The `x-handoff` handler tells the user the case is open.
    return { to: "wait" };
  },
  receive(_node, ctx, input): NodeResult {
    const id = openCase(ctx);
    if (id === undefined) {
      // The chat is over: the input goes to the bot from a clean position.
      openCaseSlot.clear(ctx.session);
      return { to: "pass" };
    }
    if (input.kind === "command") {
      if (LEAVING_COMMANDS.has(input.name)) return leave(ctx, id, { to: "pass" }); // the command runs as usual
      if (input.name === "human") return say(ctx, "case-already-open", id);
      if (input.name === "help") return say(ctx, "case-chat-reminder", id);
    }
    if (input.kind === "text" && isLeavingText(ctx, input.text)) return leave(ctx, id, { to: "end" }); // the main menu, as for /menu
    const message = toUserMessage(input);
    if (!message) return say(ctx, "case-chat-reminder", id);
    const effect: RelayEffect = { type: RELAY, id, message };
    ctx.emit(effect);
    return { to: "wait" };
  },
  refs: () => ({ messages: ["case-already-open", "case-chat-reminder", "case-left", "case-end-words"] }),
});

/**
 * The cases module's `Plugin.resume`: a user whose case is open and who has not left its chat
 * (a consultant reopened it after they had gone back to the bot, or their session expired)
 * goes back to the `case-chat` node of `flowId`, and their message to the consultant.
 */
export function resumeChat(flowId: string): NonNullable<Plugin["resume"]> {
  return (ctx) => {
    if (openCase(ctx) === undefined) return null;
    const left = ctx.prefetched.get(caseKeys.left(userKey(ctx.address)));
    return left === null || left === undefined ? flowId : null;
  };
}

/** The user's open case, from the prefetched store key (none outside the router). */
function openCase(ctx: NodeContext): number | undefined {
  const raw = ctx.prefetched.get(caseKeys.user(userKey(ctx.address)));
  const id = typeof raw === "string" ? Number(raw) : NaN;
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

function say(ctx: NodeContext, key: string, id: number): NodeResult {
  ctx.say(key, undefined, { id });
  return { to: "wait" };
}

function leave(ctx: NodeContext, id: number, then: NodeResult): NodeResult {
  ctx.emit({ type: CASE_LEFT, id });
  openCaseSlot.clear(ctx.session);
  ctx.say("case-left", undefined, { id });
  return then;
}

/** An "end chat" phrase in any language, or a plain word of a leaving command ("меню"). */
function isLeavingText(ctx: NodeContext, text: string): boolean {
  const typed = normalize(text);
  if (LANGS.some((lang) => ctx.tIn(lang, "case-end-words").split(",").some((w) => normalize(w) === typed && typed !== ""))) return true;
  const word = ctx.matchWord(text);
  return word !== undefined && LEAVING_COMMANDS.has(word);
}

/** What the consultant gets from one input, or undefined for a button press. */
function toUserMessage(input: Input): RelayEffect["message"] | undefined {
  switch (input.kind) {
    case "text":
    case "edited":
      return { kind: "text", text: input.text };
    case "command":
      return { kind: "text", text: `/${input.name}${input.arg ? ` ${input.arg}` : ""}` };
    case "media":
      return { kind: input.media, ...(input.caption !== undefined ? { text: input.caption } : {}), ...(input.fileId !== undefined ? { fileId: input.fileId } : {}) };
    case "choice":
      return undefined;
  }
}
