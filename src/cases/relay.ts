import type { EffectContext, EffectHandler, InboundHook } from "../engine/plugin.ts";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { LANGS } from "../core/lang.ts";
import { userKey } from "../core/address.ts";
import { type Inbound, type Input } from "../core/messages.ts";
import { normalize } from "../core/words.ts";
import { WordLists } from "../engine/match.ts";
import type { CaseService, UserMessage } from "./service.ts";
import { CONTACT_KEY, DESC_KEY, VIA_KEY } from "./kinds.ts";
import { caseKeys } from "./store.ts";
import { isOpen, nextOpening, parseHours } from "./hours.ts";

/** Commands that end the chat with the consultant and then go to the bot as usual. */
const LEAVING_COMMANDS = new Set(["menu", "start", "stop", "forget", "language", "lang", "end"]);

/**
 * The `handoff` effect: open the user's case (or add to their open one), remember it in the
 * session, and tell the user what happens now. A handoff that did not come through the
 * `consultant` flow (a high-risk job check) also says what is shared and, outside working hours,
 * when to expect an answer.
 */
export function createHandoffHandler(cases: CaseService): EffectHandler {
  const config = cases.config;
  const hours = parseHours(config.HOTLINE_HOURS, config.HOTLINE_DAYS, config.HOTLINE_TIMEZONE);
  return async (effect, ctx) => {
    if (effect.type !== "handoff") return;
    const summary = { ...effect.summary };
    const desc = summary[DESC_KEY];
    const contact = summary[CONTACT_KEY] === "yes";
    const viaFlow = summary[VIA_KEY] === "flow";
    delete summary[DESC_KEY];
    delete summary[CONTACT_KEY];
    delete summary[VIA_KEY];
    const { case: c, created } = await cases.open({
      address: ctx.address,
      lang: ctx.lang,
      reason: effect.reason,
      urgent: effect.urgent,
      summary,
      desc,
      contact,
    });
    ctx.session.caseId = c.id;
    const now = ctx.clock.now();
    if (!viaFlow) {
      ctx.reply(cases.userText(ctx.lang, "case-intro-shared"));
      if (!isOpen(hours, now)) {
        const opening = nextOpening(hours, now);
        ctx.reply(
          cases.userText(ctx.lang, "case-off-hours", { when: opening.when, time: opening.time, hours: config.HOTLINE_HOURS, contacts: config.EMERGENCY_CONTACTS }),
        );
      }
    }
    ctx.reply(cases.userText(ctx.lang, created ? "case-opened" : "case-added", { id: c.id }));
  };
}

/**
 * Before the engine: while the user has an open case, their messages go to the consultant
 * (text, and stickers, voice, photos as such); `/menu`, other leaving commands or an "end chat"
 * phrase leave the chat (the consultant sees it). Also takes the 1–5 answer after a close.
 */
/** What the relay hook reads for every message: pending feedback, and the user's open case. */
export const relayKeys = (user: string): string[] => [caseKeys.feedback(user), caseKeys.user(user)];

export function createRelayHook(cases: CaseService, flows: FlowSet, i18n: Localizer): InboundHook {
  const lists = flows.data.get("commands")?.value as Record<string, string[]> | undefined;
  const words = new WordLists(lists && typeof lists === "object" ? lists : {});
  const endWords = new Set(
    LANGS.flatMap((lang) =>
      i18n
        .t(lang, "case-end-words")
        .split(",")
        .map((w) => normalize(w))
        .filter(Boolean),
    ),
  );
  const store = cases.cases.store;

  const isLeaving = (input: Input): boolean => {
    if (input.kind === "command") return LEAVING_COMMANDS.has(input.name);
    if (input.kind !== "text") return false;
    if (endWords.has(normalize(input.text))) return true;
    const word = words.match(input.text);
    return word !== undefined && LEAVING_COMMANDS.has(word);
  };

  return async (inbound, ctx) => {
    const key = userKey(inbound.address);
    const session = ctx.session;

    // The 1–5 feedback after a close, and (when the session knows of no case) whether a
    // consultant reopened one: both read in one round trip, as this runs for every message.
    const keys = relayKeys(key);
    const [pendingRaw, openRaw] = ctx.prefetched && keys.every((k) => ctx.prefetched!.has(k))
      ? keys.map((k) => ctx.prefetched!.get(k) ?? null)
      : await store.batch(keys.map((k) => ({ op: "get" as const, key: k })));
    const pending = typeof pendingRaw === "string" ? pendingRaw : null;
    if (pending !== null) {
      const score = feedbackScore(inbound.input, pending);
      if (score !== undefined) {
        await cases.cases.clearFeedback(inbound.address);
        await cases.feedback(Number(pending), score);
        ctx.reply(cases.userText(ctx.lang, "case-feedback-thanks"));
        return "handled";
      }
      // They moved on (wrote something else): the question is not asked twice. A command
      // (`jol chat` sends /help when it reconnects) leaves the question open.
      if (inbound.input.kind !== "command") await cases.cases.clearFeedback(inbound.address);
    }

    let id = session.caseId;
    if (id === undefined) {
      // A consultant may have reopened the case since: the chat continues.
      const open = typeof openRaw === "string" ? Number(openRaw) : null;
      const c = open === null ? null : await cases.cases.get(open);
      if (open === null || !c || c.left || c.status === "closed") {
        noteReason(inbound.input, session.vars, words);
        return "continue";
      }
      id = open;
      session.caseId = open;
    }

    const c = await cases.cases.get(id);
    if (!c || c.status === "closed" || c.left) {
      // The chat is over: back to the bot from a clean position (the flow's last node would only
      // ask for a consultant again on a re-prompt).
      delete session.caseId;
      session.stack = [];
      session.wait = false;
      return "continue";
    }

    if (isLeaving(inbound.input)) {
      await cases.userLeft(id);
      delete session.caseId;
      ctx.reply(cases.userText(ctx.lang, "case-left", { id }));
      // Leave the flow's last node (it would ask for a consultant again when returned to, e.g.
      // after /language). /menu and the like: the engine does the rest.
      session.stack = [];
      session.wait = false;
      if (inbound.input.kind === "command") return "continue";
      // "end chat" typed in words: the engine shows the main menu, as for /menu. The router hands
      // this same Inbound to the engine; the reset stack makes the next message start afresh anyway.
      inbound.input = { kind: "command", name: "menu" };
      return "continue";
    }
    if (inbound.input.kind === "command" && inbound.input.name === "human") {
      ctx.reply(cases.userText(ctx.lang, "case-already-open", { id }));
      return "handled";
    }
    if (inbound.input.kind === "command" && inbound.input.name === "help") {
      ctx.reply(cases.userText(ctx.lang, "case-chat-reminder", { id }));
      return "handled";
    }
    const message = toUserMessage(inbound);
    if (!message) {
      ctx.reply(cases.userText(ctx.lang, "case-chat-reminder", { id }));
      return "handled";
    }
    await cases.fromUser(id, message);
    return "handled";
  };
}

/**
 * The engine sends `/human`, the "consultant" word and the offer after repeated misunderstanding
 * to the `consultant` flow alike; remember which it was, for the case card.
 */
function noteReason(input: Input, vars: Record<string, unknown>, words: WordLists): void {
  if (vars.handoff_reason !== undefined && vars.handoff_reason !== null) return;
  if (input.kind === "command" && input.name === "human") vars.handoff_reason = "command";
  else if (input.kind === "text" && words.match(input.text) === "human") vars.handoff_reason = "command";
  else if (input.kind === "choice" && input.data === "!human") vars.handoff_reason = "misunderstood";
}

function feedbackScore(input: Input, pending: string): number | undefined {
  if (input.kind === "choice") {
    const m = /^case-fb:(\d+):([1-5])$/.exec(input.data);
    return m && m[1] === pending ? Number(m[2]) : undefined;
  }
  if (input.kind === "text") {
    const m = /^\s*([1-5])\s*[.!]?\s*$/.exec(input.text);
    return m ? Number(m[1]) : undefined;
  }
  return undefined;
}

/** What the consultant gets from one inbound message, or undefined for a stale button press. */
function toUserMessage(inbound: Inbound): UserMessage | undefined {
  const input = inbound.input;
  switch (input.kind) {
    case "text":
      return { kind: "text", text: input.text };
    case "edited":
      return { kind: "text", text: input.text };
    case "command":
      return { kind: "text", text: `/${input.name}${input.arg ? ` ${input.arg}` : ""}` };
    case "media":
      return { kind: input.media, text: input.caption, fileId: input.fileId };
    case "choice":
      return undefined;
  }
}

export type { EffectContext };
