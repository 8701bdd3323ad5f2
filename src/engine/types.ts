/**
 * What the engine hands back besides messages: `Effect`s (among them `send` with an `Outbound`),
 * and the Fluent variables every text may use. The shapes every layer shares (`Lang`, `Address`,
 * `Inbound`, `Outbound`, `Clock`) live in `src/core/`.
 */
import type { Outbound } from "../core/messages.ts";

/**
 * What a step asks the host to do. Effects are data: the engine never performs I/O.
 * Domain modules add their own effect types (`x-` and a name of theirs) and register a handler
 * for them through their plugin.
 */
export type Effect =
  | { type: "send"; message: Outbound }
  /** Delete everything stored about the user (`/forget`). */
  | { type: "forget" }
  /** `/stop`: the user wants nothing sent on the bot's own initiative; modules stop what they send. */
  | { type: "stop" }
  /** Any effect a domain module defines; `type` names its handler. */
  | { type: `x-${string}`; [key: string]: unknown };

