import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { CatalogueSchema, type Catalogue } from "./catalogue.ts";
import { Screener, type NamedRuleFile } from "./analyse.ts";
import type { FlowSet } from "../engine/flow.ts";

/**
 * Loading the screening data: the catalogue (`screening-catalogue`) and the rule files
 * (`screening-rules-<lang>`), either from the app's loaded `FlowSet` or straight from a folder
 * (the CLI and the evaluation script, which need no app).
 */

export const CATALOGUE_DATA = "screening-catalogue";
export const RULES_PREFIX = "screening-rules-";

type DataMap = Map<string, { file: string; value: unknown }>;

/** Read every `screening-*.yaml` data file of a folder (default `flows`). */
export function readScreeningData(dir = "flows"): DataMap {
  const data: DataMap = new Map();
  for (const name of readdirSync(dir).sort()) {
    if (!/^screening-.*\.ya?ml$/.test(name)) continue;
    const file = join(dir, name);
    // The YAML library is loaded here only (the bot gets these files from the flows loader's cache).
    const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
    const doc = parse(readFileSync(file, "utf8")) as { data?: unknown; value?: unknown } | null;
    if (!doc || typeof doc.data !== "string") throw new Error(`${file}: a screening data file needs "spec: 1", "data: <name>" and "value:"`);
    data.set(doc.data, { file, value: doc.value });
  }
  return data;
}

/** Validate the catalogue, with an error that names the file and the field. */
export function catalogueFrom(data: DataMap | FlowSet["data"]): Catalogue {
  const entry = data.get(CATALOGUE_DATA);
  if (!entry) throw new Error(`The screening catalogue is missing: add flows/${CATALOGUE_DATA}.yaml with "data: ${CATALOGUE_DATA}"`);
  const parsed = CatalogueSchema.safeParse(entry.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${entry.file}: value.${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/** The rule files among the data, in name order. */
export function ruleFilesFrom(data: DataMap | FlowSet["data"]): NamedRuleFile[] {
  return [...data.entries()]
    .filter(([name]) => name.startsWith(RULES_PREFIX))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, entry]) => ({ file: entry.file, value: entry.value }));
}

/** A ready analyser from loaded data. */
export function screenerFrom(data: DataMap | FlowSet["data"]): Screener {
  return new Screener(catalogueFrom(data), ruleFilesFrom(data));
}

/** A ready analyser from a folder of flow files (CLI, evaluation). */
export function loadScreener(dir = "flows"): Screener {
  return screenerFrom(readScreeningData(dir));
}
