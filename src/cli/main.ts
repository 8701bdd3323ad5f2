import { Command, CommanderError } from "commander";
import { ConfigError } from "../config/load.ts";
import { ContentError } from "../app/load-content.ts";
import { register as chat } from "./commands/chat.ts";
import { register as start } from "./commands/start.ts";
import { register as config } from "./commands/config.ts";
import { register as flows } from "./commands/flows.ts";
import { register as ask } from "./commands/ask.ts";
import { register as screen } from "./commands/screen.ts";
import { register as agencies } from "./commands/agencies.ts";
import { register as desk } from "./commands/desk.ts";
import { register as portal } from "./commands/portal.ts";

/** The subcommands, one module each; adding one is a file and a line here. */
const COMMANDS = [chat, start, config, flows, ask, screen, agencies, desk, portal];

/** The `jol` command line. Errors a user can fix print one clear message and exit 1. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command("jol")
    .description("Jol — a helpline bot for labour migrants in and from Kazakhstan")
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof ConfigError || error instanceof ContentError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
