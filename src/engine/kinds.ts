import { z } from "zod";
import type { BaseNode, NodeKind } from "./node-kind.ts";
import { messageKind } from "./nodes/message.ts";
import { menuKind } from "./nodes/menu.ts";
import { inputKind } from "./nodes/input.ts";
import { setKind } from "./nodes/set.ts";
import { branchKind } from "./nodes/branch.ts";
import { callKind } from "./nodes/call.ts";
import { gotoKind } from "./nodes/goto.ts";
import { endKind } from "./nodes/end.ts";
import { languageKind } from "./nodes/language.ts";

/** The kinds every flow may use. Domain modules add theirs through `Plugin.kinds`. */
export const coreKinds: NodeKind[] = [
  messageKind,
  menuKind,
  inputKind,
  setKind,
  branchKind,
  callKind,
  gotoKind,
  endKind,
  languageKind,
];

/** Node kinds by their `type`. */
export class KindRegistry {
  private readonly kinds = new Map<string, NodeKind>();

  constructor(kinds: Iterable<NodeKind> = coreKinds) {
    for (const kind of kinds) this.register(kind);
  }

  private union: ReturnType<KindRegistry["buildUnion"]> | undefined;

  register(kind: NodeKind): void {
    if (this.kinds.has(kind.type)) throw new Error(`Two node kinds are named "${kind.type}": rename one of them.`);
    this.kinds.set(kind.type, kind);
    this.union = undefined;
  }

  get<N extends BaseNode>(type: string): NodeKind<N> | undefined {
    return this.kinds.get(type) as NodeKind<N> | undefined;
  }

  types(): string[] {
    return [...this.kinds.keys()];
  }

  all(): NodeKind[] {
    return [...this.kinds.values()];
  }

  /**
   * Every kind's node schema in one union on `type`: what loading validates a node with, and what
   * `jol flows schema` prints (so an editor's completion and the loader agree).
   */
  nodeSchema() {
    return (this.union ??= this.buildUnion());
  }

  private buildUnion() {
    const [first, ...rest] = this.all().map((k) => k.schema);
    if (!first) throw new Error("no node kinds are registered");
    return z.discriminatedUnion("type", [first, ...rest]);
  }
}
