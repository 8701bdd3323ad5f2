import type { Command } from "commander";

/** `jol agencies` — being built by its module's issue. */
export function register(program: Command): void {
  program.command("agencies").description("(not yet available)").action(() => {
    process.stderr.write("jol agencies is not available yet\n");
    process.exitCode = 1;
  });
}
