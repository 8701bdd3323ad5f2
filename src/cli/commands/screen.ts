import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { LANGS, isLang, type Lang } from "../../core/lang.ts";

/**
 * `jol screen [--lang xx] [--json] < ad.txt` — the job-ad analyser on a text from stdin, as the
 * bot would answer it (in `--lang`), or with `--json` exactly one object:
 * `{"risk": "low"|"medium"|"high", "score": n, "flags": [{"id", "indicator", "strength", "evidence"}]}`.
 */
export function register(program: Command): void {
  program
    .command("screen")
    .description("check the text of a job ad from stdin for trafficking and forced-labour red flags")
    .option("--lang <lang>", `language of the answer: ${LANGS.join(", ")}`)
    .option("--json", "print one JSON object {risk, score, flags} instead of the bot's answer")
    .action(async (options: { lang?: string; json?: boolean }) => {
      const [{ loadConfig }, { loadLocales }, { loadScreener }, { renderAdAnalysis }] = await Promise.all([
        import("../../config/load.ts"),
        import("../../i18n/load-locales.ts"),
        import("../../screening/data.ts"),
        import("../../screening/render.ts"),
      ]);
      const config = loadConfig();
      if (options.lang !== undefined && !isLang(options.lang)) {
        process.stderr.write(`--lang: expected one of ${LANGS.join(", ")}, found ${JSON.stringify(options.lang)}\n`);
        process.exitCode = 1;
        return;
      }
      const text = readFileSync(0, "utf8");
      if (text.trim() === "") {
        process.stderr.write("jol screen reads the ad from stdin: jol screen < ad.txt\n");
        process.exitCode = 1;
        return;
      }
      const analysis = loadScreener(config.FLOWS_DIR).analyse(text);
      if (options.json) {
        const flags = analysis.flags.map((f) => ({ id: f.id, indicator: f.indicator, strength: f.strength, evidence: f.evidence }));
        process.stdout.write(`${JSON.stringify({ risk: analysis.risk, score: analysis.score, flags })}\n`);
        return;
      }
      const lang: Lang = (options.lang as Lang | undefined) ?? config.DEFAULT_LANG;
      const { i18n } = loadLocales(config.LOCALES_DIR);
      const { text: reply } = renderAdAnalysis({ t: (ref, args) => (typeof ref === "string" ? i18n.t(lang, ref, args) : i18n.t(lang, ref.id, { ...ref.args, ...args })) }, analysis);
      process.stdout.write(`${reply}\n\n(risk: ${analysis.risk}, score: ${analysis.score})\n`);
    });
}
