import type { Command } from "commander";

/** `jol screen` — being built by its module's issue. */
export function register(program: Command): void {
  program.command("screen").description("(not yet available)").action(() => {
    process.stderr.write("jol screen is not available yet\n");
    process.exitCode = 1;
  });
}
