import type { Outbound } from "../core/messages.ts";

/**
 * Choices as a numbered list under the text — the idiom of WhatsApp and the console, where
 * buttons are not dependable. The user answers with the number or the label.
 *
 * @example
 * renderNumbered({ text: "Choose:", choices: [{ id: "a", label: "Yes" }] }) // "Choose:\n\n1. Yes"
 */
export function renderNumbered(message: Outbound, escape: (text: string) => string = (t) => t): string {
  const text = message.text;
  if (!message.choices?.length) return text;
  const list = message.choices.map((c, i) => `${i + 1}. ${escape(c.label)}`).join("\n");
  return `${text}\n\n${list}`;
}
