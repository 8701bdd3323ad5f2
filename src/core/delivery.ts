import type { Address } from "./address.ts";
import type { Outbound } from "./messages.ts";

/**
 * Reaches a user on whatever messenger they use, for bot-initiated messages (a consultant's
 * reply, a case notice). The app hands the running channels (`ChannelRegistry`) to whoever needs
 * it, so a domain module sends without knowing any channel.
 * Throws `BlockedError` when the user blocked the bot, `DeliveryError` on other failures.
 */
export interface Deliver {
  send(address: Address, messages: Outbound[]): Promise<void>;
}

/** A line for the staff about a message that has not reached a user: a locale message id and its arguments. */
export interface StaffNote {
  key: string;
  args: Record<string, string | number>;
}

/**
 * What became of messages queued for a user, as far as the queuing process saw:
 * - `sent`: sent from this process;
 * - `queued`: durably queued and not sent from here in time (another process runs that channel,
 *   or the chat waits for its turn): it goes out later, nothing is lost;
 * - `blocked`: the user blocked the bot;
 * - `held`: the channel keeps it to send later itself (`note` says why, for the staff);
 * - `failed`: not delivered after the outbox's retries (parked).
 */
export type Delivered = { result: "sent" | "queued" | "blocked" | "failed" } | { result: "held"; note?: StaffNote };

/** What an undelivered message's tag said it was (`DurableDeliver.deliver`'s `tag`). */
export interface DeliveryTag {
  /** Which listener is told (`DurableDeliver.listen`), e.g. "case". */
  kind: string;
  id: number;
}

/**
 * The durable way to reach a user (the outbox): the messages are stored in the user's outbox, in
 * order with the bot's own replies and under the shared send limits, and sent by whichever
 * process runs the user's channel, also after a crash. A domain module that must hear of a
 * message that did not arrive tags it, and listens for its kind: whichever process finds it
 * undeliverable calls the listener there.
 */
export interface DurableDeliver {
  /** Queue durably, then wait up to `withinMs` (default 10 s) for the outcome in this process. */
  deliver(to: Address, messages: Outbound[], options?: { tag?: DeliveryTag; withinMs?: number }): Promise<Delivered>;
  /** Be told, in the process that found out, when a tagged message of `kind` did not arrive. */
  listen(kind: string, listener: (tag: DeliveryTag, outcome: Exclude<Delivered, { result: "sent" | "queued" }>) => Promise<void>): void;
}
