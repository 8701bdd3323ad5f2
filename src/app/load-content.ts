import type { Config } from "../config/schema.ts";
import type { FlowSet } from "../engine/flow.ts";
import { KindRegistry, coreKinds } from "../engine/kinds.ts";
import { loadFlows } from "../engine/load-flows.ts";
import { checkFlows } from "../engine/check-flows.ts";
import type { CheckProblem } from "../core/check-problem.ts";
import type { Plugin } from "../engine/plugin.ts";
import { loadLocales } from "../i18n/load-locales.ts";
import type { Localizer } from "../i18n/localizer.ts";

/** Flows and texts as a content editor wrote them, with every problem found in them. */
export interface Content {
  flows: FlowSet;
  i18n: Localizer;
  kinds: KindRegistry;
  problems: CheckProblem[];
}

/**
 * Load `FLOWS_DIR` and `LOCALES_DIR`, validate flows against the core kinds plus the plugins'
 * kinds, and run every check (the engine's and each plugin's). Used by start-up (which refuses
 * to start on errors) and by `jol flows check`.
 *
 * Plugins are created from the loaded content, so they come as a factory.
 */
export function loadContent<P extends Plugin>(
  config: Pick<Config, "FLOWS_DIR" | "LOCALES_DIR">,
  makePlugins: (flows: FlowSet, i18n: Localizer) => P[],
): Content & { plugins: P[] } {
  const { i18n, problems: localeProblems } = loadLocales(config.LOCALES_DIR);
  // Plugins' kinds are needed to validate flows, and plugins read flows' data: load the data
  // first with the core kinds, then again with every kind.
  const first = loadFlows(config.FLOWS_DIR, new KindRegistry(coreKinds), { dataOnly: true });
  const plugins = makePlugins(first.flows, i18n);
  const kinds = new KindRegistry([...coreKinds, ...plugins.flatMap((p) => p.kinds ?? [])]);
  const { flows, problems: flowProblems } = loadFlows(config.FLOWS_DIR, kinds);
  // The plugins were given the first load: they see the validated flows too (segments of subscribe nodes).
  for (const [id, flow] of flows.flows) first.flows.flows.set(id, flow);
  const problems = [...flowProblems, ...localeProblems, ...checkFlows(flows, kinds, i18n)];
  for (const plugin of plugins) {
    try {
      problems.push(...(plugin.check?.(flows, i18n) ?? []));
    } catch (error) {
      problems.push({ file: `src/${plugin.name}`, message: `the ${plugin.name} check failed: ${String(error)}` });
    }
  }
  return { flows, i18n, kinds, plugins, problems };
}

/** How many problems are printed; the rest are counted (one broken folder can cause hundreds). */
export const SHOWN_PROBLEMS = 20;

/**
 * `file:line: error: message` lines with the fix indented below, as `jol flows check` prints
 * them: the first `limit` problems, then how many more there are.
 */
export function formatProblems(problems: CheckProblem[], limit = SHOWN_PROBLEMS): string {
  const lines = problems
    .slice(0, limit)
    .map((p) => `${p.file}${p.line ? `:${p.line}` : ""}: ${p.severity ?? "error"}: ${p.message}${p.fix ? `\n    fix: ${p.fix}` : ""}`);
  const rest = problems.length - limit;
  if (rest > 0) lines.push(`… and ${rest} more problem(s); fix the ones above first (they often cause the rest) and run \`npx jol flows check\` again`);
  return lines.join("\n");
}

/** Flows or texts are broken: start-up stops with every problem listed. */
export class ContentError extends Error {
  constructor(readonly problems: CheckProblem[]) {
    super(`Flows or texts have ${problems.length} problem(s):\n${formatProblems(problems)}\nRun \`npx jol flows check\` after fixing them.`);
    this.name = "ContentError";
  }
}
