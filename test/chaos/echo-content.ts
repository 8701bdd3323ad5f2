/**
 * The real flows and texts, copied to a temporary folder and changed in one place for the fault
 * tests: the main flow starts with an echo loop ("You said: <text>") before its menu, so every
 * reply names the message it answers and a scenario can count lost, repeated and out-of-order
 * replies per user. Everything else (router, plugins, staff desk, commands) is the real thing.
 * Point FLOWS_DIR / LOCALES_DIR at it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LANGS } from "../../src/core/lang.ts";

export interface EchoContent {
  /** The temporary folder holding both (also a good working directory for spawned processes). */
  root: string;
  flowsDir: string;
  localesDir: string;
  remove(): void;
}

/** The reply text that proves `text` was handled (the echo node's Fluent message). */
export const ECHO_PREFIX = "echo:";

/** Parse an echoed reply: the text the user sent, or undefined for any other reply. */
export function echoed(reply: string | undefined): string | undefined {
  if (!reply) return undefined;
  // Fluent wraps arguments in Unicode isolation marks.
  const line = reply.replace(/[\u2068\u2069]/g, "").split("\n").find((l) => l.startsWith(ECHO_PREFIX));
  return line?.slice(ECHO_PREFIX.length).trim();
}

/** Copy `flows/` and `locales/` (from `root`, the checkout) and add the echo loop. */
export function echoContent(root = "."): EchoContent {
  const dir = mkdtempSync(join(tmpdir(), "jol-chaos-"));
  const flowsDir = join(dir, "flows");
  const localesDir = join(dir, "locales");
  cpSync(join(root, "flows"), flowsDir, { recursive: true });
  cpSync(join(root, "locales"), localesDir, { recursive: true });
  const main = join(flowsDir, "main.yaml");
  const yaml = readFileSync(main, "utf8");
  if (!/^start: menu$/m.test(yaml) || !/^nodes:$/m.test(yaml)) {
    throw new Error("test/chaos/echo-content.ts: flows/main.yaml no longer starts with `start: menu` and a `nodes:` list; update the fixture");
  }
  const echo = [
    "nodes:",
    "  - id: chaos-echo",
    "    type: input",
    "    text: chaos-ready",
    "    var: said",
    "    next: chaos-said",
    "  - id: chaos-said",
    "    type: message",
    "    text: { id: chaos-said, args: { said: $said } }",
    "    next: chaos-route",
    "  - id: chaos-route",
    "    type: branch",
    '    cases: [{ when: { var: said, eq: "menu" }, next: menu }]',
    "    else: chaos-echo",
  ].join("\n");
  writeFileSync(main, yaml.replace(/^start: menu$/m, "start: chaos-echo").replace(/^nodes:$/m, echo));
  for (const lang of LANGS) {
    writeFileSync(join(localesDir, lang, "zz-chaos.ftl"), `chaos-ready = ready\nchaos-said = ${ECHO_PREFIX} { $said }\n`);
  }
  return { root: dir, flowsDir, localesDir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
