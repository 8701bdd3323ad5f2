import { GrammyError } from "grammy";

/** One log-safe line for a failed Bot API call or any other error (method, code and description; never a message text). */
export function describeError(error: unknown): string {
  if (error instanceof GrammyError) return `${error.method}: ${error.error_code} ${error.description}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
