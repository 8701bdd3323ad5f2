/**
 * What the engine hands back besides messages: `Effect`s (among them `send` with an `Outbound`),
 * and the Fluent variables every text may use. The shapes every layer shares (`Lang`, `Address`,
 * `Inbound`, `Outbound`, `Clock`) live in `src/core/`.
 */
import type { Outbound } from "../core/messages.ts";

/**
 * What a step asks the host to do. Effects are data: the engine never performs I/O.
 * Domain modules add their own effect types (open a case, look up an agency) and register a
 * handler for them with the router.
 */
export type Effect =
  | { type: "send"; message: Outbound }
  /** Delete everything stored about the user (`/forget`). */
  | { type: "forget" }
  /** The user wants a person: opened by the cases module. */
  | {
      type: "handoff";
      reason: HandoffReason;
      urgent: boolean;
      /** Short facts for the consultant (answers of a job check, the article read, the danger words). */
      summary: Record<string, string>;
    }
  /** Subscribe to / unsubscribe from alerts for these segments. */
  | { type: "subscribe"; segments: string[] }
  | { type: "unsubscribe" }
  /** Any effect a domain module defines; `type` names its handler. */
  | { type: `x-${string}`; [key: string]: unknown };

export type HandoffReason = "menu" | "command" | "job-check" | "danger" | "misunderstood" | "article";
