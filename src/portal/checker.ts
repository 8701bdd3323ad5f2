import { buildSync } from "esbuild";
import type { FlowSet } from "../engine/flow.ts";
import { RuleFileSchema } from "../screening/rules.ts";
import { catalogueFrom, ruleFilesFrom } from "../screening/data.ts";
import type { CheckerData, screenerFor } from "./client/checker.ts";

/** What the bundled script exports (the browser runs it as a module; the tests import it). */
export interface CheckerBundle {
  screenerFor: typeof screenerFor;
}

/**
 * The offline job-ad checker's script and data. The script is the bot's own analyser
 * (`Screener`), bundled with esbuild from `client/checker.ts`; the data are the screening
 * catalogue and rule files, validated here with zod and written as JSON. In the browser zod is
 * replaced by a stand-in that accepts what it is given (the data are already valid and carry
 * every default; `client/zod-stand-in.js`), which keeps the script small; `test/portal/checker.test.ts` checks that the
 * bundle gives `jol screen`'s results on the development sets.
 */
export function checkerData(flows: FlowSet): CheckerData {
  return {
    catalogue: catalogueFrom(flows.data),
    files: ruleFilesFrom(flows.data).map(({ file, value }) => {
      const parsed = RuleFileSchema.safeParse(value);
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? "invalid"}; see the header of src/screening/rules.ts`);
      return { file: file.replace(/^.*[\\/]/, ""), value: parsed.data };
    }),
  };
}

/** The checker's browser script (an ES module), minified. */
export function checkerScript(): string {
  const result = buildSync({
    // The TypeScript source when running from src/, the compiled module when running from dist/.
    entryPoints: [new URL(`./client/checker${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    write: false,
    alias: { zod: new URL("./client/zod-stand-in.js", import.meta.url).pathname },
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
