import type { Address } from "../../core/address.ts";
import type { StaffNote } from "../../core/delivery.ts";
import { BlockedError, DeliveryError, HeldError, RateLimitedError } from "../../core/delivery-errors.ts";

/**
 * The user's 24-hour customer-service window is closed and no approved template is set for their
 * language (`WHATSAPP_TEMPLATES`): the message is kept and goes out when the user writes again.
 * `staffKey` is the locale message that tells the consultant why (with `$lang`).
 */
export class WindowClosedError extends HeldError {
  readonly staffKey = "wa-cloud-staff-window-closed";
  constructor(
    address: Address,
    readonly lang: string,
  ) {
    super(address, `the 24-hour window is closed and WHATSAPP_TEMPLATES has no template for "${lang}"; the message waits until the user writes`);
    this.name = "WindowClosedError";
  }

  override note(): StaffNote {
    return { key: this.staffKey, args: { lang: this.lang } };
  }
}

/** Too many messages to this one user in a short time (131056): retry this user later, others go on. */
export class PairRateLimitedError extends DeliveryError {
  constructor(
    address: Address,
    readonly retryAfterMs: number,
  ) {
    super(address, `too many messages to this user (131056), retry after ${retryAfterMs} ms`);
    this.name = "PairRateLimitedError";
  }
}

/** An error answer of the Graph API: its HTTP status and Meta's error code. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    detail: string,
  ) {
    super(`Graph API answered ${status}${code === undefined ? "" : ` (code ${code})`}: ${detail}`);
    this.name = "GraphError";
  }
}

/** Re-engagement: more than 24 hours since the user's last message (the window closed meanwhile). */
export const REENGAGEMENT = 131047;
/** Message undeliverable (not a WhatsApp user, or unreachable): treated like a block. */
export const UNDELIVERABLE = 131026;
/** Cloud API throughput exceeded for the number. */
export const THROUGHPUT = 130429;
/** Pair rate limit: too many messages to the same user. */
export const PAIR_RATE = 131056;

/** How long sending pauses on 130429 (every process) and one user waits on 131056. */
export const THROUGHPUT_PAUSE_MS = 10_000;
export const PAIR_RATE_PAUSE_MS = 6_000;

/**
 * Translate a Graph failure into the channel contract, as Telegram's 403/429 are: 131026 →
 * `BlockedError` (marked, not retried), 130429 → `RateLimitedError` (every process pauses),
 * 131056 → `PairRateLimitedError` (this user later), anything else → `DeliveryError` (retried
 * with backoff by the outbox). 131047 is handled by the channel before this (the template path).
 */
export function deliveryFailure(address: Address, error: unknown): Error {
  if (error instanceof GraphError) {
    if (error.code === UNDELIVERABLE) return new BlockedError(address);
    if (error.code === THROUGHPUT || error.status === 429) return new RateLimitedError(address, THROUGHPUT_PAUSE_MS);
    if (error.code === PAIR_RATE) return new PairRateLimitedError(address, PAIR_RATE_PAUSE_MS);
    return new DeliveryError(address, error.message);
  }
  return new DeliveryError(address, error instanceof Error ? error.message : String(error));
}
