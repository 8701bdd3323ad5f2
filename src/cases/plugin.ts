import type { Plugin } from "../engine/plugin.ts";
import type { PluginDeps } from "../app/deps.ts";

/** The cases module's node kinds, free-text handlers and effects (being built). */
export function createCasesPlugin(_deps: PluginDeps): Plugin {
  return { name: "cases" };
}
