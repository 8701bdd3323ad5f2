/**
 * The Telegram channel (grammY). See `channel.ts` for the channel, `to-inbound.ts` and
 * `render.ts` for the converter pair, and docs/telegram.md for running it.
 */
export { createTelegramChannel } from "./channel.ts";
export type { TelegramChannel, TelegramChannelOptions } from "./channel.ts";
export { toInbound } from "./to-inbound.ts";
export { render } from "./render.ts";
export { createPacer } from "./pacer.ts";
export type { PaceOptions } from "./pacer.ts";
