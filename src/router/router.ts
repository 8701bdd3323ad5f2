import type { Address } from "../core/address.ts";
import type { Inbound, Outbound } from "../core/messages.ts";
import type { Session } from "../engine/session.ts";

/** What became of one inbound message handed to `Router.handle`. */
export interface HandleResult {
  /** The same message id was handled before: nothing was done. */
  duplicate: boolean;
  /** The replies this process committed for it (empty when another process handled it). */
  replies: Outbound[];
}

/** Where an inbound message goes in the inbox. */
export interface IntakeOptions {
  /**
   * Its place in the user's order: Telegram's `update_id`, WhatsApp's arrival order. Default:
   * the time it arrived here.
   */
  order?: number;
  /**
   * Wait until it is this many ms old before handling it, so an earlier update of the same user
   * that reaches another worker a moment later still goes first (webhook mode). Default 0.
   */
  settleMs?: number;
  /**
   * The gapless numbering `order` belongs to (Telegram's `update_id`: one per bot). With
   * `settleMs`, the message then waits only while an earlier number has not arrived (see
   * `Router.arrived`), at most `settleMs`.
   */
  numbering?: string;
}

/**
 * The message path's entry point for channels. **At least once in, exactly once in effect, in
 * order per user** (docs/architecture.md, "Message path"):
 *
 * - `intake` writes the message into the user's durable inbox (idempotently, by message id) and
 *   resolves once it is stored: only then may the channel acknowledge it to the platform.
 *   Handling follows in the background, by whichever process holds the user's lock.
 * - Handling commits the dedupe mark, the new session and the replies (into the outbox) in one
 *   atomic script; the outbox then sends the replies.
 */
export interface Router {
  /** Store the message in the user's inbox; resolves when it is durable. `duplicate`: handled before. */
  intake(inbound: Inbound, options?: IntakeOptions): Promise<{ duplicate: boolean }>;
  /**
   * Intake, wait until the message is committed, then send the user's outbox through `reply`
   * (the console, tests and benchmarks, which have no channel in the app's registry).
   * `reply` may throw `BlockedError` (the user is then marked blocked).
   */
  handle(inbound: Inbound, reply: (messages: Outbound[]) => Promise<void>): Promise<HandleResult>;
  /**
   * Change a user's session outside a dialogue step (the console's `--lang`), under the user's
   * lock and with the plugins' session slots, like a step: `change` edits the session in place
   * and says whether to save it. Resolves to the session as it is now.
   */
  editSession(to: Address, change: (session: Session) => boolean): Promise<Session>;
  /**
   * Number `n` of `numbering` has arrived and is stored (for a message: after its `intake`), so
   * messages with later numbers need not wait for it. Channels call it for every update they
   * get, a user's (`from`) or not.
   */
  arrived(numbering: string, n: number, from?: Address): Promise<void>;
  /** Whether this process is handling the user's inbox right now. */
  busy?(user: string): boolean;
  /** Handle what is in the user's inbox if no other process is doing it (recovery). */
  drain(user: string): Promise<void>;
  /** Resolves when nothing is being handled in this process (tests, shutdown). */
  idle(): Promise<void>;
  /** Finish the messages in hand, leave the rest in the inboxes, release the locks. */
  stop(): Promise<void>;
}
