import type { Address, ChannelName } from "../core/address.ts";
import type { Outbound } from "../core/messages.ts";
import { DeliveryError } from "../core/delivery-errors.ts";
import type { Deliver } from "../core/delivery.ts";

/**
 * A messenger adapter. Thin: it turns platform updates into `Inbound` for the router and renders
 * `Outbound` in the platform's idiom (inline keyboard on Telegram, numbered list on WhatsApp and
 * the console). It never decides what to say.
 */
export interface Channel {
  readonly name: ChannelName;
  /** Connect and start receiving; resolves once running. */
  start(): Promise<void>;
  /**
   * Stop taking new messages from the platform (polling stops, the webhook answers 503), storing
   * what was already received; sending still works. Shutdown calls it first.
   */
  stopIntake?(): Promise<void>;
  /** Stop receiving, finish in-flight work, close connections. */
  stop(): Promise<void>;
  /**
   * Send bot-initiated messages (a consultant's reply, an alert) to a user of this channel.
   * Throws `BlockedError` when the user blocked the bot, `DeliveryError` on other failures.
   */
  send(address: Address, messages: Outbound[]): Promise<void>;
  /**
   * How many platform API calls sending these messages takes (Telegram joins short texts into
   * one message and splits long ones): the outbox takes one send turn per call. Default: one per
   * message.
   */
  calls?(messages: Outbound[]): number;
  /**
   * True while connected to the messenger (Telegram answers, the WhatsApp session is ready), for
   * `/readyz` and `jol_channel_connected`. Channels with no connection of their own leave it out.
   */
  connected?(): boolean;
}

export { BlockedError, DeliveryError, RateLimitedError } from "../core/delivery-errors.ts";

/** The running channels by name, so any module can reach a user on whatever messenger they use. */
export class ChannelRegistry implements Deliver {
  private readonly channels = new Map<ChannelName, Channel>();

  add(channel: Channel): void {
    this.channels.set(channel.name, channel);
  }

  get(name: ChannelName): Channel | undefined {
    return this.channels.get(name);
  }

  all(): Channel[] {
    return [...this.channels.values()];
  }

  async send(address: Address, messages: Outbound[]): Promise<void> {
    const channel = this.channels.get(address.channel);
    if (!channel) throw new DeliveryError(address, `channel ${address.channel} is not running`);
    await channel.send(address, messages);
  }
}
