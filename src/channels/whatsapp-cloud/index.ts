export { createWhatsAppCloudChannel, WhatsAppCloudChannel, cloudCounters, type CloudDeps, type CloudChannelOptions } from "./channel.ts";
export { WindowClosedError, PairRateLimitedError } from "./errors.ts";
export { WEBHOOK_PATH } from "./webhook.ts";
