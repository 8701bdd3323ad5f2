export { createWhatsAppCloudChannel, WhatsAppCloudChannel, cloudCounters, type WhatsAppCloudChannelDeps, type CloudChannelOptions } from "./channel.ts";
export { WindowClosedError, PairRateLimitedError } from "./errors.ts";
export { WEBHOOK_PATH } from "./webhook.ts";
