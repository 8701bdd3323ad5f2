/**
 * An expected failure whose message already says what is wrong and what to do ("Telegram rejected
 * TELEGRAM_BOT_TOKEN …: copy the token again from @BotFather"): the command line prints only the
 * message, without a stack trace (see `src/cli/fail.ts`).
 */
export class FixableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FixableError";
  }
}

/**
 * True when a Redis command failed because the connection is gone for good (ioredis gave up
 * retrying, or the client was closed): nothing in this process can work until Redis is back.
 */
export function isRedisLost(error: unknown): boolean {
  return error instanceof Error && (error.name === "MaxRetriesPerRequestError" || /Connection is closed|Stream isn't writeable/.test(error.message));
}
