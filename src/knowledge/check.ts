import type { CheckProblem } from "../core/check-problem.ts";
import type { FlowSet } from "../engine/flow.ts";
import type { Localizer } from "../i18n/localizer.ts";
import { LANGS } from "../core/lang.ts";
import { ARTICLE_PARTS, REQUIRED_ARTICLES, messageId, type KnowledgeMeta } from "./metadata.ts";

export const DATA_NAME = "knowledge";

/**
 * What `jol flows check` reports about the knowledge base, each with file, line and fix:
 * texts missing in a language, unknown related ids, missing sources or `reviewed` date,
 * duplicate or missing required articles, article nodes naming unknown articles, danger words
 * with a `*` after fewer than three letters.
 */
export function checkKnowledge(meta: KnowledgeMeta, flows: FlowSet, i18n: Localizer): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const data = flows.data.get(DATA_NAME);
  const file = data?.file ?? "flows/knowledge.yaml";
  // `line` takes a path inside the data file's `value`.
  const line = (path: (string | number)[]) => data?.line(path);
  const ids = new Set<string>();
  meta.articles.forEach((article, i) => {
    const at = (...rest: (string | number)[]) => line(["articles", i, ...rest]);
    if (ids.has(article.id)) {
      problems.push({ file, line: at("id"), message: `article "${article.id}" is listed twice`, fix: "remove or rename one of the entries" });
    }
    ids.add(article.id);
    for (const lang of LANGS) {
      const missing = ARTICLE_PARTS.filter((part) => !i18n.has(lang, messageId(article.id, part)));
      if (missing.length) {
        problems.push({
          file,
          line: at("id"),
          message: `article "${article.id}" has no ${missing.join(", ")} text in ${lang}`,
          fix: `add ${missing.map((p) => messageId(article.id, p)).join(", ")} to locales/${lang}/knowledge.ftl`,
        });
      }
    }
    if (!article.sources.length) {
      problems.push({ file, line: at("id"), message: `article "${article.id}" has no sources`, fix: "add `sources:` with where its facts come from (see ../shared/FACTS.md)" });
    }
    if (!article.reviewed) {
      problems.push({ file, line: at("id"), message: `article "${article.id}" has no reviewed date`, fix: 'add `reviewed: "YYYY-MM-DD"`, the day its text was last checked against the facts' });
    } else if (!/^\d{4}-\d{2}-\d{2}$/.test(article.reviewed) || Number.isNaN(Date.parse(article.reviewed))) {
      problems.push({ file, line: at("reviewed"), message: `article "${article.id}": reviewed date "${article.reviewed}" is not a date`, fix: 'write it as "YYYY-MM-DD", like "2026-11-26"' });
    }
  });
  meta.articles.forEach((article, i) => {
    article.related.forEach((related, j) => {
      if (ids.has(related)) return;
      problems.push({
        file,
        line: line(["articles", i, "related", j]),
        message: `article "${article.id}" names an unknown related article "${related}"`,
        fix: `use one of: ${[...ids].join(", ")}`,
      });
    });
  });
  for (const required of REQUIRED_ARTICLES) {
    if (!ids.has(required)) problems.push({ file, message: `the required article "${required}" is missing`, fix: `add an entry with id: ${required} and its texts` });
  }
  for (const lang of LANGS) {
    if (!meta.danger[lang]?.length) {
      problems.push({ file, line: line(["danger"]), message: `no danger words for ${lang}`, fix: `add a \`${lang}:\` list under danger:`, severity: "warning" });
    }
    (meta.danger[lang] ?? []).forEach((entry, i) => {
      const short = entry.split(/\s+/).find((word) => word.endsWith("*") && word.replace(/^~/, "").length < 4);
      if (short) {
        problems.push({
          file,
          line: line(["danger", lang, i]),
          message: `danger entry "${entry}": "${short}" would match every word that begins with ${short.length - 1 || "no"} letter(s)`,
          fix: "give a word with * at least three letters before the *, or write the whole word",
        });
      }
    });
  }
  for (const flow of flows.flows.values()) {
    for (const node of flow.nodes.values()) {
      if (node.type !== "article") continue;
      const article = (node as { article?: unknown }).article;
      if (typeof article === "string" && !article.startsWith("$") && !ids.has(article)) {
        problems.push({ file: flow.file, line: flow.lines.get(node.id), message: `node "${node.id}" shows an unknown article "${article}"`, fix: `use an id from ${file}` });
      }
    }
  }
  return problems;
}
