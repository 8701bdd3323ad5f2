import type { Address } from "./address.ts";
import type { StaffNote } from "./delivery.ts";

/**
 * Delivery failures, shared by the channels (which throw them) and the outbox and router (which
 * act on them), so neither side imports the other.
 */

/** The user blocked the bot or deleted the chat (Telegram 403): mark them, do not retry. */
export class BlockedError extends Error {
  constructor(readonly address: Address) {
    super(`${address.channel} user blocked the bot`);
    this.name = "BlockedError";
  }
}

/** A message could not be delivered; the sender must be told (docs/architecture.md, invariant 3). */
export class DeliveryError extends Error {
  constructor(
    readonly address: Address,
    reason: string,
  ) {
    super(`could not deliver to ${address.channel}: ${reason}`);
    this.name = "DeliveryError";
  }
}

/** The platform asked every sender of this bot to wait (Telegram 429 `retry_after`). */
export class RateLimitedError extends DeliveryError {
  constructor(
    address: Address,
    readonly retryAfterMs: number,
  ) {
    super(address, `rate limited, retry after ${retryAfterMs} ms`);
    this.name = "RateLimitedError";
  }
}

/**
 * The channel kept the message to send it later by itself (WhatsApp Cloud outside the 24-hour
 * window): nothing is lost and nothing is to retry, so the outbox's part is done; the sender is
 * still told why it has not arrived yet.
 */
export class HeldError extends DeliveryError {
  readonly kept = true;
  /** What to tell the staff about it (a locale message and its arguments), when there is something to say. */
  note(): StaffNote | undefined {
    return undefined;
  }
}
