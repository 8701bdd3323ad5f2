/** Which messenger a user is on. */
export type ChannelName = "telegram" | "whatsapp" | "console";

/** Where a user is: the channel and that channel's id for the chat (Telegram chat id, WhatsApp wid, console user). */
export interface Address {
  channel: ChannelName;
  id: string;
}

/** A stable string for an address, used as the key of a user's session: `telegram:12345`. */
export function userKey(address: Address): string {
  return `${address.channel}:${address.id}`;
}
