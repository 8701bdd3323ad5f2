import type { Plugin } from "../engine/plugin.ts";
import type { PluginDeps } from "../app/deps.ts";

/** The screening module's node kinds, free-text handlers and effects (being built). */
export function createScreeningPlugin(_deps: PluginDeps): Plugin {
  return { name: "screening" };
}
