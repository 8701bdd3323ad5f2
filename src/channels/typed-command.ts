import type { Input } from "../core/messages.ts";

/**
 * A line the user typed, as an Input: `/cmd arg` is a command (on messengers without command
 * entities — the console, WhatsApp — a typed `/stop` or `/menu` works as on Telegram), anything
 * else text.
 *
 * @example
 * typedInput("/start kb-stay") // → { kind: "command", name: "start", arg: "kb-stay" }
 * typedInput("привет")         // → { kind: "text", text: "привет" }
 */
export function typedInput(line: string): Input {
  const m = /^\/([a-z_]+)(?:@\w+)?(?:\s+(.*))?$/i.exec(line.trim());
  if (m) return { kind: "command", name: m[1]!.toLowerCase(), ...(m[2] ? { arg: m[2].trim() } : {}) };
  return { kind: "text", text: line };
}
