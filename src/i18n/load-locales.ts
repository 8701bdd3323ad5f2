import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, type Junk, type Message, type Term } from "@fluent/syntax";
import { GLOBAL_ARG_NAMES } from "./global-args.ts";
import { LANGS, type Lang } from "../core/lang.ts";
import { distance } from "../core/words.ts";
import type { CheckProblem } from "../core/check-problem.ts";
import { Localizer } from "./localizer.ts";

/**
 * Read `locales/<lang>/*.ftl` for the six languages into a `Localizer`, and report every problem
 * with file, line and a fix: Fluent syntax errors, a message defined twice, a message missing in
 * some language (compared with the union of all languages), and a variable the user would see
 * raw (see `checkVariables`).
 */
export function loadLocales(dirs: string | string[]): { i18n: Localizer; problems: CheckProblem[] } {
  const roots = Array.isArray(dirs) ? dirs : [dirs];
  const dir = roots[0] ?? "locales";
  const problems: CheckProblem[] = [];
  const sources = new Map<Lang, string[]>();
  /** message id → language → where it is defined */
  const where = new Map<string, Map<Lang, { file: string; line: number }>>();
  /** message id → language → the variables it uses, each with where */
  const variables = new Map<string, Map<Lang, Map<string, { file: string; line: number }>>>();

  for (const lang of LANGS) {
    const folders = roots.map((root) => join(root, lang)).filter((folder) => existsSync(folder));
    if (folders.length === 0) {
      problems.push({ file: join(dir, lang), message: `no texts for language ${lang}`, fix: `create ${join(dir, lang)}/ with the same .ftl files as the other languages` });
      continue;
    }
    const texts: string[] = [];
    const paths = folders.flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith(".ftl")).sort().map((name) => join(folder, name)));
    for (const path of paths) {
      const file = relative(process.cwd(), path) || path;
      const text = readFileSync(path, "utf8");
      texts.push(text);
      const lineAt = lineIndex(text);
      const resource = parse(text, { withSpans: true });
      for (const entry of resource.body) {
        if (entry.type === "Junk") {
          const junk = entry as Junk;
          const annotation = junk.annotations[0];
          problems.push({
            file,
            line: lineAt(junk.span?.start ?? annotation?.span?.start ?? 0),
            message: `Fluent syntax: ${annotation?.message ?? "cannot parse"} in "${junk.content.split("\n")[0]?.slice(0, 60)}"`,
            fix: "a message is `id = text`; continuation lines are indented; use { $var } for variables and {\"{\"} for a literal brace",
          });
          continue;
        }
        if (entry.type !== "Message" && entry.type !== "Term") continue;
        const id = (entry as Message | Term).type === "Term" ? `-${(entry as Term).id.name}` : (entry as Message).id.name;
        const line = lineAt(entry.span?.start ?? 0);
        let byLang = where.get(id);
        if (!byLang) where.set(id, (byLang = new Map()));
        const before = byLang.get(lang);
        if (before) {
          problems.push({ file, line, message: `message "${id}" is defined twice in ${lang} (also ${before.file}:${before.line})`, fix: "remove or rename one of them" });
        }
        byLang.set(lang, { file, line });
        const used = new Map<string, { file: string; line: number }>();
        for (const ref of variableRefs(entry)) if (!used.has(ref.name)) used.set(ref.name, { file, line: lineAt(ref.start) });
        const varsByLang = variables.get(id) ?? new Map<Lang, Map<string, { file: string; line: number }>>();
        varsByLang.set(lang, used);
        variables.set(id, varsByLang);
      }
    }
    sources.set(lang, texts);
  }

  for (const [id, byLang] of where) {
    const missing = LANGS.filter((l) => !byLang.has(l) && sources.has(l));
    if (missing.length === 0) continue;
    const [firstLang, first] = [...byLang.entries()][0]!;
    problems.push({
      file: first.file,
      line: first.line,
      message: `message "${id}" is missing in ${missing.join(", ")}`,
      fix: `add "${id}" to ${missing.map((l) => join(dir, l, first.file.split("/").pop() ?? "")).join(", ")} (translated from ${firstLang})`,
    });
  }
  problems.push(...checkVariables(variables));
  return { i18n: new Localizer(sources), problems };
}

/**
 * Variables a text uses that nothing passes, so the user would see "{$hotlinePhon}" raw: one
 * that the message's other languages do not use (fewer than half of them), unless every
 * message gets it (`GLOBAL_ARG_NAMES`); and one a letter or two away from a global name.
 */
function checkVariables(variables: Map<string, Map<Lang, Map<string, { file: string; line: number }>>>): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const globals: readonly string[] = GLOBAL_ARG_NAMES;
  for (const [id, byLang] of variables) {
    const count = new Map<string, number>();
    for (const used of byLang.values()) for (const name of used.keys()) count.set(name, (count.get(name) ?? 0) + 1);
    const shared = [...count.keys()].filter((name) => globals.includes(name) || count.get(name)! * 2 >= byLang.size);
    for (const [lang, used] of byLang) {
      for (const [name, at] of used) {
        if (globals.includes(name)) continue;
        const nearGlobal = globals.find((g) => distance(g.toLowerCase(), name.toLowerCase(), 2) <= 2);
        if (!nearGlobal && shared.includes(name)) continue;
        const candidates = [...new Set([...shared.filter((s) => s !== name), ...globals])];
        const best = nearGlobal ?? candidates.sort((a, b) => distance(a, name, 9) - distance(b, name, 9))[0];
        problems.push({
          file: at.file,
          line: at.line,
          message: `message "${id}" in ${lang} uses the variable { $${name} }, which ${nearGlobal ? "no text is given" : "its other languages do not use"}: the user would see it raw`,
          fix: best && distance(best, name, 9) <= 3 ? `write { $${best} }` : `use only the variables this message gets: ${candidates.map((c) => `$${c}`).join(", ")}`,
        });
      }
    }
  }
  return problems;
}

/** Every `{ $name }` in a Fluent entry (value, attributes, select variants, call arguments). */
function variableRefs(node: unknown): Array<{ name: string; start: number }> {
  const out: Array<{ name: string; start: number }> = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== "object" || value === null) return;
    const record = value as { type?: string; id?: { name?: string }; span?: { start: number } };
    if (record.type === "VariableReference" && typeof record.id?.name === "string") out.push({ name: record.id.name, start: record.span?.start ?? 0 });
    for (const [key, child] of Object.entries(value)) if (key !== "span") walk(child);
  };
  walk(node);
  return out;
}

function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
