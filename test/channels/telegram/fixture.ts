/**
 * A copy of the real flows and texts in a temporary folder, changed in one place for the tests:
 * the main menu's "about" item shows `tg-test-long`, a 5,000-character text in three paragraphs,
 * so the splitting is tested through the real engine (point FLOWS_DIR/LOCALES_DIR at it).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LANGS } from "../../../src/core/lang.ts";

/** The three paragraphs of the long text: 2,000 + 1,500 + 1,496 characters, blank lines between. */
export const LONG_PARAGRAPHS = [`${"a".repeat(1999)}.`, `${"b".repeat(1499)}.`, `${"c".repeat(1495)}.`];

export interface ContentFixture {
  flowsDir: string;
  localesDir: string;
  remove(): void;
}

export function longTextContent(): ContentFixture {
  const root = mkdtempSync(join(tmpdir(), "jol-tg-"));
  const flowsDir = join(root, "flows");
  const localesDir = join(root, "locales");
  cpSync("flows", flowsDir, { recursive: true });
  cpSync("locales", localesDir, { recursive: true });
  const main = join(flowsDir, "main.yaml");
  const yaml = readFileSync(main, "utf8");
  if (!/text: about-text/.test(yaml)) throw new Error("fixture: flows/main.yaml no longer has the 'about' node with text about-text; update test/channels/telegram/fixture.ts");
  writeFileSync(main, yaml.replace("text: about-text", "text: tg-test-long"));
  const body = LONG_PARAGRAPHS.map((p) => `    ${p}`).join("\n\n");
  for (const lang of LANGS) writeFileSync(join(localesDir, lang, "zz-test.ftl"), `tg-test-long =\n${body}\n`);
  return { flowsDir, localesDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
