import type { Lang } from "../core/lang.ts";
import type { Clock } from "../core/clock.ts";
import type { Input, Outbound } from "../core/messages.ts";
import type { Address } from "../core/address.ts";
import type { Localizer } from "../i18n/localizer.ts";
import type { Flow } from "./flow.ts";
import type { ChoiceSpec, MessageRef, NodeContext } from "./node-kind.ts";
import type { Session, VarValue } from "./session.ts";
import type { Effect } from "./types.ts";
import { matchLabel, parseNumber, type WordLists } from "./match.ts";
import { choiceOfToken, nodeToken, parseCommandToken } from "./choice-token.ts";
import { top } from "./transition.ts";

/** What a node context reads and does in the step that made it. */
export interface ContextHost {
  readonly lang: Lang;
  readonly session: Session;
  readonly clock: Clock;
  readonly hint: string | undefined;
  readonly address: Address;
  readonly input: Input;
  readonly prefetched: ReadonlyMap<string, string | null>;
  readonly i18n: Localizer;
  readonly words: WordLists;
  render(lang: Lang, ref: MessageRef, args?: Record<string, string | number>): string;
  label(choice: ChoiceSpec): string;
  send(message: Outbound): void;
  emit(effect: Effect): void;
}

/**
 * The `NodeContext` of one flow in one step: what its nodes, interceptors and deep links see.
 * Its getters read the step's current language and session (`/forget` replaces the session).
 */
export function makeContext(host: ContextHost, flow: Flow): NodeContext {
  /** Choice tokens name the node that says them: the current node when it is in this flow. */
  const token = (id: string) => {
    if (parseCommandToken(id) !== undefined) return id;
    const frame = top(host.session);
    return nodeToken(flow.id, frame?.f === flow.id ? frame.n : flow.start, id);
  };
  const choices = (list: ChoiceSpec[]) => list.map((c) => ({ id: token(c.id), label: host.label(c) }));
  return {
    get lang() {
      return host.lang;
    },
    get session() {
      return host.session;
    },
    flowId: flow.id,
    clock: host.clock,
    hint: host.hint,
    address: host.address,
    input: host.input,
    prefetched: host.prefetched,
    t: (ref, args) => host.render(host.lang, ref, args),
    tIn: (lang, ref, args) => host.render(lang, ref, args),
    has: (id) => host.i18n.has(host.lang, id),
    say(ref, list, args) {
      const refs = Array.isArray(ref) ? ref : [ref];
      const text = refs.map((r) => host.render(host.lang, r, args)).join("\n\n");
      const keys = refs.map((r) => (typeof r === "string" ? r : r.id));
      host.send(list ? { text, keys, choices: choices(list) } : { text, keys });
    },
    sayText(text, list, keys) {
      host.send({ text, ...(keys ? { keys } : {}), ...(list ? { choices: choices(list) } : {}) });
    },
    matchChoice(input, list) {
      if (input.kind === "choice") {
        const last = choiceOfToken(input.data);
        return list.find((c) => c.id === last)?.id;
      }
      if (input.kind !== "text") return undefined;
      const n = parseNumber(input.text);
      if (n !== undefined) return list[n - 1]?.id;
      const i = matchLabel(input.text, list.map((c) => host.label(c)));
      return i === undefined ? undefined : list[i]?.id;
    },
    emit: (effect) => host.emit(effect),
    matchWord: (text) => host.words.match(text),
    get: (name) => host.session.vars[name],
    set: (name: string, value: VarValue) => {
      host.session.vars[name] = value;
    },
  };
}
