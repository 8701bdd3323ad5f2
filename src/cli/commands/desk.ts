import type { Command } from "commander";

/** `jol desk` — being built by its module's issue. */
export function register(program: Command): void {
  program.command("desk").description("(not yet available)").action(() => {
    process.stderr.write("jol desk is not available yet\n");
    process.exitCode = 1;
  });
}
