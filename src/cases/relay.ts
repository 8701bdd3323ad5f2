import type { EffectContext, EffectHandler, InboundHook } from "../engine/plugin.ts";
import { userKey } from "../core/address.ts";
import type { Input } from "../core/messages.ts";
import type { CaseService } from "./service.ts";
import { CONTACT_KEY, DESC_KEY, VIA_KEY } from "./kinds.ts";
import { caseKeys } from "./store.ts";
import { isOpen, nextOpening, parseHours } from "./hours.ts";
import { CaseLeftEffectSchema, FEEDBACK_TOKEN, HandoffEffectSchema, RelayEffectSchema, openCaseSlot } from "./types.ts";
import { parseModuleToken } from "../engine/choice-token.ts";

/**
 * The `x-handoff` effect: open the user's case (or add to their open one), remember it in the
 * session, and tell the user what happens now. A handoff that did not come through the
 * `consultant` flow (a high-risk job check) also says what is shared and, outside working hours,
 * when to expect an answer.
 */
export function createHandoffHandler(cases: CaseService): EffectHandler {
  const config = cases.config;
  const hours = parseHours(config.HOTLINE_HOURS, config.HOTLINE_DAYS, config.HOTLINE_TIMEZONE);
  return async (raw, ctx) => {
    const parsed = HandoffEffectSchema.safeParse(raw);
    if (!parsed.success) return;
    const effect = parsed.data;
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
    openCaseSlot.set(ctx.session, { id: c.id });
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

/** Read with the session for every message: pending feedback (the hook), the user's open case and whether they left its chat (the step). */
export const relayKeys = (user: string): string[] => [caseKeys.feedback(user), caseKeys.user(user), caseKeys.left(user)];

/**
 * Before the engine: the 1–5 answer after a close (the buttons' tokens are the cases module's,
 * and answering needs the store). It changes no session; the chat itself is the `case-chat` node.
 */
export function createFeedbackHook(cases: CaseService): InboundHook {
  const store = cases.cases.store;
  return async (inbound, ctx) => {
    const key = caseKeys.feedback(userKey(inbound.address));
    const pendingRaw = ctx.prefetched?.has(key) ? ctx.prefetched.get(key) : await store.get(key);
    const pending = typeof pendingRaw === "string" ? pendingRaw : null;
    if (pending === null) return "continue";
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
    return "continue";
  };
}

/** `x-relay`: a message of the user at the `case-chat` node, to the consultant. */
export function createRelayHandler(cases: CaseService): EffectHandler {
  return async (raw) => {
    const parsed = RelayEffectSchema.safeParse(raw);
    if (parsed.success) await cases.fromUser(parsed.data.id, parsed.data.message);
  };
}

/** `x-case-left`: the user left the chat; the consultant sees it. */
export function createCaseLeftHandler(cases: CaseService): EffectHandler {
  return async (raw) => {
    const parsed = CaseLeftEffectSchema.safeParse(raw);
    if (parsed.success) await cases.userLeft(parsed.data.id);
  };
}

function feedbackScore(input: Input, pending: string): number | undefined {
  if (input.kind === "choice") {
    const [id, score] = parseModuleToken(FEEDBACK_TOKEN, input.data, 2) ?? [];
    return String(id) === pending && score !== undefined && score >= 1 && score <= 5 ? score : undefined;
  }
  if (input.kind === "text") {
    const m = /^\s*([1-5])\s*[.!]?\s*$/.exec(input.text);
    return m ? Number(m[1]) : undefined;
  }
  return undefined;
}

export type { EffectContext };
