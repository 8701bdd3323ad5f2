import type { NodeContext, NodeKind, NodeResult } from "./node-kind.ts";
import type { Effect } from "./types.ts";
import type { Inbound, Outbound } from "../core/messages.ts";
import type { Address } from "../core/address.ts";
import type { Lang } from "../core/lang.ts";
import type { CheckProblem } from "../core/check-problem.ts";
import type { Session } from "./session.ts";
import type { Store } from "../store/store.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Logger } from "../core/log.ts";
import type { Clock } from "../core/clock.ts";
import type { FlowSet } from "./flow.ts";
import type { Bot } from "grammy";

/**
 * How a domain module (knowledge, screening, cases, broadcast) plugs into Jol without the
 * engine knowing it: node kinds for flows, free-text handlers, handlers for its effects, and
 * extra checks for `jol flows check`.
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
  /** Handlers for effect types this module defines (`x-...`) or owns (`handoff`). */
  effects?: Record<string, EffectHandler>;
  /** Problems in flows and texts that only this module can see (e.g. article metadata). */
  check?(flows: FlowSet, i18n: Localizer): CheckProblem[];
  /** Sees every inbound message before the engine (see `InboundHook`). */
  inbound?: InboundHook;
  /**
   * Store keys the inbound hook reads for every message of a user: the router reads them in the
   * same round trip as the session and hands them over in `EffectContext.prefetched`. Each key
   * must contain `{user}` (a Redis Cluster hash tag), so the router's script stays in one slot.
   */
  prefetch?: (user: string) => string[];
  /** Background work (schedulers, queues) started by `jol start` after the channels, stopped before them. */
  start?(): void | Promise<void>;
  stop?(): Promise<void>;
  /**
   * Handlers this module adds to the Telegram bot beyond the migrant chat (the cases module's
   * staff-group desk). `createApp` puts them into `app.telegramExtensions`; the Telegram channel
   * calls them with its `Bot` before starting. (A type-only import: the engine stays SDK-free.)
   */
  telegram?: (bot: Bot) => void;
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

/** Runs after the step, with I/O. Its sends go to the user who wrote. */
export type EffectHandler = (effect: Effect, ctx: EffectContext) => Promise<void>;

export interface EffectContext {
  address: Address;
  lang: Lang;
  /** The session after the step; changes here are saved. */
  session: Session;
  store: Store;
  i18n: Localizer;
  log: Logger;
  clock: Clock;
  /** Send to the user whose update this is (in order with the step's own replies). */
  reply(message: Outbound): void;
  /** Send to any address on any channel (consultant relays, alerts). */
  sendTo(address: Address, messages: Outbound[]): Promise<void>;
  /** Values of the plugins' `prefetch` keys, read with the session (absent outside the router). */
  prefetched?: ReadonlyMap<string, string | null>;
}

/**
 * Runs before the engine for every inbound message of a user (after dedupe, inside the user's
 * lock). The cases module uses it to relay a user's messages to their consultant while a case is
 * open. Return "handled" to skip the engine for this message.
 */
export type InboundHook = (inbound: Inbound, ctx: EffectContext) => Promise<"handled" | "continue">;
