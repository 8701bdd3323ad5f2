import type { Command } from "commander";
import { z } from "zod";
import { loadConfig } from "../../config/load.ts";
import { loadContent, formatProblems } from "../../app/load-content.ts";
import { allPlugins } from "../../app/create.ts";
import { MemoryStore } from "../../store/memory.ts";
import { ChannelRegistry } from "../../channels/channel.ts";
import { silentLogger } from "../../log.ts";
import { systemClock } from "../../engine/types.ts";
import { KindRegistry, coreKinds } from "../../engine/kinds.ts";
import { FLOW_SPEC } from "../../engine/load-flows.ts";
import type { Config } from "../../config/schema.ts";

/** Load flows and texts the way start-up does, with every plugin, without touching Redis. */
export function checkContent(config: Config) {
  const store = new MemoryStore();
  return loadContent(config, (flows, i18n) =>
    allPlugins({ config, flows, i18n, store, log: silentLogger, clock: systemClock, channels: new ChannelRegistry() }),
  );
}

/** `jol flows check` and `jol flows schema`. */
export function register(program: Command): void {
  const flows = program.command("flows").description("check the flows and texts, or print their JSON Schema");
  flows
    .command("check")
    .description("load every flow and text and report each problem with file, line and fix; exits 1 on errors")
    .action(() => {
      const config = loadConfig();
      const { problems, flows: set } = checkContent(config);
      const errors = problems.filter((p) => (p.severity ?? "error") === "error");
      if (problems.length) process.stderr.write(`${formatProblems(problems)}\n`);
      if (errors.length) {
        process.stderr.write(`\n${errors.length} error(s) in ${config.FLOWS_DIR}/ and ${config.LOCALES_DIR}/\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`flows ok: ${set.flows.size} flows, ${[...set.flows.values()].reduce((n, f) => n + f.nodes.size, 0)} nodes, texts in 6 languages\n`);
    });
  flows
    .command("schema")
    .description("print the JSON Schema of flow files (for editors: yaml-language-server)")
    .action(() => {
      const config = loadConfig();
      const { plugins } = checkContent(config);
      const kinds = new KindRegistry([...coreKinds, ...plugins.flatMap((p) => p.kinds ?? [])]);
      const nodes = kinds.all().map((k) => k.schema);
      const schema = z.object({
        spec: z.literal(FLOW_SPEC),
        flow: z.string(),
        start: z.string(),
        description: z.string().optional(),
        nodes: z.array(z.union(nodes as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])),
      });
      process.stdout.write(`${JSON.stringify(z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }), null, 2)}\n`);
    });
}
