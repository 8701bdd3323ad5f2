import type { Plugin } from "../engine/plugin.ts";
import type { PluginEffects } from "../engine/effect-context.ts";
import type { Config } from "../config/schema.ts";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { parseKnowledgeMeta } from "./metadata.ts";
import { KnowledgeBase, contactArgs } from "./articles.ts";
import { DangerWords } from "./danger.ts";
import { articleKind } from "./kinds/article.ts";
import { dangerKind } from "./kinds/danger.ts";
import { articleStartLink, dangerBeforeLanguage, dangerInterceptor, searchInterceptor } from "./interceptors.ts";
import { DATA_NAME, checkKnowledge } from "./check.ts";

/** What the knowledge module needs from the app: its data and texts, and the contacts its articles name. */
export interface KnowledgeDeps {
  config: Pick<Config, "HOTLINE_PHONE" | "HOTLINE_HOURS" | "EMERGENCY_CONTACTS">;
  flows: FlowSet;
  i18n: Localizer;
}

/**
 * The knowledge module: the `article` and `kb-danger` node kinds (the menus of
 * `coming` and `abroad` and the free-text answers), the danger-word and search interceptors
 * (and an inbound hook for danger words before a language is chosen), and the checks of the
 * article metadata and texts. The search index is built once here, from
 * `flows/knowledge.yaml` and the texts of all six languages.
 *
 * If the metadata does not load, the module adds nothing but a check that says why.
 */
export function createKnowledgePlugin(deps: KnowledgeDeps): Plugin & PluginEffects {
  const data = deps.flows.data.get(DATA_NAME);
  let kb: KnowledgeBase;
  try {
    if (!data) throw new Error(`flows/${DATA_NAME}.yaml is missing (a data file with spec: 1, data: ${DATA_NAME})`);
    kb = new KnowledgeBase(parseKnowledgeMeta(data.value, data.file), deps.i18n, contactArgs(deps.config));
  } catch (error) {
    const message = (error as Error).message;
    return {
      name: "knowledge",
      check: () => [{ file: data?.file ?? `flows/${DATA_NAME}.yaml`, message, fix: "see docs/knowledge.md for the format of the article metadata" }],
    };
  }
  const danger = new DangerWords(kb.meta.danger);
  return {
    name: "knowledge",
    kinds: [articleKind(kb), dangerKind(kb)],
    interceptors: [dangerInterceptor(danger, kb), searchInterceptor(kb), dangerBeforeLanguage(danger, contactArgs(deps.config))],
    startLinks: [articleStartLink(kb)],
    check: (flows, i18n) => checkKnowledge(kb.meta, flows, i18n),
  };
}
