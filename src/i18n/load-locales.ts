import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, type Junk, type Message, type Term } from "@fluent/syntax";
import { LANGS, type Lang } from "../engine/types.ts";
import type { CheckProblem } from "../engine/plugin.ts";
import { Localizer } from "./localizer.ts";

/**
 * Read `locales/<lang>/*.ftl` for the six languages into a `Localizer`, and report every problem
 * with file, line and a fix: Fluent syntax errors, a message defined twice, a message missing in
 * some language (compared with the union of all languages).
 */
export function loadLocales(dirs: string | string[]): { i18n: Localizer; problems: CheckProblem[] } {
  const roots = Array.isArray(dirs) ? dirs : [dirs];
  const dir = roots[0] ?? "locales";
  const problems: CheckProblem[] = [];
  const sources = new Map<Lang, string[]>();
  /** message id → language → where it is defined */
  const where = new Map<string, Map<Lang, { file: string; line: number }>>();

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
  return { i18n: new Localizer(sources), problems };
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
