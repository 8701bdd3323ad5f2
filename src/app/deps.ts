import type { Config } from "../config/schema.ts";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Store } from "../store/store.ts";
import type { Logger } from "../core/log.ts";
import type { Clock } from "../core/clock.ts";
import type { Deliver, DurableDeliver } from "../core/delivery.ts";

/**
 * The app's shared parts that domain modules are built from (`createPlugins`). Each module
 * declares the narrow part it uses (`KnowledgeDeps`, `ScreeningDeps`, `CasesDeps`) and never
 * imports this.
 */
export interface PluginDeps {
  config: Config;
  flows: FlowSet;
  i18n: Localizer;
  store: Store;
  log: Logger;
  clock: Clock;
  /** The running channels: a module reaches a user through them without knowing any. */
  delivery: Deliver;
  /** The durable outbox: messages to users that must survive a crash and keep their order (a consultant's). */
  outbox: DurableDeliver;
}
