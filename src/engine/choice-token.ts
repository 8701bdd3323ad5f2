/**
 * Every format of a choice token: the opaque `id` the engine (or a module) puts under a message
 * and gets back as `Input.choice` when the button is pressed. Telegram allows 64 bytes of callback
 * data, so tokens stay short (ids are at most 24 characters, see `Id`).
 *
 * - `flow/node/choice`: a choice of a node (the node that said it, so a button of an older message still works);
 * - `!name`: a command offered as a button (`!menu`, or a command of `flows/commands.yaml`);
 * - `prefix:part:part`: a module's own button outside any flow (`<prefix>:12:4`), read by that module.
 */

export interface NodeToken {
  flow: string;
  node: string;
  choice: string;
}

/** The token of a node's choice. */
export function nodeToken(flow: string, node: string, choice: string): string {
  return `${flow}/${node}/${choice}`;
}

/** A node's choice token, split; undefined for any other token. */
export function parseNodeToken(data: string): NodeToken | undefined {
  const [flow, node, choice, extra] = data.split("/");
  return flow && node && choice && extra === undefined ? { flow, node, choice } : undefined;
}

/** The choice id at the end of a node's token (what a node compares with its choices' ids). */
export function choiceOfToken(data: string): string | undefined {
  return data.split("/").pop();
}

/** A command offered as a button. */
export function commandToken(name: string): string {
  return `!${name}`;
}

/** The command a `!name` token runs, if it is one. */
export function parseCommandToken(data: string): string | undefined {
  return data.startsWith("!") ? data.slice(1) : undefined;
}

/** A module's own token: its prefix and numbered parts (`<prefix>:12:4`). */
export function moduleToken(prefix: string, ...parts: (string | number)[]): string {
  return [prefix, ...parts].join(":");
}

/** The parts of a module's token with this prefix (all of them digits), or undefined for another token. */
export function parseModuleToken(prefix: string, data: string, parts: number): number[] | undefined {
  const [head, ...rest] = data.split(":");
  if (head !== prefix || rest.length !== parts || !rest.every((p) => /^\d+$/.test(p))) return undefined;
  return rest.map(Number);
}
