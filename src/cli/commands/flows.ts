import type { Command } from "commander";

/** `jol flows check` and `jol flows schema`. */
export function register(program: Command): void {
  const flows = program.command("flows").description("check the flows and texts, or print their JSON Schema");
  flows
    .command("check")
    .description("load every flow and text and report each problem with file, line and fix (the first 20); exits 1 on errors")
    .action(async () => {
      const [{ loadConfig }, { checkContent }, { formatProblems }] = await Promise.all([
        import("../../config/load.ts"),
        import("../../app/check-content.ts"),
        import("../../app/load-content.ts"),
      ]);
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
    .description("print the JSON Schema of flow files (for editors: yaml-language-server; all of them are in schema/)")
    .action(async () => {
      const [{ loadConfig }, { contentSchemas }] = await Promise.all([import("../../config/load.ts"), import("../schemas.ts")]);
      process.stdout.write(`${JSON.stringify(contentSchemas(loadConfig())["flow.schema.json"], null, 2)}\n`);
    });
}
