import type { Flow, FlowSet } from "./flow.ts";
import type { BaseNode, ChoiceSpec, MessageRef, NodeContext, NodeKind, NodeResult } from "./node-kind.ts";
import type { Plugin, StartLink, TextInterceptor } from "./plugin.ts";
import type { KindRegistry } from "./kinds.ts";
import type { Session } from "./session.ts";
import { LANGS, type Lang } from "../core/lang.ts";
import type { Clock } from "../core/clock.ts";
import type { Effect } from "./types.ts";
import type { Inbound, Input, Outbound } from "../core/messages.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { matchLang } from "../i18n/localizer.ts";
import { matchLabel, parseNumber, type WordLists } from "./match.ts";
import { commandOf, commandTable, runCommand, type CommandHost, type CommandTable } from "./commands.ts";
import { LanguageWords } from "../i18n/guess-lang.ts";
import { coreKinds } from "./kinds.ts";
import { Renderer } from "./render.ts";
import { makeContext, type ContextHost } from "./context.ts";
import { findNode, LANGUAGE_FLOW, MAIN_FLOW, nodeToEnter, top, transition, type FoundNode } from "./transition.ts";
import { commandToken, parseCommandToken, parseNodeToken } from "./choice-token.ts";

export { LANGUAGE_FLOW, MAIN_FLOW } from "./transition.ts";

/** Core node kinds take no media: a photo at a menu gets a polite explanation. Domain kinds may. */
const CORE_TYPES = new Set(coreKinds.map((k) => k.type));

/** Misses in a row after which the bot offers the main menu and the commands marked `offer` (see `commands.ts`). */
export const MAX_MISSES = 3;
/** Node transitions in one step before the engine gives up (a loop with no input in it). */
const MAX_TRANSITIONS = 100;

/** Longest text the engine looks at; longer input is cut (the user is told). */
export const MAX_TEXT = 4000;
/**
 * Session var holding a question typed before a language was chosen, whose language did not
 * show: it is answered as soon as the user picks one (at most `MAX_PENDING` characters kept).
 */
export const PENDING_VAR = "q_pending";
const MAX_PENDING = 500;
/** The data file with the languages' names, greetings and common words (`flows/languages.yaml`). */
export const LANGUAGES_DATA = "languages";

export interface EngineDeps {
  flows: FlowSet;
  i18n: Localizer;
  kinds: KindRegistry;
  interceptors?: TextInterceptor[];
  /** The plugins' `resume` (see `Plugin.resume`). */
  resumes?: NonNullable<Plugin["resume"]>[];
  /** Deep links `/start PAYLOAD` that open a place in the flows (see `StartLink`). */
  startLinks?: StartLink[];
  /** Used before a user chose a language when the platform gives no hint. */
  defaultLang: Lang;
  /** Fluent arguments available to every message (`$hotlinePhone`, ...), from the settings. */
  globals?: Record<string, string | number>;
}

/** Read-only input to a step from outside it (the router reads it with the session). */
export interface StepInput {
  /** Values of the plugins' `prefetch` keys; node kinds read them as `ctx.prefetched`. */
  prefetched?: ReadonlyMap<string, string | null>;
}

const NOTHING_PREFETCHED: ReadonlyMap<string, string | null> = new Map();

export interface StepResult {
  session: Session;
  effects: Effect[];
}

/**
 * The dialogue engine: a pure step from (session, input) to (new session, effects).
 * It never performs I/O; time comes from the injected clock, so the same session and input give
 * the same output — which is what makes transcripts testable.
 *
 * @example
 * const { session, effects } = engine.step(old, { address, messageId: "1", input: { kind: "text", text: "2" } }, clock);
 */
export class Engine {
  private readonly commands: CommandTable;
  private readonly languages: LanguageWords;
  private readonly interceptors: TextInterceptor[];
  private readonly renderer: Renderer;

  constructor(private readonly deps: EngineDeps) {
    this.commands = commandTable(deps.flows);
    this.languages = new LanguageWords(deps.flows.data.get(LANGUAGES_DATA)?.value);
    this.interceptors = [...(deps.interceptors ?? [])].sort((a, b) => b.priority - a.priority);
    this.renderer = new Renderer(deps.i18n, deps.globals);
  }

  step(session: Session, inbound: Inbound, clock: Clock, input: StepInput = {}): StepResult {
    const prefetched = input.prefetched ?? NOTHING_PREFETCHED;
    const run = new Step(this.deps, this.commands, this.languages, this.interceptors, this.renderer, structuredClone(session), inbound, clock, prefetched);
    run.go();
    return { session: run.session, effects: run.effects };
  }
}

/**
 * One step's working state: which input goes where (commands, the language, buttons, the waiting
 * node, the free-text handlers), on top of the stack machine (`transition.ts`), the commands
 * (`commands.ts`), rendering (`render.ts`) and node contexts (`context.ts`).
 */
class Step implements CommandHost, ContextHost {
  readonly effects: Effect[] = [];
  private transitions = 0;
  /** One context per flow and step (building one per node visit costs more than the visit). */
  private readonly contexts = new Map<string, NodeContext>();

  constructor(
    private readonly deps: EngineDeps,
    readonly table: CommandTable,
    private readonly languages: LanguageWords,
    private readonly interceptors: TextInterceptor[],
    private readonly renderer: Renderer,
    public session: Session,
    private readonly inbound: Inbound,
    readonly clock: Clock,
    readonly prefetched: ReadonlyMap<string, string | null>,
  ) {}

  get address(): Inbound["address"] {
    return this.inbound.address;
  }

  get input(): Input {
    return this.inbound.input;
  }

  get lang(): Lang {
    return this.session.lang ?? matchLang(this.inbound.langHint) ?? this.deps.defaultLang;
  }

  get flows(): FlowSet {
    return this.deps.flows;
  }

  get startLinks(): readonly StartLink[] {
    return this.deps.startLinks ?? [];
  }

  get i18n(): Localizer {
    return this.deps.i18n;
  }

  get words(): WordLists {
    return this.table.words;
  }

  get hint(): string | undefined {
    return this.inbound.langHint;
  }

  go(): void {
    const s = this.session;
    s.t1 = this.clock.now();
    if (s.blocked) delete s.blocked; // they wrote again
    let input = this.inbound.input;
    if ((input.kind === "text" || input.kind === "edited") && input.text.length > MAX_TEXT) {
      this.say("input-too-long", { max: MAX_TEXT });
      input = { ...input, text: input.text.slice(0, MAX_TEXT) };
    }

    // A node that takes every input (a live chat) sees it first; "pass" leaves it.
    const holding = this.holdingNode() ?? this.resume();
    if (holding) {
      const result = holding.kind.receive!(holding.node, this.ctx(holding.flow), input);
      if (result.to !== "pass") {
        s.miss = 0;
        return this.run(result);
      }
      s.stack = [];
      s.wait = false;
    }

    const command = commandOf(input, this.table, () => this.waitingFreeText());
    if (command) return runCommand(this, command.name, command.arg);

    const languageButton = input.kind === "choice" && parseNodeToken(input.data)?.flow === LANGUAGE_FLOW;
    if (!s.lang && input.kind === "text" && this.beforeLanguage(input.text)) return;
    if (!s.lang && !this.atLanguageNode() && !languageButton) return this.startLanguage();

    if (input.kind === "edited") {
      this.say("edited-unsupported");
      return;
    }
    if (input.kind === "choice") return this.choice(input.data);
    // "Здравствуйте", "Assalomu alaykum": greeted back with the main menu, not "did not understand".
    if (input.kind === "text" && !this.waitingFreeText() && this.languages.greeting(input.text)) return this.greet();

    const frame = top(s);
    if (s.wait && frame) {
      const node = this.node(frame.f, frame.n);
      if (node) return this.receive(node.flow, node.node, node.kind, input);
    }
    // Not waiting anywhere (fresh session with a language, after /stop, or a stale position).
    if (input.kind === "text" && this.intercept(input.text, undefined)) return;
    if (input.kind === "media") this.say("media-unsupported");
    this.restart();
  }

  startLanguage(): void {
    this.session.stack = [];
    this.run({ to: "goto", flow: LANGUAGE_FLOW });
  }

  /**
   * Text typed before the user chose a language. A language's name ("uz", "ўзбек", "қазақша")
   * chooses it. A message whose language shows (letters, common words) is answered in that
   * language, which becomes the user's (they are told how to change it). Any other question is
   * kept and answered once a language is chosen. False: show (or stay at) the language menu.
   */
  private beforeLanguage(text: string): boolean {
    const s = this.session;
    const named = this.languages.named(text);
    if (named) {
      s.lang = named;
      s.stack = [];
      this.say("language-set");
      this.restart();
      return true;
    }
    // The number or the name of a choice of the language menu is the menu's to take.
    const typedChoice = parseNumber(text) !== undefined || matchLabel(text, LANGS.map((l) => this.deps.i18n.t(l, "language-name"))) !== undefined;
    if (this.atLanguageNode() && typedChoice) return false;
    const guessed = this.languages.guess(text);
    if (!guessed) {
      const main = this.deps.flows.flows.get(MAIN_FLOW);
      for (const interceptor of this.interceptors) {
        if (interceptor.beforeLanguage && main) interceptor.handle(text, this.ctx(main), { waitingType: "language" });
      }
      if (!typedChoice && /\p{L}{2}/u.test(text) && !this.languages.greeting(text)) s.vars[PENDING_VAR] = text.slice(0, MAX_PENDING);
      return false;
    }
    s.lang = guessed;
    s.stack = [];
    delete s.vars[PENDING_VAR];
    if (this.languages.greeting(text)) {
      this.say("greet-back");
      this.say("language-guessed");
      this.restart();
      return true;
    }
    this.say("language-guessed");
    this.answerText(text);
    return true;
  }

  /** Greet back and show the main menu. */
  private greet(): void {
    this.say("greet-back");
    this.restart();
  }

  /** A question typed where no node waits for it: the free-text handlers, else the main menu. */
  private answerText(text: string): void {
    if (this.intercept(text, undefined)) return;
    this.restart();
  }

  private atLanguageNode(): boolean {
    const frame = top(this.session);
    return this.session.wait && frame !== undefined && this.node(frame.f, frame.n)?.node.type === "language";
  }

  /** Back to the main menu, forgetting where the user was. */
  restart(): void {
    if (!this.session.lang) return this.startLanguage();
    this.session.stack = [];
    this.session.miss = 0;
    this.run({ to: "goto", flow: MAIN_FLOW });
  }

  /** Ask the current question again (after help, a stale button, a miss). */
  reprompt(): void {
    const frame = top(this.session);
    const found = frame && this.session.wait ? this.node(frame.f, frame.n) : undefined;
    if (!found) return this.restart();
    this.run(found.kind.enter(found.node, this.ctx(found.flow)));
  }

  callFlow(flowId: string): NodeResult {
    if (!top(this.session) || !this.session.wait) {
      this.session.stack = [{ f: MAIN_FLOW, n: this.deps.flows.flows.get(MAIN_FLOW)?.start ?? "start" }];
    }
    return { to: "call", flow: flowId };
  }

  // --- input ------------------------------------------------------------------------------

  private choice(data: string): void {
    const command = parseCommandToken(data);
    if (command !== undefined) return runCommand(this, command);
    const token = parseNodeToken(data);
    const frame = top(this.session);
    const found = token ? this.node(token.flow, token.node) : undefined;
    if (!token || !found || !found.kind.receive) {
      this.say("stale-button");
      return this.reprompt();
    }
    if (!(frame && this.session.wait && frame.f === token.flow && frame.n === token.node)) {
      // A button from an earlier message that still makes sense: act on it from there.
      if (found.node.type === "language" || this.session.lang) {
        this.session.stack = [{ f: token.flow, n: token.node }];
        this.session.wait = true;
      }
    }
    this.receive(found.flow, found.node, found.kind, { kind: "choice", data }, true);
  }

  private receive(flow: Flow, node: BaseNode, kind: NodeKind, input: Input, fromButton = false): void {
    const ctx = this.ctx(flow);
    const text = input.kind === "text" ? input.text : undefined;
    if (text !== undefined && this.intercept(text, node.type, 100)) return;
    if (input.kind === "media" && (CORE_TYPES.has(node.type) || !kind.receive)) {
      this.say("media-unsupported");
      return this.reprompt();
    }
    let result = kind.receive ? kind.receive(node, ctx, input) : ({ to: "pass" } as NodeResult);
    if (result.to === "pass") {
      if (text !== undefined && this.intercept(text, node.type, -Infinity, 100)) return;
      result = { to: "miss" };
    }
    if (result.to === "miss") {
      if (fromButton) {
        this.say("stale-button");
        return this.reprompt();
      }
      return this.miss(result.hint);
    }
    this.session.miss = 0;
    // A question typed before the language was chosen is answered once it is.
    const pending = node.type === "language" ? this.session.vars[PENDING_VAR] : undefined;
    if (pending !== undefined) delete this.session.vars[PENDING_VAR];
    this.run(result);
    if (typeof pending === "string" && this.session.lang) this.answerText(pending);
  }

  private miss(hint?: MessageRef): void {
    const s = this.session;
    s.miss += 1;
    if (s.miss >= MAX_MISSES) {
      s.miss = 0;
      this.sayChoices("miss-offer-help", [{ id: commandToken("menu"), label: "choice-main-menu" }, ...this.table.offers]);
      return;
    }
    this.say(hint ?? "miss-hint");
    this.reprompt();
  }

  /**
   * Let free-text handlers look at the text, highest priority first, within [min, max).
   * True if one took it.
   */
  private intercept(text: string, waitingType: string | undefined, min = -Infinity, max = Infinity): boolean {
    const frame = top(this.session);
    const flow = (frame && this.deps.flows.flows.get(frame.f)) ?? this.deps.flows.flows.get(MAIN_FLOW);
    if (!flow) return false;
    for (const interceptor of this.interceptors) {
      if (interceptor.priority < min || interceptor.priority >= max) continue;
      // Below priority 100, handlers only see text when the bot is not waiting for a specific answer.
      if (interceptor.priority < 100 && this.waitingFreeText()) continue;
      const result = interceptor.handle(text, this.ctx(flow), { waitingType });
      if (result === null) continue;
      if (result !== "stay") this.run(result);
      return true;
    }
    return false;
  }

  // --- moving through flows --------------------------------------------------------------------

  run(first: NodeResult): void {
    const s = this.session;
    let result: NodeResult | undefined = first;
    while (result) {
      if (++this.transitions > MAX_TRANSITIONS) {
        // A loop with no input in it: `jol flows check` catches these; never hang a chat.
        this.emit({ type: "x-engine-error", reason: "too many transitions", flow: top(s)?.f ?? "" });
        s.stack = [];
        s.wait = false;
        this.say("error-generic");
        return;
      }
      s.wait = false;
      const move = transition(s, result, this.deps.flows);
      if (move.do === "apply") result = move.result;
      else if (move.do === "enter") result = this.enter();
      else if (move.do === "broken") result = this.brokenReference(move.flow);
      else result = undefined;
    }
  }

  private brokenReference(flowId: string): NodeResult | undefined {
    this.emit({ type: "x-engine-error", reason: "unknown flow", flow: flowId });
    this.say("error-generic");
    if (flowId === MAIN_FLOW) return undefined;
    this.session.stack = [];
    return { to: "goto", flow: MAIN_FLOW };
  }

  private enter(): NodeResult | undefined {
    const found = nodeToEnter(this.session, this.deps.flows, this.deps.kinds);
    if (!found) return undefined;
    if ("broken" in found) return this.brokenReference(found.broken);
    return found.kind.enter(found.node, this.ctx(found.flow));
  }

  /** A plugin's place the user belongs at (`Plugin.resume`): moved there, the node that takes the input. */
  private resume(): FoundNode | undefined {
    const main = this.deps.flows.flows.get(MAIN_FLOW);
    if (!this.session.lang || !main) return undefined;
    for (const resume of this.deps.resumes ?? []) {
      const flow = this.deps.flows.flows.get(resume(this.ctx(main)) ?? "");
      const node = flow && [...flow.nodes.values()].find((n) => this.deps.kinds.get(n.type)?.takesAll);
      if (!node) continue;
      this.session.stack = [{ f: flow.id, n: node.id }];
      this.session.wait = true;
      return this.holdingNode();
    }
    return undefined;
  }

  /** The node the user waits at, when it takes every input itself (`NodeKind.takesAll`). */
  private holdingNode(): FoundNode | undefined {
    const frame = top(this.session);
    const found = frame && this.session.wait ? this.node(frame.f, frame.n) : undefined;
    return found?.kind.takesAll && found.kind.receive ? found : undefined;
  }

  /** Whether the user is at a node that takes free text (their words are an answer there). */
  private waitingFreeText(): boolean {
    const frame = top(this.session);
    const found = frame && this.session.wait ? this.node(frame.f, frame.n) : undefined;
    return found?.kind.freeText?.(found.node) ?? false;
  }

  private node(flowId: string, nodeId: string): FoundNode | undefined {
    return findNode(this.deps.flows, this.deps.kinds, flowId, nodeId);
  }

  ctx(flow: Flow): NodeContext {
    let ctx = this.contexts.get(flow.id);
    if (!ctx) this.contexts.set(flow.id, (ctx = makeContext(this, flow)));
    return ctx;
  }

  // --- saying things ----------------------------------------------------------------------------

  render(lang: Lang, ref: MessageRef, extra?: Record<string, string | number>): string {
    return this.renderer.render(lang, ref, this.inbound.address.channel, this.session.vars, extra);
  }

  label(choice: ChoiceSpec): string {
    return this.renderer.label(this.lang, choice, this.inbound.address.channel, this.session.vars);
  }

  say(ref: MessageRef, args?: Record<string, string | number>): void {
    this.sayIn(this.lang, ref, args);
  }

  sayIn(lang: Lang, ref: MessageRef, args?: Record<string, string | number>): void {
    this.send({ text: this.render(lang, ref, args), keys: [typeof ref === "string" ? ref : ref.id] });
  }

  private sayChoices(ref: MessageRef, choices: ChoiceSpec[]): void {
    this.send({ text: this.render(this.lang, ref), keys: [typeof ref === "string" ? ref : ref.id], choices: choices.map((c) => ({ id: c.id, label: this.label(c) })) });
  }

  send(message: Outbound): void {
    this.effects.push({ type: "send", message });
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }
}
