import type { Choice } from "../../engine/types.ts";

/**
 * Choices as a numbered list, one per line: `1. Label`. Messengers without dependable buttons
 * (WhatsApp, the console) show menus this way, and the engine accepts the typed number (`2`,
 * `2.`) or the label as the choice.
 *
 * Platform-neutral on purpose (it could live in `src/channels/`): `escapeLabel` makes a label
 * safe for the platform's markup.
 *
 * @example
 * numberedList([{ id: "a", label: "Work" }, { id: "b", label: "Stay" }]); // "1. Work\n2. Stay"
 */
export function numberedList(choices: readonly Choice[], escapeLabel: (label: string) => string = (s) => s): string {
  return choices.map((choice, i) => `${i + 1}. ${escapeLabel(oneLine(choice.label))}`).join("\n");
}

/** A label on one line: a newline inside would break the list apart. */
function oneLine(label: string): string {
  return label.replace(/\s*\n\s*/g, " ").trim();
}
