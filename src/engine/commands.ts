import { z } from "zod";
import { isLang, type Lang } from "../core/lang.ts";
import type { Input } from "../core/messages.ts";
import type { Clock } from "../core/clock.ts";
import type { Flow, FlowSet } from "./flow.ts";
import type { MessageRef, NodeContext, NodeResult } from "./node-kind.ts";
import type { StartLink } from "./plugin.ts";
import type { Effect } from "./types.ts";
import { newSession, type Session } from "./session.ts";
import { commandToken } from "./choice-token.ts";
import { LANGUAGE_FLOW, MAIN_FLOW } from "./transition.ts";
import type { CheckProblem } from "../core/check-problem.ts";
import type { ChoiceSpec } from "./node-kind.ts";
import { WordLists } from "./match.ts";
import { Id } from "./schema-parts.ts";

/**
 * The commands that work anywhere, and their plain words, from the data file `flows/commands.yaml`.
 * A few are the engine's own (`SYSTEM_COMMANDS`: start, menu, ...); any other entry with
 * `opens: <flow>` leaves where the user is and opens that flow (`human` → the flow it names).
 * Entries without `opens` are word lists only (`yes`, `no`, `unsure` answer yes-no questions).
 */

/** The data file's name (`data: commands`). */
export const COMMANDS_DATA = "commands";

/** Commands the engine itself carries out. */
export const SYSTEM_COMMANDS = ["start", "menu", "language", "help", "stop", "forget"] as const;
export type SystemCommand = (typeof SYSTEM_COMMANDS)[number];

export function isSystemCommand(name: string): name is SystemCommand {
  return (SYSTEM_COMMANDS as readonly string[]).includes(name);
}

const Words = z.array(z.string());
const FlowCommand = z.strictObject({
  /** The flow the command opens (from its start, leaving where the user was). */
  opens: Id,
  /** Offered with this label (a Fluent message) after several misunderstood messages in a row. */
  offer: z.string().optional(),
  words: Words.default([]),
});
export const CommandsSchema = z.record(z.string(), z.union([Words, FlowCommand]));

/** The parsed `flows/commands.yaml`. */
export interface CommandTable {
  /** Which list a short text belongs to (a command's name, `yes`, `no`, ...). */
  words: WordLists;
  /** Commands that open a flow, by name. */
  flows: ReadonlyMap<string, string>;
  /** Choices offered after repeated misses, besides the main menu: `!name` with the entry's label. */
  offers: ChoiceSpec[];
}

const tables = new WeakMap<FlowSet, CommandTable>();

/** The command table of a flow set, built once per set (the engine and the modules share it). */
export function commandTable(flows: FlowSet): CommandTable {
  let table = tables.get(flows);
  if (!table) tables.set(flows, (table = buildTable(flows.data.get(COMMANDS_DATA)?.value)));
  return table;
}

/** Whether a name is a command that works anywhere (typed as `/name` or as one of its words). */
export function isCommand(table: CommandTable, name: string): boolean {
  return isSystemCommand(name) || table.flows.has(name);
}

function buildTable(value: unknown): CommandTable {
  const parsed = CommandsSchema.safeParse(value ?? {});
  const entries = parsed.success ? Object.entries(parsed.data) : [];
  const lists: Record<string, string[]> = {};
  const flows = new Map<string, string>();
  const offers: ChoiceSpec[] = [];
  for (const [name, entry] of entries) {
    if (Array.isArray(entry)) {
      lists[name] = entry;
      continue;
    }
    lists[name] = entry.words;
    flows.set(name, entry.opens);
    if (entry.offer) offers.push({ id: commandToken(name), label: entry.offer });
  }
  return { words: new WordLists(lists), flows, offers };
}

/** Problems in `flows/commands.yaml`: its shape, and flows its commands open that do not exist. */
export function checkCommands(flows: FlowSet): CheckProblem[] {
  const data = flows.data.get(COMMANDS_DATA);
  if (!data) return [];
  const parsed = CommandsSchema.safeParse(data.value);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({
      file: data.file,
      line: data.line(issue.path as (string | number)[]),
      message: `commands: ${issue.path.join(".")}: ${issue.message}`,
      fix: "give each entry a list of words, or { opens: <flow id>, offer: <message id>, words: [...] }",
    }));
  }
  const problems: CheckProblem[] = [];
  for (const [name, entry] of Object.entries(parsed.data)) {
    if (Array.isArray(entry) || flows.flows.has(entry.opens)) continue;
    problems.push({
      file: data.file,
      line: data.line([name, "opens"]),
      message: `command "${name}" opens flow "${entry.opens}", which does not exist`,
      fix: `create flows/${entry.opens}.yaml or use one of: ${[...flows.flows.keys()].join(", ")}`,
    });
  }
  return problems;
}

/** `/start PAYLOAD` typed as text (WhatsApp and the console have no deep links: a prefilled message does it). */
const TYPED_START = /^\/start\s+([\w-]{1,64})$/;

/**
 * The command an input is, if any: `/name`, `/start PAYLOAD` typed as text, or a command's plain
 * word. At a node that takes free text, a word ("menu") is the answer, not a command.
 */
export function commandOf(input: Input, table: CommandTable, waitingFreeText: () => boolean): { name: string; arg?: string } | undefined {
  if (input.kind === "command") return { name: input.name, arg: input.arg };
  if (input.kind !== "text") return undefined;
  const typed = TYPED_START.exec(input.text.trim());
  if (typed) return { name: "start", arg: typed[1] };
  const word = table.words.match(input.text);
  if (!word || !isCommand(table, word)) return undefined;
  if (waitingFreeText() && !input.text.startsWith("/")) return undefined;
  return { name: word };
}

/** What running a command needs of the step. */
export interface CommandHost {
  session: Session;
  readonly lang: Lang;
  readonly clock: Clock;
  readonly flows: FlowSet;
  readonly startLinks: readonly StartLink[];
  readonly table: CommandTable;
  emit(effect: Effect): void;
  say(ref: MessageRef): void;
  sayIn(lang: Lang, ref: MessageRef): void;
  run(result: NodeResult): void;
  restart(): void;
  startLanguage(): void;
  reprompt(): void;
  /** Call a flow from where the user is (or from the main menu when they are nowhere). */
  callFlow(flowId: string): NodeResult;
  ctx(flow: Flow): NodeContext;
}

/** Carry out a command that works anywhere. */
export function runCommand(host: CommandHost, name: string, arg?: string): void {
  const s = host.session;
  switch (name) {
    case "start":
      return start(host, arg);
    case "menu":
      if (!s.lang) return host.startLanguage();
      return host.restart();
    case "language":
      return host.run(host.callFlow(LANGUAGE_FLOW));
    case "help":
      host.say("help-text");
      return host.reprompt();
    case "stop":
      s.stack = [];
      s.wait = false;
      // What the modules keep for the user goes too; their `stop` handlers clean up the rest.
      host.emit({ type: "stop" });
      delete s.slots;
      host.say("stop-text");
      return;
    case "forget": {
      const lang = host.lang;
      host.emit({ type: "forget" });
      host.session = newSession(host.clock.now());
      host.sayIn(lang, "forget-done");
      return;
    }
    default: {
      const flow = host.table.flows.get(name);
      if (flow === undefined) {
        host.say("unknown-command");
        return host.reprompt();
      }
      // A command that opens a flow (`flows/commands.yaml`): leave where the user was.
      if (!s.lang) s.lang = host.lang;
      s.stack = [];
      return host.run({ to: "goto", flow });
    }
  }
}

/** `/start` and `/start PAYLOAD` (a deep link). */
function start(host: CommandHost, arg: string | undefined): void {
  const s = host.session;
  const payload = arg?.replace(/[^\w-]/g, "").slice(0, 64);
  if (!payload) return s.lang ? host.restart() : host.startLanguage();
  // `kb-stay-rules_uz`: a link from a page in Uzbek; it chooses the language only for a user who has none.
  const suffix = /^(.+)_([a-z]{2})$/.exec(payload);
  const lang = suffix && isLang(suffix[2]) ? suffix[2] : undefined;
  const target = lang && suffix?.[1] ? suffix[1] : payload;
  const link = host.startLinks.find((l) => target.startsWith(l.prefix));
  if (!s.src) s.src = link ? link.source : target;
  if (!s.lang && lang) s.lang = lang;
  if (!s.lang) return host.startLanguage();
  return openLink(host, link, target) ? undefined : host.restart();
}

/** Open a deep link's place from the main menu ("Back" leads there); false if it names nothing. */
function openLink(host: CommandHost, link: StartLink | undefined, payload: string): boolean {
  const main = host.flows.flows.get(MAIN_FLOW);
  if (!link || !main) return false;
  const s = host.session;
  s.stack = [{ f: MAIN_FLOW, n: main.start }];
  s.vars = {}; // as at the main menu: the answers of the flows before are not needed
  s.wait = false;
  s.miss = 0;
  const result = link.open(payload.slice(link.prefix.length), host.ctx(main));
  if (!result) {
    s.stack = [];
    return false;
  }
  host.run(result);
  return true;
}
