import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { parseKnowledgeMeta } from "../knowledge/metadata.ts";
import type { PageModel } from "./model.ts";

/** Content health: articles whose `reviewed` date (flows/knowledge.yaml) is older than `reviewDays`, oldest first. */
export function contentModel(flowsDir: string, reviewDays: number, today: string, title: (id: string) => string): PageModel {
  const file = join(flowsDir, "knowledge.yaml");
  const meta = parseKnowledgeMeta((parse(readFileSync(file, "utf8")) as { value?: unknown } | null)?.value, file);
  const limit = Date.parse(`${today}T00:00:00Z`) - reviewDays * 86_400_000;
  const due = meta.articles
    .filter((a) => !a.reviewed || Date.parse(a.reviewed) < limit)
    .sort((a, b) => (a.reviewed ?? "").localeCompare(b.reviewed ?? ""))
    .map((a) => [title(a.id), a.id, a.reviewed ?? "—", a.reviewed ? Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(a.reviewed)) / 86_400_000) : "—"]);
  return {
    figures: [
      { label: "web-f-articles", value: meta.articles.length },
      { label: "web-f-due", value: due.length },
    ],
    charts: [],
    tables: [{ id: "due", title: "web-t-due", head: ["web-h-article", "web-h-id", "web-h-reviewed", "web-h-days"], rows: due }],
    notes: [{ id: "web-note-review", args: { days: reviewDays } }],
  };
}
