import type { Flow, FlowSet } from "./flow.ts";
import type { KindRegistry } from "./kinds.ts";
import type { BaseNode, NodeKind, NodeResult } from "./node-kind.ts";
import type { Frame, Session } from "./session.ts";
import { END_ON_RETURN } from "./nodes/call.ts";

/**
 * The stack machine: how one `NodeResult` moves the session's flow stack. Pure over the session
 * (it changes only `stack`, `wait` and, back at the main menu, `vars`); entering nodes, saying
 * things and counting transitions are the step's.
 */

/** Flow ids the engine itself relies on. */
export const MAIN_FLOW = "main";
export const LANGUAGE_FLOW = "language";

/** Most frames kept: a `call` deeper than this forgets the oldest callers. */
const MAX_STACK = 8;

/** What the step does after a transition. */
export type Move =
  /** Enter the node on top of the stack. */
  | { do: "enter" }
  /** Apply this result next. */
  | { do: "apply"; result: NodeResult }
  /** A flow named by a result does not exist. */
  | { do: "broken"; flow: string }
  /** Wait for the user's input. */
  | { do: "wait" };

export function top(session: Session): Frame | undefined {
  return session.stack[session.stack.length - 1];
}

/** Apply one result to the stack. */
export function transition(s: Session, result: NodeResult, flows: FlowSet): Move {
  switch (result.to) {
    case "wait":
    case "miss":
    case "pass":
      // Only `receive` may miss or pass; from `enter` it means "wait here".
      s.wait = true;
      return { do: "wait" };
    case "node": {
      const frame = top(s);
      if (!frame) return { do: "apply", result: { to: "goto", flow: MAIN_FLOW } };
      frame.n = result.node;
      return { do: "enter" };
    }
    case "goto": {
      const flow = flows.flows.get(result.flow);
      if (!flow) return { do: "broken", flow: result.flow };
      s.stack.pop();
      // Back at the main menu with nothing underneath: the answers of the flows before are not
      // needed any more, so they are not kept (a later flow must not see an old flow's answers).
      if (flow.id === MAIN_FLOW && s.stack.length === 0) s.vars = {};
      s.stack.push({ f: flow.id, n: result.node ?? flow.start });
      return { do: "enter" };
    }
    case "call": {
      const flow = flows.flows.get(result.flow);
      if (!flow) return { do: "broken", flow: result.flow };
      const caller = top(s);
      if (caller && result.then) caller.n = result.then;
      if (s.stack.length >= MAX_STACK) s.stack.splice(0, s.stack.length - (MAX_STACK - 1)); // keep the stack small
      s.stack.push({ f: flow.id, n: result.node ?? flow.start });
      return { do: "enter" };
    }
    case "end": {
      s.stack.pop();
      const caller = top(s);
      if (!caller) return { do: "apply", result: { to: "goto", flow: MAIN_FLOW } };
      if (caller.n === END_ON_RETURN) return { do: "apply", result: { to: "end" } };
      if (caller.f === MAIN_FLOW && s.stack.length === 1) s.vars = {}; // back at the main menu: see "goto"
      return { do: "enter" };
    }
  }
}

export interface FoundNode {
  flow: Flow;
  node: BaseNode;
  kind: NodeKind;
}

export function findNode(flows: FlowSet, kinds: KindRegistry, flowId: string, nodeId: string): FoundNode | undefined {
  const flow = flows.flows.get(flowId);
  const node = flow?.nodes.get(nodeId);
  const kind = node ? kinds.get(node.type) : undefined;
  return flow && node && kind ? { flow, node, kind } : undefined;
}

/**
 * The node on top of the stack, to enter. A node that an older flow version had starts its flow
 * over; a flow that is gone is `broken`.
 */
export function nodeToEnter(s: Session, flows: FlowSet, kinds: KindRegistry): FoundNode | { broken: string } | undefined {
  const frame = top(s);
  if (!frame) return undefined;
  const found = findNode(flows, kinds, frame.f, frame.n);
  if (found) return found;
  const flow = flows.flows.get(frame.f);
  if (flow && frame.n !== flow.start) {
    const start = findNode(flows, kinds, flow.id, flow.start);
    if (start) {
      frame.n = flow.start;
      return start;
    }
  }
  return { broken: frame.f };
}
