import type { Flow, FlowSet } from "./flow.ts";
import type { BaseNode, ChoiceSpec, MessageRef, NodeContext, NodeKind, NodeResult } from "./node-kind.ts";
import type { StartLink, TextInterceptor } from "./plugin.ts";
import type { KindRegistry } from "./kinds.ts";
import { newSession, type Session, type VarValue } from "./session.ts";
import { LANGS, isLang, type Lang } from "../core/lang.ts";
import { type Clock } from "../core/clock.ts";
import { type Effect } from "./types.ts";
import { type Inbound, type Input, type Outbound } from "../core/messages.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { matchLang } from "../i18n/localizer.ts";
import { matchLabel, parseNumber, WordLists } from "./match.ts";
import { LanguageWords } from "../i18n/guess-lang.ts";
import { END_ON_RETURN } from "./nodes/call.ts";
import { coreKinds } from "./kinds.ts";

/** Core node kinds take no media: a photo at a menu gets a polite explanation. Domain kinds may. */
const CORE_TYPES = new Set(coreKinds.map((k) => k.type));

/** Flow ids the engine itself relies on. */
export const MAIN_FLOW = "main";
export const LANGUAGE_FLOW = "language";
export const CONSULTANT_FLOW = "consultant";

/** Commands that work anywhere, typed as `/name` or as a plain word of `flows/commands.yaml`. */
export const GLOBAL_COMMANDS = ["start", "menu", "language", "help", "human", "stop", "forget"] as const;

/** Misses in a row after which the bot offers the main menu and a consultant. */
export const MAX_MISSES = 3;
/** Node transitions in one step before the engine gives up (a loop with no input in it). */
const MAX_TRANSITIONS = 100;
/** `/start PAYLOAD` typed as text (WhatsApp and the console have no deep links: a prefilled message does it). */
const TYPED_START = /^\/start\s+([\w-]{1,64})$/;

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
  /** Deep links `/start PAYLOAD` that open a place in the flows (see `StartLink`). */
  startLinks?: StartLink[];
  /** Used before a user chose a language when the platform gives no hint. */
  defaultLang: Lang;
  /** Fluent arguments available to every message (`$hotlinePhone`, ...), from the settings. */
  globals?: Record<string, string | number>;
}

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
  private readonly words: WordLists;
  private readonly languages: LanguageWords;
  private readonly interceptors: TextInterceptor[];
  /** Rendered texts that have no per-user arguments, by language, channel and id. */
  private readonly rendered = new Map<string, string>();

  constructor(private readonly deps: EngineDeps) {
    const lists = deps.flows.data.get("commands")?.value;
    this.words = new WordLists(isWordLists(lists) ? lists : {});
    this.languages = new LanguageWords(deps.flows.data.get(LANGUAGES_DATA)?.value);
    this.interceptors = [...(deps.interceptors ?? [])].sort((a, b) => b.priority - a.priority);
  }

  step(session: Session, inbound: Inbound, clock: Clock): StepResult {
    const run = new Step(this.deps, this.words, this.languages, this.interceptors, this.rendered, structuredClone(session), inbound, clock);
    run.go();
    return { session: run.session, effects: run.effects };
  }
}

function isWordLists(value: unknown): value is Record<string, string[]> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => Array.isArray(v) && v.every((w) => typeof w === "string"));
}

/** One step's working state. */
class Step {
  readonly effects: Effect[] = [];
  private transitions = 0;

  constructor(
    private readonly deps: EngineDeps,
    private readonly words: WordLists,
    private readonly languages: LanguageWords,
    private readonly interceptors: TextInterceptor[],
    private readonly cache: Map<string, string>,
    public session: Session,
    private readonly inbound: Inbound,
    private readonly clock: Clock,
  ) {}

  get lang(): Lang {
    return this.session.lang ?? matchLang(this.inbound.langHint) ?? this.deps.defaultLang;
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

    const command = this.commandOf(input);
    if (command) return this.command(command.name, command.arg);

    const languageButton = input.kind === "choice" && input.data.startsWith(`${LANGUAGE_FLOW}/`);
    if (!s.lang && input.kind === "text" && this.beforeLanguage(input.text)) return;
    if (!s.lang && !this.atLanguageNode() && !languageButton) return this.startLanguage();

    if (input.kind === "edited") {
      this.say("edited-unsupported");
      return;
    }
    if (input.kind === "choice") return this.choice(input.data);
    // "Здравствуйте", "Assalomu alaykum": greeted back with the main menu, not "did not understand".
    if (input.kind === "text" && !this.waitingFreeText() && this.languages.greeting(input.text)) return this.greet();

    const frame = this.top();
    if (s.wait && frame) {
      const node = this.node(frame.f, frame.n);
      if (node) return this.receive(node.flow, node.node, node.kind, input);
    }
    // Not waiting anywhere (fresh session with a language, after /stop, or a stale position).
    if (input.kind === "text" && this.intercept(input.text, undefined)) return;
    if (input.kind === "media") this.say("media-unsupported");
    this.restart();
  }

  // --- commands -------------------------------------------------------------------------

  private commandOf(input: Input): { name: string; arg?: string } | undefined {
    if (input.kind === "command") return { name: input.name, arg: input.arg };
    if (input.kind === "text") {
      const typed = TYPED_START.exec(input.text.trim());
      if (typed) return { name: "start", arg: typed[1] };
      const word = this.words.match(input.text);
      if (word && (GLOBAL_COMMANDS as readonly string[]).includes(word)) {
        // A word like "menu" typed as the answer to a free-text question is an answer, not a command.
        if (this.waitingFreeText() && !input.text.startsWith("/")) return undefined;
        return { name: word };
      }
    }
    return undefined;
  }

  private command(name: string, arg?: string): void {
    const s = this.session;
    switch (name) {
      case "start": {
        const payload = arg?.replace(/[^\w-]/g, "").slice(0, 64);
        if (!payload) return s.lang ? this.restart() : this.startLanguage();
        // `kb-stay-rules_uz`: a link from a page in Uzbek; it chooses the language only for a user who has none.
        const suffix = /^(.+)_([a-z]{2})$/.exec(payload);
        const lang = suffix && isLang(suffix[2]!) ? suffix[2] : undefined;
        const target = lang ? suffix![1]! : payload;
        const link = this.deps.startLinks?.find((l) => target.startsWith(l.prefix));
        if (!s.src) s.src = link ? link.source : target;
        if (!s.lang && lang) s.lang = lang;
        if (!s.lang) return this.startLanguage();
        return this.openLink(link, target) ? undefined : this.restart();
      }
      case "menu":
        if (!s.lang) return this.startLanguage();
        return this.restart();
      case "language":
        return this.run(this.callFlow(LANGUAGE_FLOW));
      case "help":
        this.say("help-text");
        return this.reprompt();
      case "human":
        if (!s.lang) s.lang = this.lang;
        s.stack = [];
        return this.run({ to: "goto", flow: CONSULTANT_FLOW });
      case "stop":
        s.stack = [];
        s.wait = false;
        this.effects.push({ type: "unsubscribe" });
        delete s.subs;
        this.say("stop-text");
        return;
      case "forget": {
        const lang = this.lang;
        this.effects.push({ type: "forget" });
        this.session = newSession(this.clock.now());
        this.sayIn(lang, "forget-done");
        return;
      }
      default:
        this.say("unknown-command");
        return this.reprompt();
    }
  }

  /** Open a deep link's place from the main menu ("Back" leads there); false if it names nothing. */
  private openLink(link: StartLink | undefined, payload: string): boolean {
    const main = this.deps.flows.flows.get(MAIN_FLOW);
    if (!link || !main) return false;
    this.session.stack = [{ f: MAIN_FLOW, n: main.start }];
    this.session.vars = {}; // as at the main menu: the answers of the flows before are not needed
    this.session.wait = false;
    this.session.miss = 0;
    const result = link.open(payload.slice(link.prefix.length), this.ctx(main));
    if (!result) {
      this.session.stack = [];
      return false;
    }
    this.run(result);
    return true;
  }

  private startLanguage(): void {
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
    const frame = this.top();
    return this.session.wait && frame !== undefined && this.node(frame.f, frame.n)?.node.type === "language";
  }

  /** Back to the main menu, forgetting where the user was. */
  private restart(): void {
    if (!this.session.lang) return this.startLanguage();
    this.session.stack = [];
    this.session.miss = 0;
    this.run({ to: "goto", flow: MAIN_FLOW });
  }

  /** Ask the current question again (after help, a stale button, a miss). */
  private reprompt(): void {
    const frame = this.top();
    const found = frame && this.session.wait ? this.node(frame.f, frame.n) : undefined;
    if (!found) return this.restart();
    this.run(found.kind.enter(found.node, this.ctx(found.flow)));
  }

  // --- input ------------------------------------------------------------------------------

  private choice(data: string): void {
    if (data.startsWith("!")) return this.command(data.slice(1));
    const [flowId, nodeId, choiceId, extra] = data.split("/");
    const frame = this.top();
    const found = flowId && nodeId && choiceId && extra === undefined ? this.node(flowId, nodeId) : undefined;
    if (!found || !found.kind.receive) {
      this.say("stale-button");
      return this.reprompt();
    }
    if (!(frame && this.session.wait && frame.f === flowId && frame.n === nodeId)) {
      // A button from an earlier message that still makes sense: act on it from there.
      if (found.node.type === "language" || this.session.lang) {
        this.session.stack = [{ f: flowId!, n: nodeId! }];
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
      this.sayChoices("miss-offer-help", [
        { id: "!menu", label: "choice-main-menu" },
        { id: "!human", label: "choice-consultant" },
      ]);
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
    const frame = this.top();
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

  private run(first: NodeResult): void {
    const s = this.session;
    let result: NodeResult | undefined = first;
    while (result) {
      if (++this.transitions > MAX_TRANSITIONS) {
        // A loop with no input in it: `jol flows check` catches these; never hang a chat.
        this.effects.push({ type: "x-engine-error", reason: "too many transitions", flow: this.top()?.f ?? "" });
        s.stack = [];
        s.wait = false;
        this.say("error-generic");
        return;
      }
      s.wait = false;
      result = this.transition(result);
    }
  }

  /** Apply one result; return the next one to apply, or undefined when the step is done. */
  private transition(result: NodeResult): NodeResult | undefined {
    const s = this.session;
    switch (result.to) {
      case "wait":
        s.wait = true;
        return undefined;
      case "miss":
      case "pass":
        // Only `receive` may miss or pass; from `enter` it means "wait here".
        s.wait = true;
        return undefined;
      case "node": {
        const frame = this.top();
        if (!frame) return { to: "goto", flow: MAIN_FLOW };
        frame.n = result.node;
        return this.enter();
      }
      case "goto": {
        const flow = this.deps.flows.flows.get(result.flow);
        if (!flow) return this.brokenReference(result.flow);
        s.stack.pop();
        // Back at the main menu with nothing underneath: the answers of the flows before are not
        // needed any more, so they are not kept (a later case must not show an old job check).
        if (flow.id === MAIN_FLOW && s.stack.length === 0) s.vars = {};
        s.stack.push({ f: flow.id, n: result.node ?? flow.start });
        return this.enter();
      }
      case "call": {
        const flow = this.deps.flows.flows.get(result.flow);
        if (!flow) return this.brokenReference(result.flow);
        const caller = this.top();
        if (caller && result.then) caller.n = result.then;
        if (s.stack.length >= 8) s.stack.splice(0, s.stack.length - 7); // keep the stack small
        s.stack.push({ f: flow.id, n: result.node ?? flow.start });
        return this.enter();
      }
      case "end": {
        s.stack.pop();
        const caller = this.top();
        if (!caller) return { to: "goto", flow: MAIN_FLOW };
        if (caller.n === END_ON_RETURN) return { to: "end" };
        if (caller.f === MAIN_FLOW && s.stack.length === 1) s.vars = {}; // back at the main menu: see "goto"
        return this.enter();
      }
    }
  }

  private brokenReference(flowId: string): NodeResult | undefined {
    this.effects.push({ type: "x-engine-error", reason: "unknown flow", flow: flowId });
    this.say("error-generic");
    if (flowId === MAIN_FLOW) return undefined;
    this.session.stack = [];
    return { to: "goto", flow: MAIN_FLOW };
  }

  private enter(): NodeResult | undefined {
    const frame = this.top();
    if (!frame) return undefined;
    const found = this.node(frame.f, frame.n);
    if (!found) {
      // A node that an older flow version had: start the flow over.
      const flow = this.deps.flows.flows.get(frame.f);
      if (flow && flow.nodes.has(flow.start) && frame.n !== flow.start) {
        frame.n = flow.start;
        return this.enter();
      }
      return this.brokenReference(frame.f);
    }
    return found.kind.enter(found.node, this.ctx(found.flow));
  }

  private callFlow(flowId: string): NodeResult {
    const frame = this.top();
    if (!frame || !this.session.wait) {
      this.session.stack = [{ f: MAIN_FLOW, n: this.deps.flows.flows.get(MAIN_FLOW)?.start ?? "start" }];
    }
    return { to: "call", flow: flowId };
  }

  private top() {
    const stack = this.session.stack;
    return stack[stack.length - 1];
  }

  /** Whether the user is at a node that takes free text (their words are an answer there). */
  private waitingFreeText(): boolean {
    const frame = this.top();
    const found = frame && this.session.wait ? this.node(frame.f, frame.n) : undefined;
    return found?.kind.freeText?.(found.node) ?? false;
  }

  private node(flowId: string, nodeId: string): { flow: Flow; node: BaseNode; kind: NodeKind } | undefined {
    const flow = this.deps.flows.flows.get(flowId);
    const node = flow?.nodes.get(nodeId);
    const kind = node ? this.deps.kinds.get(node.type) : undefined;
    return flow && node && kind ? { flow, node, kind } : undefined;
  }

  // --- saying things ----------------------------------------------------------------------------

  private args(ref: MessageRef, extra?: Record<string, string | number>): Record<string, string | number> {
    // `$channel` lets a text pick its wording per messenger (WhatsApp has no buttons).
    const out: Record<string, string | number> = { ...this.deps.globals, channel: this.inbound.address.channel };
    const given = typeof ref === "string" ? undefined : ref.args;
    for (const [k, v] of Object.entries({ ...given, ...extra })) {
      if (typeof v === "string" && v.startsWith("$")) {
        const value = this.session.vars[v.slice(1)];
        out[k] = typeof value === "number" || typeof value === "string" ? value : "";
      } else out[k] = v;
    }
    return out;
  }

  private render(lang: Lang, ref: MessageRef, extra?: Record<string, string | number>): string {
    const id = typeof ref === "string" ? ref : ref.id;
    // A message with no arguments of its own renders the same for every user of a language and
    // messenger (globals come from settings): render it once. Most texts are like that.
    if (typeof ref === "string" && extra === undefined) {
      const key = `${lang}\u0000${this.inbound.address.channel}\u0000${id}`;
      let text = this.cache.get(key);
      if (text === undefined) {
        text = this.deps.i18n.t(lang, id, this.args(ref));
        if (this.cache.size < 20_000) this.cache.set(key, text);
      }
      return text;
    }
    return this.deps.i18n.t(lang, id, this.args(ref, extra));
  }

  private say(ref: MessageRef, args?: Record<string, string | number>): void {
    this.sayIn(this.lang, ref, args);
  }

  private sayIn(lang: Lang, ref: MessageRef, args?: Record<string, string | number>): void {
    this.send({ text: this.render(lang, ref, args), keys: [typeof ref === "string" ? ref : ref.id] });
  }

  private sayChoices(ref: MessageRef, choices: ChoiceSpec[]): void {
    this.send({
      text: this.render(this.lang, ref),
      keys: [typeof ref === "string" ? ref : ref.id],
      choices: choices.map((c) => ({ id: c.id, label: this.label(c) })),
    });
  }

  private label(choice: ChoiceSpec): string {
    const label = choice.label;
    return typeof label === "object" && "text" in label ? label.text : this.render(this.lang, label);
  }

  private send(message: Outbound): void {
    this.effects.push({ type: "send", message });
  }

  /** One context per flow and step (building one per node visit costs more than the visit). */
  private readonly contexts = new Map<string, NodeContext>();

  private ctx(flow: Flow): NodeContext {
    let ctx = this.contexts.get(flow.id);
    if (!ctx) this.contexts.set(flow.id, (ctx = this.makeCtx(flow)));
    return ctx;
  }

  private makeCtx(flow: Flow): NodeContext {
    // The context's getters and methods close over this step; an arrow-only object would lose the getters.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const step = this;
    /** Choice tokens name the node that says them: the current node when it is in this flow. */
    const token = (id: string) => {
      if (id.startsWith("!")) return id;
      const frame = step.top();
      return `${flow.id}/${frame?.f === flow.id ? frame.n : flow.start}/${id}`;
    };
    return {
      get lang() {
        return step.lang;
      },
      get session() {
        return step.session;
      },
      flowId: flow.id,
      clock: this.clock,
      hint: this.inbound.langHint,
      t: (ref, args) => step.render(step.lang, ref, args),
      tIn: (lang, ref, args) => step.render(lang, ref, args),
      has: (id) => step.deps.i18n.has(step.lang, id),
      say(ref, choices, args) {
        const refs = Array.isArray(ref) ? ref : [ref];
        const text = refs.map((r) => step.render(step.lang, r, args)).join("\n\n");
        const keys = refs.map((r) => (typeof r === "string" ? r : r.id));
        step.send(choices ? { text, keys, choices: choices.map((c) => ({ id: token(c.id), label: step.label(c) })) } : { text, keys });
      },
      sayText(text, choices, keys) {
        step.send({
          text,
          ...(keys ? { keys } : {}),
          ...(choices ? { choices: choices.map((c) => ({ id: token(c.id), label: step.label(c) })) } : {}),
        });
      },
      matchChoice(input, choices) {
        if (input.kind === "choice") {
          const last = input.data.split("/").pop();
          return choices.find((c) => c.id === last)?.id;
        }
        if (input.kind !== "text") return undefined;
        const n = parseNumber(input.text);
        if (n !== undefined) return choices[n - 1]?.id;
        const i = matchLabel(input.text, choices.map((c) => step.label(c)));
        return i === undefined ? undefined : choices[i]?.id;
      },
      emit: (effect) => step.effects.push(effect),
      matchWord: (text) => step.words.match(text),
      get: (name) => step.session.vars[name],
      set: (name: string, value: VarValue) => {
        step.session.vars[name] = value;
      },
    };
  }
}
