import type { Config } from "../config/schema.ts";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Store } from "../store/store.ts";
import type { Logger } from "../core/log.ts";
import type { Clock } from "../core/clock.ts";
import type { ChannelRegistry } from "../channels/channel.ts";

/** What a domain module gets when it is created: the app's shared parts, nothing platform-specific. */
export interface PluginDeps {
  config: Config;
  flows: FlowSet;
  i18n: Localizer;
  store: Store;
  log: Logger;
  clock: Clock;
  channels: ChannelRegistry;
}
