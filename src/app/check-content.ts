import { loadContent } from "./load-content.ts";
import { allPlugins } from "./create.ts";
import { MemoryStore } from "../store/memory.ts";
import { ChannelRegistry } from "../channels/channel.ts";
import { Outbox } from "../outbox/outbox.ts";
import { silentLogger } from "../core/log.ts";
import { systemClock } from "../core/clock.ts";
import type { Config } from "../config/schema.ts";

/** Load flows and texts the way start-up does, with every plugin, without touching Redis (`jol flows check`). */
export function checkContent(config: Config) {
  const store = new MemoryStore();
  return loadContent(config, (flows, i18n) =>
    allPlugins({ config, flows, i18n, store, log: silentLogger, clock: systemClock, delivery: new ChannelRegistry(), outbox: new Outbox({ store, log: silentLogger }) }),
  );
}
