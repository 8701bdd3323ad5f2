import { isRedisLost } from "../core/errors.ts";

/**
 * How `jol` ends on an error: one line on stderr saying what went wrong and what to do, and a
 * non-zero exit. The stack trace only with `--debug` or `LOG_LEVEL=debug`. This module is loaded
 * by every command, so it imports nothing heavy and recognises errors by name and code.
 */

/** Errors whose message already names the setting or file and the fix (see `FixableError`). */
const EXPLAINED = new Set(["ConfigError", "ContentError", "RedisUnavailableError", "FixableError"]);

/** True when the user asked to see stack traces. */
export function wantsDebug(argv: readonly string[] = process.argv): boolean {
  return argv.includes("--debug") || process.env.LOG_LEVEL === "debug";
}

/** The line (or, for a list of problems, lines) a user sees for `error`. */
export function explain(error: unknown): string {
  if (!(error instanceof Error)) return `jol: ${String(error)}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (EXPLAINED.has(error.name)) return error.message;
  if (isRedisLost(error)) {
    const what = error.name === "MaxRetriesPerRequestError" ? "it stopped answering" : error.message.replace(/\.$/, "");
    return `Lost the connection to Redis (REDIS_URL): ${what}. Check that Redis is running and reachable, then run the command again.`;
  }
  if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ETIMEDOUT" || code === "ENOTFOUND" || code === "EAI_AGAIN") {
    return `A connection failed (${code}): ${error.message}. Check that the server is running and the address in the settings (REDIS_URL, TELEGRAM_API_ROOT).`;
  }
  if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") {
    const path = (error as NodeJS.ErrnoException).path;
    return `Cannot read ${path ?? "a file"} (${code}): check the path and its permissions.`;
  }
  if (code === "EADDRINUSE") return `${error.message}: another program uses this port; choose another one in the settings.`;
  return `jol: ${error.message} (unexpected; run again with --debug to see where it happened)`;
}

/** Print `error` for a user and set a failing exit code; the stack too when debugging. */
export function fail(error: unknown, debug = wantsDebug()): void {
  const text = debug && error instanceof Error && error.stack ? `${explain(error)}\n${error.stack}` : explain(error);
  process.stderr.write(`${text}\n`);
  process.exitCode = 1;
}

/** True for the error a write to a closed pipe raises (`jol config --vars | head`). */
export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "EPIPE";
}

/**
 * Route every error that escapes a command here: rejected promises, exceptions in timers, and a
 * reader that closed our standard output (then Jol stops quietly, as `cat` would, with 141 =
 * 128 + SIGPIPE).
 */
export function installErrorHandlers(): void {
  const closedPipe = (error: unknown): void => {
    if (isClosedPipe(error)) process.exit(141);
    fail(error);
    process.exit(1);
  };
  process.stdout.on("error", closedPipe);
  process.stderr.on("error", () => process.exit(141));
  process.on("uncaughtException", closedPipe);
  process.on("unhandledRejection", closedPipe);
}
