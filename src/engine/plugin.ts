import type { NodeContext, NodeKind, NodeResult } from "./node-kind.ts";
import type { CheckProblem } from "../core/check-problem.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { FlowSet } from "./flow.ts";

export type { EffectContext, EffectHandler, InboundHook, PluginEffects } from "./effect-context.ts";

/**
 * What the engine needs of a domain module: node kinds
 * for flows, free-text handlers, deep links, and extra checks for `jol flows check`. What a
 * module does with I/O around the step (effect handlers, inbound hook, prefetch) is
 * `PluginEffects` (`effect-context.ts`, run by the router); its lifecycle and Telegram wiring
 * belong to the app (`HostPlugin`, `src/app/host-plugin.ts`).
 *
 * @example
 * export const knowledgePlugin: Plugin = { name: "knowledge", kinds: [articleKind], interceptors: [searchInterceptor] };
 */
export interface Plugin {
  name: string;
  kinds?: NodeKind[];
  interceptors?: TextInterceptor[];
  /** Places a `/start PAYLOAD` deep link can open (`t.me/<bot>?start=kb-stay-rules`). */
  startLinks?: StartLink[];
  /**
   * Where the user belongs whatever the session says, read from `ctx.prefetched` (a chat that a
   * consultant reopened): the id of a flow with a node that `takesAll`. Asked first in every step
   * when the user is not at such a node; the user is put there and the input goes to that node.
   */
  resume?: (ctx: NodeContext) => string | null;
  /** Problems in flows and texts that only this module can see (e.g. article metadata). */
  check?(flows: FlowSet, i18n: Localizer): CheckProblem[];
}

/**
 * Looks at free text the current node did not take (or any text, for `priority` >= 100 —
 * danger words) and may answer it. Returns `null` to let the next one try.
 * Runs inside the pure step: no I/O here; emit an effect for that.
 */
export interface TextInterceptor {
  id: string;
  /** Higher runs first. >= 100 also runs before input nodes that would take free text. */
  priority: number;
  /**
   * Also sees text typed before the user chose a language whose language does not show (the
   * language menu follows; `ctx.lang` is then the platform's hint). Return "stay" to only say
   * something or set vars there.
   */
  beforeLanguage?: boolean;
  handle(text: string, ctx: NodeContext, where: { waitingType?: string }): NodeResult | "stay" | null;
}

/**
 * Opens a place in the flows for a `/start PAYLOAD` deep link whose payload starts with `prefix`
 * (`kb-` → the knowledge article `kb-<id>`). Runs inside the pure step, from the main menu.
 * `source` is what the session records as where the user came from (not the payload itself).
 */
export interface StartLink {
  prefix: string;
  source: string;
  /** Where the rest of the payload leads, or null when it names nothing (the main menu then). */
  open(rest: string, ctx: NodeContext): NodeResult | null;
}
