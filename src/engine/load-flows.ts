import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { createRequire } from "node:module";
import type { Document, LineCounter } from "yaml";
import { CACHE_DIR, DiskCache, packageVersion } from "../core/disk-cache.ts";
import { z } from "zod";
import type { Flow, FlowSet } from "./flow.ts";
import type { BaseNode } from "./node-kind.ts";
import type { CheckProblem } from "../core/check-problem.ts";
import type { KindRegistry } from "./kinds.ts";
import { Id } from "./schema-parts.ts";

/** The flow file format version this engine reads. Older versions get a migration here. */
export const FLOW_SPEC = 1;

/** The head of a flow file; `nodes` are checked one by one against the kinds (see `flowFileSchema`). */
export const FlowHeader = z.strictObject({
  spec: z.literal(FLOW_SPEC),
  flow: Id,
  start: z.string(),
  description: z.string().optional(),
  nodes: z.array(z.unknown()).min(1, "a flow needs at least one node"),
});

/** A data file beside the flows (`commands`, `languages`, article metadata): any YAML value under `value`. */
export const DataHeader = z.strictObject({ spec: z.literal(FLOW_SPEC), data: z.string(), description: z.string().optional(), value: z.unknown() });

const Header = z.union([FlowHeader, DataHeader]);

/** A whole flow file with its nodes, for `jol flows schema` (editors' completion). */
export function flowFileSchema(kinds: KindRegistry) {
  return FlowHeader.extend({ nodes: z.array(kinds.nodeSchema()).min(1, "a flow needs at least one node") });
}

/**
 * Read every `*.yaml` file in `dir` (`dataOnly`: only the data files, for the plugins to be built
 * from before their kinds validate the flows): flows (`flow:`) validated node by node against the
 * registered kinds, and data files (`data:`) kept as parsed values. Returns what loaded and
 * every problem found, each with file, line and a fix — it never throws on bad content.
 */
export function loadFlows(dir: string, kinds: KindRegistry, options: { dataOnly?: boolean; cacheDir?: string | null } = {}): { flows: FlowSet; problems: CheckProblem[] } {
  const flows: FlowSet = { flows: new Map(), data: new Map() };
  const problems: CheckProblem[] = [];
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).sort();
  } catch {
    problems.push({ file: dir, message: `the flows folder ${dir} cannot be read`, fix: "set FLOWS_DIR to the folder that holds the flow YAML files" });
    return { flows, problems };
  }
  for (const name of files) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || path;
    loadFile(file, readFileSync(path, "utf8"), kinds, flows, problems, parsedCache(name, options.cacheDir === undefined ? CACHE_DIR : options.cacheDir), options.dataOnly);
  }
  return { flows, problems };
}

/** What a flow file's text parses to, kept on disk: the YAML as data, and each node's line. */
interface ParsedFile {
  raw: unknown;
  nodeLines: (number | null)[];
}

/**
 * The parsed YAML of one flow file, on disk between runs (`node_modules/.cache/jol`), keyed by the
 * file's text and the YAML library's version: parsing the flows is a fifth of a start. Only a file
 * that parsed without a YAML error is kept; a problem found later still gets its line (the text is
 * then parsed again, only for that).
 */
function parsedCache(name: string, dir: string | null): DiskCache {
  return new DiskCache(dir, `flow-${name.replace(/[^\w.-]/g, "_")}-`, yamlVersion);
}

let yamlVersionSeen: string | undefined;
const yamlVersion = (): string => (yamlVersionSeen ??= `yaml@${packageVersion("yaml")};flows-1`);

/** The YAML library, loaded only when a file must be parsed (not when every file came from the cache). */
function yaml(): typeof import("yaml") {
  return createRequire(import.meta.url)("yaml") as typeof import("yaml");
}

/** Parse one YAML file's text into `flows` (exported for tests of error messages). */
export function loadFile(file: string, text: string, kinds: KindRegistry, flows: FlowSet, problems: CheckProblem[], cache?: DiskCache, dataOnly = false): void {
  let parsed: { doc: Document; lineCounter: LineCounter } | undefined;
  const parse = () => {
    if (parsed) return parsed;
    const { LineCounter, parseDocument } = yaml();
    const lineCounter = new LineCounter();
    parsed = { doc: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter };
    return parsed;
  };
  const key = cache?.key(text);
  const saved = key === undefined ? undefined : (cache?.read(key) as ParsedFile | undefined);
  if (!saved) {
    const { doc, lineCounter } = parse();
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        problems.push({
          file,
          line: lineCounter.linePos(error.pos[0]).line,
          message: `YAML syntax: ${error.message.split("\n")[0]}`,
          fix: "check the indentation and quoting on that line (a value with ':' or '#' needs quotes)",
        });
      }
      return;
    }
  }
  const lineOf = (path: (string | number)[]): number | undefined => {
    const { doc, lineCounter } = parse();
    const { isNode } = yaml();
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const raw: unknown = saved ? saved.raw : parse().doc.toJS();
  if (!saved && key !== undefined && cache) {
    const nodes = typeof raw === "object" && raw !== null ? (raw as { nodes?: unknown }).nodes : undefined;
    const nodeLines = Array.isArray(nodes) ? nodes.map((_, i) => lineOf(["nodes", i]) ?? null) : [];
    cache.write(key, { raw, nodeLines } satisfies ParsedFile);
  }
  const nodeLine = (i: number): number | undefined => (saved ? (saved.nodeLines[i] ?? undefined) : lineOf(["nodes", i]));
  const header = Header.safeParse(raw);
  if (!header.success) {
    for (const issue of header.error.issues) {
      problems.push({ file, line: lineOf(issue.path as (string | number)[]), message: headerMessage(issue), fix: headerFix(raw) });
    }
    return;
  }
  const head = header.data;
  if ("data" in head) {
    if (flows.data.has(head.data)) {
      problems.push({ file, line: lineOf(["data"]), message: `data "${head.data}" is defined twice (also in ${flows.data.get(head.data)?.file})`, fix: "rename one of them or merge the files" });
    }
    flows.data.set(head.data, { file, value: head.value, line: (p) => lineOf(["value", ...p]) });
    return;
  }
  if (dataOnly) return;
  if (flows.flows.has(head.flow)) {
    problems.push({ file, line: lineOf(["flow"]), message: `flow "${head.flow}" is defined twice (also in ${flows.flows.get(head.flow)?.file})`, fix: "give one of the flows another id" });
    return;
  }
  const flow: Flow = { id: head.flow, start: head.start, nodes: new Map(), file, lines: new Map() };
  const nodeSchema = kinds.nodeSchema();
  head.nodes.forEach((rawNode, i) => {
    const line = nodeLine(i);
    const type = typeof rawNode === "object" && rawNode !== null ? (rawNode as { type?: unknown }).type : undefined;
    const id = typeof rawNode === "object" && rawNode !== null ? (rawNode as { id?: unknown }).id : undefined;
    const kind = typeof type === "string" ? kinds.get(type) : undefined;
    if (!kind) {
      problems.push({
        file,
        line: lineOf(["nodes", i, "type"]) ?? line,
        message: type === undefined ? `node ${typeof id === "string" ? `"${id}" ` : ""}has no type` : `unknown node type "${String(type)}"`,
        fix: `use one of: ${kinds.types().join(", ")}`,
      });
      return;
    }
    const parsed = nodeSchema.safeParse(rawNode);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = ["nodes", i, ...(issue.path as (string | number)[])];
        problems.push({
          file,
          line: lineOf(where),
          message: `node "${String(id)}" (${String(type)}): ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${nodeMessage(issue)}`,
          fix: `see the fields of a ${String(type)} node in \`jol flows schema\``,
        });
      }
      return;
    }
    const node: BaseNode = parsed.data;
    if (flow.nodes.has(node.id)) {
      problems.push({ file, line, message: `duplicate node id "${node.id}"`, fix: `rename one of the two nodes "${node.id}" (ids are unique in a flow)` });
      return;
    }
    flow.nodes.set(node.id, node);
    if (line !== undefined) flow.lines.set(node.id, line);
    // Two choices with one id: the second could never be chosen (its button means the first).
    const choices = (node as { choices?: unknown }).choices;
    const seen = new Map<string, number>();
    if (Array.isArray(choices)) {
      choices.forEach((choice: unknown, j) => {
        const choiceId = typeof choice === "object" && choice !== null ? (choice as { id?: unknown }).id : undefined;
        if (typeof choiceId !== "string") return;
        const first = seen.get(choiceId);
        if (first === undefined) return void seen.set(choiceId, j);
        problems.push({
          file,
          line: lineOf(["nodes", i, "choices", j]),
          message: `node "${node.id}": two choices have the id "${choiceId}" (choices ${first + 1} and ${j + 1}); the second can never be chosen`,
          fix: `give choice ${j + 1} an id of its own (ids are unique within a menu)`,
        });
      });
    }
  });
  if (!flow.nodes.has(flow.start) && !problems.some((p) => p.file === file)) {
    problems.push({ file, line: lineOf(["start"]), message: `start node "${flow.start}" does not exist`, fix: `set start to one of: ${[...flow.nodes.keys()].slice(0, 8).join(", ")}` });
  }
  flows.flows.set(flow.id, flow);
}

function headerMessage(issue: z.core.$ZodIssue): string {
  const path = issue.path.join(".");
  if (issue.code === "invalid_union") return "the file is neither a flow (spec, flow, start, nodes) nor a data file (spec, data, value)";
  return `${path ? `${path}: ` : ""}${issue.message}`;
}

function headerFix(raw: unknown): string {
  if (typeof raw === "object" && raw !== null && (raw as { spec?: unknown }).spec !== FLOW_SPEC) {
    return `start the file with "spec: ${FLOW_SPEC}" (this engine reads flow spec ${FLOW_SPEC})`;
  }
  return "a flow file has spec: 1, flow: <id>, start: <node id>, nodes: [...]; a data file has spec: 1, data: <name>, value: ...";
}

function nodeMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field(s) ${issue.keys.join(", ")}`;
  return issue.message.replace(/^Invalid input: /, "");
}
