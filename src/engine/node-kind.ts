import type { z } from "zod";
import type { Clock } from "../core/clock.ts";
import type { Effect } from "./types.ts";
import type { Input } from "../core/messages.ts";
import type { Address } from "../core/address.ts";
import type { Lang } from "../core/lang.ts";
import type { Session, VarValue } from "./session.ts";

/**
 * A node kind: one file per kind (`src/engine/nodes/menu.ts`), registered by its `type`.
 * Domain modules add their own kinds (an article, a job check, ...) through a
 * `Plugin` without editing the engine.
 *
 * `enter` runs when the conversation arrives at a node; `receive` runs with the user's input
 * while the node waits. Both are synchronous and pure apart from the context: they say things
 * and emit effects through `ctx` and return where to go next.
 *
 * @example
 * export const messageKind = defineKind({
 *   type: "message",
 *   schema: z.object({ id: z.string(), type: z.literal("message"), text: MessageRef, next: z.string().optional() }),
 *   waits: false,
 *   enter: (node, ctx) => { ctx.say(node.text); return node.next ? { to: "node", node: node.next } : { to: "end" }; },
 *   refs: (node) => ({ nodes: node.next ? [node.next] : [], messages: [node.text] }),
 * });
 */
export interface NodeKind<N extends BaseNode = BaseNode> {
  type: string;
  /**
   * The node's shape in a flow file: an object with `id` and `type: z.literal(<type>)` (the
   * registry joins all kinds' schemas into one union on `type`).
   */
  schema: z.ZodType<N> & z.core.$ZodTypeDiscriminable;
  /** Whether the node stops and waits for the user (used to find loops with no input in them). */
  waits: boolean;
  enter(node: N, ctx: NodeContext): NodeResult;
  /** Input while waiting here. Return `{ to: "pass" }` for text the node does not understand. */
  receive?(node: N, ctx: NodeContext, input: Input): NodeResult;
  /** What the node refers to, for `jol flows check`. */
  refs(node: N): NodeRefs;
  /**
   * True when the node waits for free text (a description, a pasted ad): then plain command
   * words and low-priority free-text handlers leave the text to the node.
   */
  freeText?(node: N): boolean;
  /**
   * True when the node takes every input while it waits — commands, buttons, media — before the
   * engine's own handling (a live chat with a person). Its `receive` returning `{ to: "pass" }`
   * leaves the node: the engine forgets the position and handles the input as usual.
   */
  takesAll?: boolean;
}

export function defineKind<N extends BaseNode>(kind: NodeKind<N>): NodeKind<N> {
  return kind;
}

/** Every node has an id (unique in its flow) and a type. */
export interface BaseNode {
  id: string;
  type: string;
}

/** A Fluent message id, or an id with arguments. Argument values `$name` read the session's vars. */
export type MessageRef = string | { id: string; args?: Record<string, string | number> };

/** Where to go after a node. */
export type NodeResult =
  /** Another node of the same flow. */
  | { to: "node"; node: string }
  /** Replace the current flow by another (its start, or a given node). */
  | { to: "goto"; flow: string; node?: string }
  /** Run another flow; when it ends, come back to `then` (a node of this flow) or re-enter this node. */
  | { to: "call"; flow: string; node?: string; then?: string }
  /** Stop and wait for the user's input at this node. */
  | { to: "wait" }
  /** The input did not fit: say the hint (if any) and ask again. Three misses in a row offer help. */
  | { to: "miss"; hint?: MessageRef }
  /** The input is not for this node: let the free-text handlers (knowledge search, ...) try it. */
  | { to: "pass" }
  /** End this flow: return to the caller, or to the main menu. */
  | { to: "end" };

export interface NodeRefs {
  /** Node ids in the same flow. */
  nodes?: string[];
  /** Flow ids. */
  flows?: string[];
  /** Fluent message ids that must exist in every language. */
  messages?: MessageRef[];
}

/** A choice as a node offers it: `id` unique within the node, `label` a Fluent message. */
export interface ChoiceSpec {
  id: string;
  /** A Fluent message, or `{ text }` for a label that is not translated (a language's own name, a search hit). */
  label: MessageRef | { text: string };
}

/** What a node kind can see and do during a step. */
export interface NodeContext {
  readonly lang: Lang;
  /** The session being built by this step (mutable). */
  readonly session: Session;
  /** The flow the node belongs to. */
  readonly flowId: string;
  readonly clock: Clock;
  /** The platform's language hint for this update (Telegram `language_code`), if any. */
  readonly hint?: string;
  /** Who wrote (read-only). */
  readonly address: Address;
  /** The user's input in this step, as received (read-only; e.g. which command led here). */
  readonly input: Input;
  /** Read-only input from outside the step: the plugins' prefetched store keys (`StepInput`). */
  readonly prefetched: ReadonlyMap<string, string | null>;
  /** Render a message in the user's language. */
  t(ref: MessageRef, args?: Record<string, string | number>): string;
  /** Render a message in another language (the language menu shows each language in its own name). */
  tIn(lang: Lang, ref: MessageRef, args?: Record<string, string | number>): string;
  /** Whether a Fluent message exists (domain content may be optional). */
  has(id: string): boolean;
  /** Send a message, optionally with choices (tokens are made by the engine). */
  say(ref: MessageRef | MessageRef[], choices?: ChoiceSpec[], args?: Record<string, string | number>): void;
  /** Send already-rendered text (quotes of user text, search results). Escaping is the channel's job. */
  sayText(text: string, choices?: ChoiceSpec[], keys?: string[]): void;
  /** Which of the offered choices the input selects: by token, number ("2", "2."), or label (any case, small typos). */
  matchChoice(input: Input, choices: ChoiceSpec[]): string | undefined;
  emit(effect: Effect): void;
  /** Which word list of `flows/commands.yaml` a short text belongs to (`yes`, `no`, `unsure`, `menu`, ...), in any language. */
  matchWord(text: string): string | undefined;
  get(name: string): VarValue | undefined;
  set(name: string, value: VarValue): void;
}
