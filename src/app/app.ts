import type { Bot } from "grammy";
import type { Config } from "../config/schema.ts";
import type { FlowSet } from "../engine/flow.ts";
import type { HostPlugin } from "./host-plugin.ts";
import type { Clock } from "../core/clock.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Logger } from "../core/log.ts";
import type { Router } from "../router/router.ts";
import type { Outbox } from "../outbox/outbox.ts";
import type { Engine } from "../engine/engine.ts";
import type { Store } from "../store/store.ts";
import type { ChannelRegistry } from "../channels/channel.ts";
import type { Address } from "../core/address.ts";
import type { Lang } from "../core/lang.ts";

/** Everything a running Jol shares: built once by `createApp`, handed to channels. */
export interface App {
  config: Config;
  log: Logger;
  store: Store;
  i18n: Localizer;
  flows: FlowSet;
  router: Router;
  /** The durable outbox: every message to a user or a chat goes through it. */
  outbox: Outbox;
  /** The pure dialogue engine (transcript tests and benchmarks drive it directly). */
  engine: Engine;
  channels: ChannelRegistry;
  /** The language a user chose (their session, read without the lock), for channels' short notes. */
  userLang(address: Address): Promise<Lang | undefined>;
  plugins: HostPlugin[];
  clock: Clock;
  /**
   * Additions to the Telegram bot beyond the migrant chat (the consultants' staff-group desk).
   * The Telegram channel calls each with its `Bot` before starting.
   */
  telegramExtensions: Array<(bot: Bot) => void>;
  /** Stop timers and close the store (channels are stopped by their owner first). */
  close(): Promise<void>;
}
