import type { Command } from "commander";
import { isLang, LANGS } from "../../core/lang.ts";

/**
 * `jol ask [--lang xx] [--json] "question"` — the knowledge search from the command line, as
 * the bot would answer. With `--json`, exactly one object:
 * `{"id", "title", "text", "score", "alternatives": [{"id", "score"}]}`.
 */
export function register(program: Command): void {
  program
    .command("ask")
    .description("answer a question from the knowledge base, as the bot would")
    .argument("<question...>", "the question, in any of the six languages or Russian in Latin letters")
    .option("--lang <lang>", `language of the answer: ${LANGS.join(", ")} (default: DEFAULT_LANG)`)
    .option("--json", "print one JSON object {id, title, text, score, alternatives}")
    .action(async (words: string[], options: { lang?: string; json?: boolean }) => {
      const [{ loadConfig }, { loadKnowledgeBase }, { DangerWords }, { ask }, { audienceOf }] = await Promise.all([
        import("../../config/load.ts"),
        import("../../knowledge/load.ts"),
        import("../../knowledge/danger.ts"),
        import("../../knowledge/ask.ts"),
        import("../../knowledge/search.ts"),
      ]);
      const config = loadConfig();
      if (options.lang !== undefined && !isLang(options.lang)) {
        process.stderr.write(`--lang: expected one of ${LANGS.join(", ")}, found "${options.lang}"\n`);
        process.exitCode = 1;
        return;
      }
      const lang = options.lang !== undefined && isLang(options.lang) ? options.lang : config.DEFAULT_LANG;
      const kb = loadKnowledgeBase({ flowsDir: config.FLOWS_DIR, localesDir: config.LOCALES_DIR, config });
      // A user of the language given asks as the bot's user would (Uzbek, Kyrgyz, Tajik: about Kazakhstan).
      const context = { audience: audienceOf(options.lang !== undefined ? lang : undefined) };
      const result = ask(kb, words.join(" "), lang, new DangerWords(kb.meta.danger), context);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      const lines = [result.text];
      if (result.id) lines.push("", `[${result.id}  score ${result.score}${result.alternatives.length ? `; also: ${result.alternatives.map((a) => `${a.id} ${a.score}`).join(", ")}` : ""}]`);
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
