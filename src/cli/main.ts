import { Command, CommanderError } from "commander";
import { fail, installErrorHandlers } from "./fail.ts";
import { register as chat } from "./commands/chat.ts";
import { register as start } from "./commands/start.ts";
import { register as config } from "./commands/config.ts";
import { register as flows } from "./commands/flows.ts";
import { register as ask } from "./commands/ask.ts";
import { register as screen } from "./commands/screen.ts";
import { register as agencies } from "./commands/agencies.ts";
import { register as desk } from "./commands/desk.ts";
import { register as portal } from "./commands/portal.ts";
import { register as whatsapp } from "./commands/whatsapp.ts"; // WhatsApp Cloud transport (issue 17)
import { register as alert } from "./commands/alert.ts"; // alerts (issue 14)

/**
 * The subcommands, one module each; adding one is a file and a line here. A module only declares
 * its command: what the command needs is imported when it runs, so `jol --help` stays fast.
 */
const COMMANDS = [chat, start, config, flows, ask, screen, agencies, desk, portal, whatsapp, alert];

/**
 * The `jol` command line. Every failure ends with one line on stderr saying what to do and exit
 * code 1 (`fail.ts`); `--debug` (or LOG_LEVEL=debug) adds the stack trace.
 */
export async function main(argv: string[]): Promise<void> {
  installErrorHandlers();
  const program = new Command("jol")
    .description("Jol — a helpline bot for labour migrants in and from Kazakhstan")
    .version("0.1.0")
    .option("--debug", "print the stack trace of an error (also LOG_LEVEL=debug)")
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  try {
    // --debug may stand anywhere on the line; `fail` reads it from process.argv.
    await program.parseAsync(argv.filter((arg) => arg !== "--debug"));
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    fail(error);
    // A connection that retries in the background (a lost Redis) must not keep a failed command alive.
    setTimeout(() => process.exit(), 200).unref();
  }
}
