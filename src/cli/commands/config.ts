import type { Command } from "commander";

/** `jol config` — which Redis (mode) and the effective settings, secrets masked; `--vars` lists every variable with its help. */
export function register(program: Command): void {
  program
    .command("config")
    .description("print the effective settings (from the environment and .env), secrets masked")
    .option("--vars", "list every variable with what it does")
    .option("--example", "print a .env template with every variable, its help and its default")
    .action(async (options: { vars?: boolean; example?: boolean }) => {
      const [{ describeConfig, loadConfig }, { ConfigSchema }, { envExample }, { describeTarget, redisTarget }] = await Promise.all([
        import("../../config/load.ts"),
        import("../../config/schema.ts"),
        import("../../config/table.ts"),
        import("../../store/client.ts"),
      ]);
      if (options.example) {
        process.stdout.write(envExample());
        return;
      }
      if (options.vars) {
        for (const [key, schema] of Object.entries(ConfigSchema.shape)) process.stdout.write(`${key}\n    ${schema.description ?? ""}\n`);
        return;
      }
      const config = loadConfig();
      process.stdout.write(`# Redis: ${describeTarget(redisTarget(config))}\n${describeConfig(config).join("\n")}\n`);
    });
}
