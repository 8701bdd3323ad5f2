import { GrammyError, HttpError, type Api } from "grammy";
import { BlockedError, DeliveryError, RateLimitedError } from "../../core/delivery-errors.ts";
import type { Address } from "../../core/address.ts";
import type { Outbound } from "../../core/messages.ts";
import type { Store } from "../../store/store.ts";
import { render } from "./render.ts";
import { rememberChoices } from "./callback-data.ts";

/**
 * Send rendered messages to one chat, in order, and translate Telegram's failures into the
 * channel contract: 403 (blocked, chat deleted, kicked) → `BlockedError`; 429 → `RateLimitedError`
 * (the outbox pauses every process for `retry_after`); anything else still failing after
 * `@grammyjs/auto-retry` (5xx) → `DeliveryError`.
 */
export async function deliver(
  api: Api,
  store: Store,
  address: Address,
  messages: Outbound[],
  options: { choiceTtlMs: number; extra?: Record<string, unknown> },
): Promise<void> {
  const { calls, choices } = render(messages, options.extra);
  await rememberChoices(store, choices, options.choiceTtlMs);
  const chatId = toChatId(address);
  for (const call of calls) {
    try {
      // The rendered payload is built for exactly this method; grammY's per-method payload types are not needed here.
      await (api.raw[call.method] as (payload: Record<string, unknown>) => Promise<unknown>)({ chat_id: chatId, ...call.payload });
    } catch (error) {
      throw deliveryFailure(address, error);
    }
  }
}

/** Map a grammY failure to `BlockedError`, `RateLimitedError` or `DeliveryError`. */
export function deliveryFailure(address: Address, error: unknown): Error {
  if (error instanceof GrammyError) {
    if (error.error_code === 403) return new BlockedError(address);
    if (error.error_code === 429) return new RateLimitedError(address, (error.parameters.retry_after ?? 1) * 1000);
    return new DeliveryError(address, `Telegram answered ${error.error_code} to ${error.method}: ${error.description}`);
  }
  if (error instanceof HttpError) return new DeliveryError(address, `network error talking to the Bot API: ${error.message}`);
  return new DeliveryError(address, error instanceof Error ? error.message : String(error));
}

/** A Telegram chat id from an address (`telegram:42`). */
export function toChatId(address: Address): number {
  const id = Number(address.id);
  if (address.channel !== "telegram" || !Number.isSafeInteger(id)) {
    throw new DeliveryError(address, `not a Telegram chat id: ${address.channel}:${address.id}`);
  }
  return id;
}
