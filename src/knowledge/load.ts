import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { Localizer } from "../i18n/localizer.ts";
import { LANGS, type Lang } from "../core/lang.ts";
import type { Config } from "../config/schema.ts";
import { parseKnowledgeMeta } from "./metadata.ts";
import { KnowledgeBase, contactArgs } from "./articles.ts";
import type { SearchTuning } from "./search.ts";
import { IndexCache } from "./index-cache.ts";

/**
 * Build the knowledge base straight from the content folders, without the rest of the app:
 * for `jol ask`, `npm run eval:qa` and the tests (which need no Redis and no channels).
 *
 * @example
 * const kb = loadKnowledgeBase({ flowsDir: "flows", localesDir: "locales" });
 */
export function loadKnowledgeBase(
  options: {
    flowsDir?: string;
    localesDir?: string;
    config?: Pick<Config, "HOTLINE_PHONE" | "HOTLINE_HOURS" | "EMERGENCY_CONTACTS">;
    tuning?: Partial<SearchTuning>;
  } = {},
): KnowledgeBase {
  const flowsDir = options.flowsDir ?? "flows";
  const file = join(flowsDir, "knowledge.yaml");
  const doc = readYaml(file) as { value?: unknown } | null;
  const meta = parseKnowledgeMeta(doc?.value, file);
  const i18n = readLocalizer(options.localesDir ?? "locales");
  const config = options.config ?? {
    HOTLINE_PHONE: "+7 000 000 00 00 (DEMO — not a real number)",
    HOTLINE_HOURS: "09:00-18:00",
    EMERGENCY_CONTACTS: "112 (DEMO placeholder — set EMERGENCY_CONTACTS)",
  };
  return new KnowledgeBase(meta, i18n, contactArgs(config), options.tuning);
}

/**
 * All `.ftl` files of the six languages in a Localizer, without the syntax check of
 * `loadLocales` (which `jol flows check` runs): fast enough for a CLI command.
 */
function readLocalizer(dir: string): Localizer {
  const sources = new Map<Lang, string[]>();
  for (const lang of LANGS) {
    const folder = join(dir, lang);
    if (!existsSync(folder)) continue;
    const files = readdirSync(folder).filter((f) => f.endsWith(".ftl")).sort();
    sources.set(lang, files.map((f) => readFileSync(join(folder, f), "utf8")));
  }
  return new Localizer(sources);
}

const parsedYaml = new IndexCache(undefined, "knowledge-yaml-");

/**
 * A YAML file as data, from the cache beside the search index when this exact text was parsed
 * before (parsing the article metadata and loading the YAML library are a fifth of `jol ask`).
 */
function readYaml(file: string): unknown {
  const text = readFileSync(file, "utf8");
  const key = parsedYaml.key(text);
  const saved = parsedYaml.read(key) as { value: unknown } | undefined;
  if (saved) return saved.value;
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  const value = parse(text) as unknown;
  parsedYaml.write(key, { value });
  return value;
}
