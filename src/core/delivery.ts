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
