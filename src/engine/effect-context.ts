import type { Effect } from "./types.ts";
import type { Inbound, Outbound } from "../core/messages.ts";
import type { Address } from "../core/address.ts";
import type { Lang } from "../core/lang.ts";
import type { Session } from "./session.ts";
import type { Store } from "../store/store.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Logger } from "../core/log.ts";
import type { Clock } from "../core/clock.ts";

/**
 * What a module does around the pure step, with I/O: the router runs it (docs/architecture.md,
 * "Message path"). The engine's part of a module is `Plugin` (`plugin.ts`); the app's whole view
 * of a module, with its lifecycle, is `HostPlugin` (`src/app/host-plugin.ts`).
 */
export interface PluginEffects {
  name: string;
  /** Handlers for effect types this module defines (`x-...`) or owns (`handoff`). */
  effects?: Record<string, EffectHandler>;
  /** Sees every inbound message before the engine (see `InboundHook`). */
  inbound?: InboundHook;
  /**
   * Store keys the inbound hook reads for every message of a user: the router reads them in the
   * same round trip as the session and hands them over in `EffectContext.prefetched`. Each key
   * must contain `{user}` (a Redis Cluster hash tag), so the router's script stays in one slot.
   */
  prefetch?: (user: string) => string[];
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
