import { z } from "zod";
import type { FlowSet } from "./flow.ts";
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
    if (entry.offer) offers.push({ id: `!${name}`, label: entry.offer });
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
