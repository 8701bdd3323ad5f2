import type { Clock } from "../../core/clock.ts";
import type { Logger } from "../../core/log.ts";
import type { Store } from "../../store/store.ts";
import type { Channel } from "../channel.ts";
import type { Address } from "../../core/address.ts";
import type { Outbound } from "../../core/messages.ts";

/**
 * The store list where processes without WhatsApp leave messages for WhatsApp users.
 *
 * Why: a WhatsApp session is one browser, so exactly one process runs it (in Docker its own
 * container), while a consultant's reply or an alert may start in another process (the Telegram
 * bot, a broadcast worker). That process registers `createWhatsAppOutbox(app)` as its "whatsapp"
 * channel; the process that runs WhatsApp takes the messages from here, one at a time and only
 * while connected, and sends them through its pace queue.
 */
export const WHATSAPP_OUTBOX_KEY = "wa:outbox";

/** One entry of the outbox: plain JSON. */
export interface OutboxEntry {
  address: Address;
  messages: Outbound[];
  /** When it was queued (epoch ms), for the log's idea of delay. */
  at: number;
}

/** What the outbox stand-in needs from the app (the running `App` has all of it). */
export interface WhatsAppOutboxDeps {
  store: Pick<Store, "rpush">;
  clock: Clock;
  log: Logger;
}

/**
 * A stand-in "whatsapp" channel for processes that do not run the WhatsApp browser: `send` puts
 * the messages in the shared outbox (needs Redis, so that the WhatsApp process sees them).
 * It resolves once queued; a message that then cannot be delivered is logged by the WhatsApp
 * process.
 *
 * @example
 * // jol start, WHATSAPP_ENABLED=0 and REDIS_URL set:
 * app.channels.add(createWhatsAppOutbox(app));
 */
export function createWhatsAppOutbox(deps: WhatsAppOutboxDeps): Channel {
  return {
    name: "whatsapp",
    async start() {
      deps.log.info("whatsapp messages from this process go through the outbox to the process that runs WhatsApp");
    },
    async stop() {},
    async send(address: Address, messages: Outbound[]) {
      if (address.channel !== "whatsapp" || messages.length === 0) return;
      const entry: OutboxEntry = { address, messages, at: deps.clock.now() };
      await deps.store.rpush(WHATSAPP_OUTBOX_KEY, JSON.stringify(entry));
    },
  };
}

/** Parse an outbox entry; `null` for anything malformed (logged and skipped by the caller). */
export function parseOutboxEntry(raw: string): OutboxEntry | null {
  try {
    const value = JSON.parse(raw) as Partial<OutboxEntry>;
    if (value.address?.channel !== "whatsapp" || typeof value.address.id !== "string" || !Array.isArray(value.messages)) return null;
    if (!value.messages.every((m) => typeof m === "object" && m !== null && typeof m.text === "string")) return null;
    return { address: value.address, messages: value.messages, at: typeof value.at === "number" ? value.at : 0 };
  } catch {
    return null;
  }
}
