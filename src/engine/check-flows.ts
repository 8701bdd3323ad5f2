import type { FlowSet } from "./flow.ts";
import type { KindRegistry } from "./kinds.ts";
import type { CheckProblem } from "../core/check-problem.ts";
import type { MessageRef, NodeRefs } from "./node-kind.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { LANGS } from "../core/lang.ts";
import { CONSULTANT_FLOW, LANGUAGE_FLOW, MAIN_FLOW } from "./engine.ts";

/** Messages the engine itself says, outside any flow. */
export const ENGINE_MESSAGES = [
  "help-text",
  "stop-text",
  "forget-done",
  "unknown-command",
  "stale-button",
  "miss-hint",
  "miss-offer-help",
  "choice-main-menu",
  "choice-consultant",
  "media-unsupported",
  "edited-unsupported",
  "input-too-long",
  "error-generic",
  "delivery-failed",
  "greet-back",
  "language-guessed",
  "language-set",
];

/**
 * The graph checks of `jol flows check`: references to nodes and flows that do not exist,
 * Fluent messages missing in any language, nodes no path reaches, and loops with no node that
 * waits for the user (they would spin forever). Every problem names the file, the line and a fix.
 */
export function checkFlows(flows: FlowSet, kinds: KindRegistry, i18n: Localizer): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const missing = (id: string) => LANGS.filter((l) => !i18n.has(l, id));

  for (const required of [MAIN_FLOW, LANGUAGE_FLOW, CONSULTANT_FLOW]) {
    if (!flows.flows.has(required)) {
      problems.push({ file: "flows/", message: `the engine needs a flow "${required}"`, fix: `add flows/${required}.yaml with flow: ${required}` });
    }
  }
  for (const id of ENGINE_MESSAGES) {
    const langs = missing(id);
    if (langs.length) problems.push({ file: "locales/", message: `engine message "${id}" is missing in ${langs.join(", ")}`, fix: `add ${id} = ... to locales/<lang>/main.ftl` });
  }

  for (const flow of flows.flows.values()) {
    const refsOf = new Map<string, NodeRefs>();
    for (const node of flow.nodes.values()) {
      const kind = kinds.get(node.type);
      if (!kind) continue;
      const refs = kind.refs(node);
      refsOf.set(node.id, refs);
      const line = flow.lines.get(node.id);
      for (const target of refs.nodes ?? []) {
        if (!flow.nodes.has(target)) {
          problems.push({ file: flow.file, line, message: `node "${node.id}" goes to node "${target}", which this flow does not have`, fix: `use one of: ${[...flow.nodes.keys()].join(", ")}` });
        }
      }
      for (const target of refs.flows ?? []) {
        if (!flows.flows.has(target)) {
          problems.push({ file: flow.file, line, message: `node "${node.id}" refers to flow "${target}", which does not exist`, fix: `create flows/${target}.yaml or use one of: ${[...flows.flows.keys()].join(", ")}` });
        }
      }
      for (const ref of refs.messages ?? []) {
        const id = messageId(ref);
        const langs = missing(id);
        if (langs.length) {
          problems.push({ file: flow.file, line, message: `node "${node.id}" uses message "${id}", missing in ${langs.join(", ")}`, fix: `add ${id} = ... to locales/${langs[0]}/ (and the other languages listed)` });
        }
      }
    }

    // Reachability from the start node.
    const seen = new Set<string>();
    const queue = [flow.start];
    while (queue.length) {
      const id = queue.pop()!;
      if (seen.has(id) || !flow.nodes.has(id)) continue;
      seen.add(id);
      queue.push(...(refsOf.get(id)?.nodes ?? []));
    }
    for (const id of flow.nodes.keys()) {
      if (!seen.has(id)) {
        problems.push({ file: flow.file, line: flow.lines.get(id), message: `node "${id}" cannot be reached from the start node "${flow.start}"`, fix: "point a choice or next at it, or delete it" });
      }
    }

    // Loops made only of nodes that do not wait for input.
    const waits = (id: string) => {
      const node = flow.nodes.get(id);
      return node ? (kinds.get(node.type)?.waits ?? true) : true;
    };
    const state = new Map<string, 1 | 2>();
    const reported = new Set<string>();
    const visit = (id: string, path: string[]): void => {
      if (waits(id) || !flow.nodes.has(id)) return;
      const s = state.get(id);
      if (s === 2) return;
      if (s === 1) {
        const cycle = path.slice(path.indexOf(id));
        const key = [...cycle].sort().join(",");
        if (!reported.has(key)) {
          reported.add(key);
          problems.push({ file: flow.file, line: flow.lines.get(id), message: `the nodes ${cycle.concat(id).join(" → ")} form a loop with no question in it`, fix: "put a node that waits for the user (menu, input) in the loop, or end it" });
        }
        return;
      }
      state.set(id, 1);
      for (const next of refsOf.get(id)?.nodes ?? []) visit(next, [...path, id]);
      state.set(id, 2);
    };
    for (const id of flow.nodes.keys()) visit(id, []);
  }
  return problems;
}

function messageId(ref: MessageRef): string {
  return typeof ref === "string" ? ref : ref.id;
}
