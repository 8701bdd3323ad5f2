/**
 * The Telegram Bot API stand-in for tests and the benchmark: see `stand-in.ts` for how to use and
 * extend it, `updates.ts` for hand-made updates.
 */
export { BotApiStandIn, ApiFault, defaultMethods, sentMessage } from "./stand-in.ts";
export type { FaultRule, MethodHandler, Payload, RecordedCall, SentRecord, StandInOptions } from "./stand-in.ts";
export { RateLimits, type LimitOptions } from "./limits.ts";
export { WebhookDelivery, type WebhookDeliveryOptions, type DeliveryStats } from "./webhook-delivery.ts";
export { updates, testUser, testGroup } from "./updates.ts";
export type { NewUpdate } from "./updates.ts";
