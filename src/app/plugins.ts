import type { HostPlugin } from "./host-plugin.ts";
import type { PluginDeps } from "./deps.ts";
import { createKnowledgePlugin } from "../knowledge/plugin.ts";
import { createScreeningPlugin } from "../screening/plugin.ts";
import { createCasesPlugin } from "../cases/plugin.ts";
import { MEDIA_METHODS } from "../channels/telegram/render.ts";

/**
 * The domain modules that plug into the engine and router, in order. Adding a module is one
 * line here; the engine does not change.
 */
export function createPlugins(deps: PluginDeps): HostPlugin[] {
  return [createKnowledgePlugin(deps), createScreeningPlugin(deps), createCasesPlugin({ ...deps, telegramMedia: MEDIA_METHODS })];
}
