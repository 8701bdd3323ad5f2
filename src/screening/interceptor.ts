import type { TextInterceptor } from "../engine/plugin.ts";
import type { Screener } from "./analyse.ts";
import { answerAd } from "./kinds/ad.ts";

/** Where the conversation continues after an ad was answered: the `job-check` flow's after-ad menu. */
export const AFTER_AD = { flow: "job-check", node: "after-ad" } as const;

/**
 * Recognises a job ad pasted or forwarded into the chat (long text with words of a job ad, see
 * `features` in the rule files) wherever the bot is not waiting for a typed answer, answers it
 * like the "paste the offer" item of the job check, and continues at that flow's after-ad menu.
 * Priority 50: after danger words (>= 100), before the knowledge search.
 */
export function adInterceptor(screener: Screener): TextInterceptor {
  return {
    id: "screening-ad",
    priority: 50,
    handle(text, ctx) {
      if (!screener.looksLikeAd(text)) return null;
      answerAd(ctx, screener, text);
      return { to: "goto", flow: AFTER_AD.flow, node: AFTER_AD.node };
    },
  };
}
