import type { Plugin } from "../engine/plugin.ts";
import type { PluginDeps } from "../app/deps.ts";

/** The knowledge module's node kinds, free-text handlers and effects (being built). */
export function createKnowledgePlugin(_deps: PluginDeps): Plugin {
  return { name: "knowledge" };
}
