import type { Inbound, Outbound } from "../engine/types.ts";

/** What became of one inbound message. */
export interface HandleResult {
  /** The same message id was handled before: nothing was done. */
  duplicate: boolean;
  /** What was sent to the user through `reply`. */
  replies: Outbound[];
}

/**
 * The one entry point for channels: dedupe on the message id, take the user's lock (one update
 * of a user at a time, in order, across processes), load the session, run the plugins' inbound
 * hooks and the engine step, apply effects, save, and call `reply` with the user's messages —
 * inside the lock, so replies go out in order.
 *
 * `reply` may throw `BlockedError` (the user is then marked blocked) or `DeliveryError`.
 */
export interface Router {
  handle(inbound: Inbound, reply: (messages: Outbound[]) => Promise<void>): Promise<HandleResult>;
}
