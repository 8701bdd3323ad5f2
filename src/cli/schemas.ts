import { z, type ZodType } from "zod";
import type { Config } from "../config/schema.ts";
import { checkContent } from "../app/check-content.ts";
import { KindRegistry, coreKinds } from "../engine/kinds.ts";
import { FLOW_SPEC } from "../engine/load-flows.ts";
import { LANGUAGES_DATA } from "../engine/engine.ts";
import { LanguageDataSchema } from "../i18n/guess-lang.ts";
import { KnowledgeMetaSchema } from "../knowledge/metadata.ts";
import { DATA_NAME as KNOWLEDGE_DATA } from "../knowledge/check.ts";
import { CatalogueSchema } from "../screening/catalogue.ts";
import { RuleFileSchema } from "../screening/rules.ts";
import { CATALOGUE_DATA, RULES_PREFIX } from "../screening/data.ts";

/**
 * The JSON Schemas of the files in `flows/`, for editors (yaml-language-server reads the
 * `# yaml-language-server: $schema=../schema/<name>` line at the top of each file), by file name
 * in `schema/`. Built from the same zod schemas the loader validates with, so they cannot drift;
 * a test (`test/cli/schemas.test.ts`) compares them with the committed files, and
 * `UPDATE_GOLDEN=1` rewrites those.
 */
export function contentSchemas(config: Config): Record<string, object> {
  const { plugins } = checkContent(config);
  const kinds = new KindRegistry([...coreKinds, ...plugins.flatMap((p) => p.kinds ?? [])]);
  const nodes = kinds.all().map((k) => k.schema);
  const flow = z.object({
    spec: z.literal(FLOW_SPEC),
    flow: z.string(),
    start: z.string(),
    description: z.string().optional(),
    nodes: z.array(z.union(nodes as unknown as [ZodType, ZodType, ...ZodType[]])),
  });
  return {
    "flow.schema.json": jsonSchema(flow, "A Jol flow file (flows/*.yaml): a conversation graph of nodes."),
    "commands.schema.json": jsonSchema(
      dataFile("commands", z.record(z.string(), z.array(z.string()))),
      "flows/commands.yaml: plain words that work like commands anywhere, by command (and the yes / no / not sure words).",
    ),
    "languages.schema.json": jsonSchema(dataFile(LANGUAGES_DATA, LanguageDataSchema), "flows/languages.yaml: language names, greetings and common words, by language."),
    "knowledge.schema.json": jsonSchema(dataFile(KNOWLEDGE_DATA, KnowledgeMetaSchema), "flows/knowledge.yaml: one metadata entry per knowledge article."),
    "screening-catalogue.schema.json": jsonSchema(
      dataFile(CATALOGUE_DATA, CatalogueSchema),
      "flows/screening-catalogue.yaml: the forced-labour indicators, dimensions and red flags.",
    ),
    "screening-rules.schema.json": jsonSchema(
      dataFile(`${RULES_PREFIX}<lang>`, RuleFileSchema),
      "flows/screening-rules-<lang>.yaml: the job-ad analyser's rules for one language (or any).",
    ),
  };
}

/** A data file: `spec: 1`, `data: <name>` and its `value`. */
function dataFile(name: string, value: ZodType): ZodType {
  const data = name.endsWith("<lang>") ? z.string().regex(new RegExp(`^${name.slice(0, -"<lang>".length)}[a-z]+$`)) : z.literal(name);
  return z.strictObject({ spec: z.literal(FLOW_SPEC), data, description: z.string().optional(), value });
}

function jsonSchema(schema: ZodType, title: string): object {
  return { title, ...z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) };
}
