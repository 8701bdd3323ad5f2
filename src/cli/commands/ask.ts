import type { Command } from "commander";

/** `jol ask` — being built by its module's issue. */
export function register(program: Command): void {
  program.command("ask").description("(not yet available)").action(() => {
    process.stderr.write("jol ask is not available yet\n");
    process.exitCode = 1;
  });
}
